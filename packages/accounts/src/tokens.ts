import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: what the client holds (bearer token or cookie). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What Redis holds instead: a stolen dump of session keys signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
