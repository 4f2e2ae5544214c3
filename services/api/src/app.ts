import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate, sameOriginForCookies } from './auth.ts';
import type { AppDeps } from './deps.ts';
import { errorHandler, notFound, requireBodyType } from './http-error.ts';
import { httpMetrics } from './http-metrics.ts';
import { rateLimits } from './rate-limits.ts';
import { accountRoutes } from './routes/accounts.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { monitorRoutes } from './routes/monitor.ts';
import { clickRoutes } from './routes/clicks.ts';
import { healthRoutes } from './routes/health.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { pipelineRoutes } from './routes/pipeline.ts';
import { relationRoutes } from './routes/relations.ts';
import { searchRoutes } from './routes/search.ts';
import { socialRoutes } from './routes/social.ts';
import { streamRoutes } from './routes/stream.ts';
import { timelineRoutes } from './routes/timelines.ts';
import { tweetRoutes } from './routes/tweets.ts';
import { userRoutes } from './routes/users.ts';

/** Bodies are small: a tweet is 280 characters. Anything near this limit is abuse or a mistake. */
export const BODY_LIMIT = '64kb';

/** TRUST_PROXY as express reads it: `false`/`true`, a hop count, or addresses and subnets. */
export function trustProxySetting(raw: string): boolean | number | string {
  if (raw === 'false' || raw === '') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

/**
 * The web app is one origin of our own files: scripts, styles and API calls from 'self' only, no
 * inline script, no framing. Plain HTTP by default, so no upgrade-insecure-requests.
 */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * helmet's headers, worked out once: helmet runs as 13 chained middlewares setting fixed values
 * (nothing here depends on the request), so the same headers are recorded at start-up and set in
 * one step per response. Throws at start-up if helmet ever needs the request or answers async.
 */
export function securityHeaders(options: Parameters<typeof helmet>[0]): RequestHandler {
  const headers: [string, string][] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  let called = false;
  helmet(options)({} as Request, recorder as unknown as Response, () => (called = true));
  if (!called || headers.length === 0) throw new Error('helmet did not set its headers synchronously');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** Builds the express app without listening, so routes are tested in-process. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on API answers: hashing every JSON body costs each request (the profile showed it), and
  // no client sends If-None-Match for a live timeline. Static files keep serve-static's own ETags.
  app.set('etag', false);
  app.set('trust proxy', deps.auth.trustProxy);
  app.use(securityHeaders({ contentSecurityPolicy: CSP, referrerPolicy: { policy: 'same-origin' }, frameguard: { action: 'deny' } }));
  app.use(httpMetrics(deps.registry));
  app.use(healthRoutes(deps));
  const limits = rateLimits({
    accounts: deps.accounts,
    keys: deps.keys,
    writesPerMinute: deps.rateLimitPerMinute,
    signInMaxFailures: deps.auth.signInMaxFailures,
    signInWindowMs: deps.auth.signInWindowMs,
  });
  app.use('/api', limits.writesPerClient);
  app.use('/api', requireBodyType());
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: true }));
  app.use('/api', express.urlencoded({ limit: BODY_LIMIT, extended: false, parameterLimit: 20 }));
  // Who is asking (bearer or cookie), whether a cookie write comes from our origin, then per-account limits.
  app.use('/api', authenticate(deps.accounts), sameOriginForCookies(), limits.writesPerAccount);
  app.use(accountRoutes(deps, limits));
  app.use(tweetRoutes(deps));
  app.use(socialRoutes(deps));
  app.use(timelineRoutes(deps));
  app.use(userRoutes(deps));
  app.use(streamRoutes(deps));
  app.use(pipelineRoutes(deps));
  app.use(clickRoutes(deps));
  app.use(analyticsRoutes(deps));
  app.use(monitorRoutes(deps));
  app.use(relationRoutes(deps));
  app.use(notificationRoutes(deps));
  app.use(searchRoutes(deps));
  app.use('/api', notFound);
  if (deps.webDist && existsSync(join(deps.webDist, 'index.html'))) {
    const dist = deps.webDist;
    app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(dist, 'index.html')));
  }
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
