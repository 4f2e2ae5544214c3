import type { Request, RequestHandler, Response } from 'express';
import { ChirpError } from '@chirp/core';
import { hashToken } from '@chirp/accounts';
import type { AccountStore } from '@chirp/store';
import { fromRedis } from './http-error.ts';

/** The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS. */
export const SESSION_COOKIE = 'chirp_session';

export interface Auth {
  /** The account's handle as it signed up (display case). */
  handle: string;
  tokenHash: string;
  via: 'bearer' | 'cookie';
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The credential of a request: `Authorization: Bearer <token>` first, else the session cookie. */
function credential(req: Request): { token: string; via: Auth['via'] } | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/i.exec(header);
    // A malformed Authorization header is a client bug: refuse it rather than fall back to the cookie.
    return match ? { token: match[1]!, via: 'bearer' } : { token: '', via: 'bearer' };
  }
  const token = cookie(req, SESSION_COOKIE);
  return token ? { token, via: 'cookie' } : undefined;
}

/**
 * Resolves the session of a request into `res.locals.auth` (one GET of session:<sha256>); never
 * refuses by itself: routes decide with signedIn() / actingAs(), public routes ignore it.
 */
export function authenticate(accounts: AccountStore): RequestHandler {
  return async (req, res, next) => {
    const cred = credential(req);
    if (!cred?.token) return next();
    const tokenHash = hashToken(cred.token);
    const session = await fromRedis(accounts.session(tokenHash));
    if (session && Date.parse(session.expiresAt) > Date.now()) res.locals.auth = { handle: session.handle, tokenHash, via: cred.via } satisfies Auth;
    next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request that carries the cookie must come from this origin. Browsers send
 * Sec-Fetch-Site (and Origin on every POST/PUT/DELETE); a request with neither is refused too, as
 * only a non-browser would send it, and those use the bearer token. Bearer requests are not
 * affected: another site cannot set Authorization without a CORS preflight, which we never allow.
 */
export function sameOriginForCookies(): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method) || req.headers.authorization !== undefined || cookie(req, SESSION_COOKIE) === undefined) return next();
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    let sameOrigin: boolean;
    if (site !== undefined) sameOrigin = site === 'same-origin';
    else if (origin !== undefined) sameOrigin = hostOf(origin) === req.headers.host;
    else sameOrigin = false;
    if (!sameOrigin) return next(new ChirpError('FORBIDDEN', 'cross-site request refused: send it from the app or with a bearer token'));
    next();
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** The signed-in handle, or undefined for an anonymous reader (public reads add the reader's view when there is one). */
export function reader(res: Response): string | undefined {
  return (res.locals.auth as Auth | undefined)?.handle;
}

/** The signed-in account, or 401 (with WWW-Authenticate: Bearer, set by the error handler). */
export function signedIn(res: Response): Auth {
  const auth = res.locals.auth as Auth | undefined;
  if (!auth) throw new ChirpError('UNAUTHORIZED', 'sign in first: send Authorization: Bearer <token> or the session cookie');
  return auth;
}

/**
 * For routes that act for `user`: they must be the signed-in account (handles compare without
 * case, as accounts do), else 403. Returns the account's own spelling, which events carry.
 */
export function actingAs(res: Response, user: string, field = 'user'): string {
  const auth = signedIn(res);
  if (user.toLowerCase() !== auth.handle.toLowerCase()) {
    throw new ChirpError('FORBIDDEN', `signed in as ${auth.handle}, not ${user}`, { field });
  }
  return auth.handle;
}
