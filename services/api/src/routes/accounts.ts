import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { ChirpError, handleSchema, passwordSchema } from '@chirp/core';
import { hashPassword, hashToken, newSessionToken, verifyPassword } from '@chirp/accounts';
import type { AppDeps } from '../deps.ts';
import { SESSION_COOKIE, signedIn } from '../auth.ts';
import { fromRedis, validationError } from '../http-error.ts';
import type { rateLimits } from '../rate-limits.ts';

const credentialsSchema = z.object({ handle: handleSchema, password: passwordSchema });
/** Sign-in checks only the shape: a short password is just a wrong one, not a hint of the rules. */
const signInSchema = z.object({ handle: handleSchema, password: z.string({ error: 'must be a string' }).min(1, 'is required').max(1024) });

function bodyOf(body: unknown): object {
  if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ChirpError('VALIDATION', 'body must be a JSON object or form fields', { field: 'body' });
  }
  return body;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function accountRoutes(deps: AppDeps, limits: ReturnType<typeof rateLimits>): Router {
  const router = Router();
  const { accounts, auth: options } = deps;

  /**
   * Sign-up: the hash goes to twitter.accounts keyed by the lowercased handle, and the answer waits
   * for the applier's verdict in Redis: 201 if the stored account carries our request id, 409 if
   * another sign-up got there first, 503 if no verdict came before the deadline.
   */
  router.post('/api/accounts', async (req, res) => {
    const parsed = credentialsSchema.safeParse(bodyOf(req.body));
    if (!parsed.success) throw validationError(parsed.error);
    const { handle, password } = parsed.data;
    const conflict = (): ChirpError => new ChirpError('CONFLICT', `handle ${handle} is taken`, { field: 'handle' });
    if (await fromRedis(accounts.account(handle))) throw conflict();
    const requestId = randomUUID();
    await deps.publish.account({ handle, passwordHash: await hashPassword(password), requestId, createdAt: new Date().toISOString() });
    const deadline = Date.now() + options.signUpTimeoutMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 100)) {
      const stored = await fromRedis(accounts.account(handle));
      if (stored) {
        if (stored.requestId !== requestId) throw conflict();
        res.status(201).location(`/api/users/${stored.handle}`).json({ handle: stored.handle });
        return;
      }
      if (Date.now() > deadline) throw new ChirpError('UPSTREAM', 'sign-up not confirmed in time: try signing in shortly', { retriable: true });
      await sleep(wait);
    }
  });

  /** Sign-in: 201 {token, expiresAt, handle} and the session cookie; failures count toward a 429. */
  router.post('/api/sessions', ...limits.signIn, async (req, res) => {
    const parsed = signInSchema.safeParse(bodyOf(req.body));
    if (!parsed.success) throw validationError(parsed.error);
    const account = await fromRedis(accounts.account(parsed.data.handle));
    if (!(await verifyPassword(parsed.data.password, account?.passwordHash))) {
      throw new ChirpError('UNAUTHORIZED', 'wrong handle or password', { field: 'password' });
    }
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + options.sessionTtlMs).toISOString();
    await fromRedis(accounts.createSession(hashToken(token), { handle: account!.handle, expiresAt }, options.sessionTtlMs));
    // Signing in is activity: a user back after FANOUT_ACTIVE_DAYS gets pushes again and a rebuild on first read.
    await fromRedis(deps.home.recordActivity(account!.handle));
    setSessionCookie(res, token, options.sessionTtlMs, req.secure);
    res.status(201).json({ token, expiresAt, handle: account!.handle });
  });

  /** Who the cookie or token signs in: the web app asks on load. */
  router.get('/api/sessions/current', (_req, res) => {
    res.json({ handle: signedIn(res).handle });
  });

  /** Sign-out: the session is deleted, so that token and cookie are refused from now on. */
  router.delete('/api/sessions/current', async (req, res) => {
    await fromRedis(accounts.deleteSession(signedIn(res).tokenHash));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    res.status(204).end();
  });

  return router;
}

function setSessionCookie(res: Response, token: string, ttlMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ttlMs });
}
