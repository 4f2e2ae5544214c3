import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@chirp/telemetry';
import { hashPassword, hashToken, newSessionToken, SCRYPT, UNUSABLE_PASSWORD, verifyPassword } from '../src/index.ts';

describe('passwords', () => {
  it('hashes with scrypt (parameters in the hash, a fresh salt each time) and verifies only the right password', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT.N}\\$${SCRYPT.r}\\$${SCRYPT.p}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('a long enough password');
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passworD', a)).toBe(false);
    expect(await verifyPassword('anything', UNUSABLE_PASSWORD)).toBe(false);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });
});

describe('session tokens', () => {
  it('are 256 random bits; Redis keeps only their sha-256', () => {
    const t = newSessionToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(t);
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).toBe(hashToken(t));
  });
});

describe('log redaction', () => {
  it('never writes a password, token, Authorization header or cookie', () => {
    let out = '';
    const sink = new Writable({
      write: (chunk: Buffer, _e, cb) => {
        out += chunk.toString();
        cb();
      },
    });
    const logger = createLogger('test', 'info', sink);
    logger.info(
      {
        password: 'secret-1',
        body: { password: 'secret-2', token: 'secret-3' },
        req: { headers: { authorization: 'Bearer secret-4', cookie: 'chirp_session=secret-5' } },
      },
      'sign-in',
    );
    expect(out).toContain('[redacted]');
    expect(out).not.toMatch(/secret-\d/);
  });
});
