import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import { ChirpError } from '@chirp/core';
import type { AccountStore, Keys } from '@chirp/store';
import type { Auth } from './auth.ts';

export interface RateLimitOptions {
  accounts: AccountStore;
  keys: Keys;
  /** Writes per minute per client address and per account; 0 turns write limits off (benchmarks). */
  writesPerMinute: number;
  /** Failed sign-ins per handle and per client address in one window; never off. */
  signInMaxFailures: number;
  signInWindowMs: number;
}

const clientKey = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/**
 * rate-limit-redis loads its scripts in the constructor and keeps the promises; when Redis is down
 * at that moment they reject with nobody listening, and an unhandled rejection ends a Node process.
 * Each call reloads a script that failed, so the first rejections only need a listener.
 */
function redisStore(o: RateLimitOptions, name: string): RedisStore {
  const store = new RedisStore({
    prefix: o.keys.rateLimit(name),
    sendCommand: (command: string, ...args: string[]) => o.accounts.sendCommand(command, ...args) as never,
  });
  store.incrementScriptSha.catch(() => undefined);
  store.getScriptSha.catch(() => undefined);
  return store;
}

/**
 * Every limit counts in Redis (rate-limit-redis), so all API instances share one count. The client
 * address is `req.ip`, which honours X-Forwarded-For only as far as TRUST_PROXY allows: by default
 * the socket address, so a client cannot pick its own key.
 */
export function rateLimits(o: RateLimitOptions): { writesPerClient: RequestHandler; writesPerAccount: RequestHandler; signIn: RequestHandler[] } {
  const limiter = (name: string, options: Partial<Options>): RequestHandler =>
    rateLimit({
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      store: redisStore(o, name),
      handler: (_req, res, next) => {
        next(new ChirpError('RATE_LIMITED', name.startsWith('signin') ? 'too many failed sign-ins, try again later' : 'too many requests, slow down'));
      },
      ...options,
    });
  const off: RequestHandler = (_req, _res, next) => next();
  const writes = (name: string, key: Options['keyGenerator'], skip: Options['skip']): RequestHandler =>
    o.writesPerMinute > 0 ? limiter(name, { windowMs: 60_000, limit: o.writesPerMinute, keyGenerator: key, skip }) : off;
  const signIn = (name: string, key: Options['keyGenerator']): RequestHandler =>
    // Only wrong passwords (401) count: the 11th in the window is a 429. Everything else is taken
    // back once answered, a 429 included: an attempt one limit refused is not another failure for
    // the other, so a user whose handle is under attack does not lock out their own address.
    limiter(name, {
      windowMs: o.signInWindowMs,
      limit: o.signInMaxFailures,
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => res.statusCode !== 401,
      keyGenerator: key,
    });
  return {
    writesPerClient: writes('writes-client', clientKey, (req) => req.method === 'GET' || req.method === 'HEAD'),
    writesPerAccount: writes(
      'writes-account',
      (_req, res) => (res.locals.auth as Auth).handle.toLowerCase(),
      (req, res) => req.method === 'GET' || req.method === 'HEAD' || res.locals.auth === undefined,
    ),
    signIn: [
      signIn('signin-client', clientKey),
      signIn('signin-handle', (req) => {
        const handle: unknown = (req.body as { handle?: unknown } | undefined)?.handle;
        return typeof handle === 'string' ? handle.toLowerCase().slice(0, 64) : '';
      }),
    ],
  };
}
