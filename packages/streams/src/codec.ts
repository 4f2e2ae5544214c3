import type { ZodType } from 'zod';
import { ChirpError } from '@chirp/core';

export interface Codec<T> {
  encode(value: T): Buffer;
  /** Throws a non-retriable ChirpError('DECODE') on bytes that are not a valid T. */
  decode(bytes: Buffer | null): T;
}

/** JSON validated by a schema on both sides: nothing malformed is produced or handled. */
export function jsonCodec<T>(schema: ZodType<T>): Codec<T> {
  return {
    encode(value) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new ChirpError('VALIDATION', `refusing to encode: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return Buffer.from(JSON.stringify(parsed.data));
    },
    decode(bytes) {
      if (!bytes || bytes.length === 0) throw new ChirpError('DECODE', 'empty message value');
      let json: unknown;
      try {
        json = JSON.parse(bytes.toString('utf8'));
      } catch (cause) {
        throw new ChirpError('DECODE', 'message value is not JSON', { cause });
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ChirpError('DECODE', `message does not match schema: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
      }
      return parsed.data;
    },
  };
}
