import { z } from 'zod';
import { ChirpError, handleSchema } from '@chirp/core';
import { isCursor } from '@chirp/store';

export function handleParam(value: unknown, field = 'user'): string {
  const parsed = handleSchema.safeParse(value);
  if (!parsed.success) throw new ChirpError('VALIDATION', `${field} must be 1-32 letters, digits or _`, { field });
  return parsed.data;
}

const limitSchema = z.coerce.number().int().min(1).max(100).default(20);

export function limitParam(value: unknown): number {
  const parsed = limitSchema.safeParse(value ?? undefined);
  if (!parsed.success) throw new ChirpError('VALIDATION', 'limit must be an integer from 1 to 100', { field: 'limit' });
  return parsed.data;
}

/** Opaque score cursors of ZSET pages. */
export function scoreCursorParam(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !isCursor(value)) throw new ChirpError('VALIDATION', 'cursor is not valid', { field: 'cursor' });
  return value;
}

/** Timeline cursors: the last tweet id of the previous page, and `~<score>` when pulled tweets were merged. */
export function idCursorParam(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{0,64}(~\d{0,16})?$/.test(value))
    throw new ChirpError('VALIDATION', 'cursor is not valid', { field: 'cursor' });
  return value;
}
