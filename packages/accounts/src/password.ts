import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt from node:crypto (memory-hard). N = 2^15, r = 8, p = 1 needs 32 MiB and about 50-100 ms
 * of one core per hash here: OWASP's minimum for scrypt is N = 2^17 with r = 8 (128 MiB), which we
 * trade for sign-ins that do not starve the API's thread pool on a 2-core machine. The parameters
 * are written into every hash, so raising them later only affects new hashes.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** A hash no password matches: bulk-seeded accounts that nobody signs in to. */
export const UNUSABLE_PASSWORD = '!';

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number; keyLength: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, o.keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$<N>$<r>$<p>$<salt base64url>$<key base64url>`: self-describing, never the password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const DUMMY_SALT = randomBytes(SCRYPT.saltLength);

/**
 * Constant-time comparison. With no stored hash (an unknown handle) it still derives a key, so
 * the answer takes as long as for a known handle and does not tell which handles exist.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
    await derive(password, DUMMY_SALT, SCRYPT);
    return false;
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
