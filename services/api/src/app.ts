import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from './deps.ts';
import { errorHandler, notFound, requireBodyType } from './http-error.ts';
import { httpMetrics } from './http-metrics.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { clickRoutes } from './routes/clicks.ts';
import { healthRoutes } from './routes/health.ts';
import { pipelineRoutes } from './routes/pipeline.ts';
import { streamRoutes } from './routes/stream.ts';
import { timelineRoutes } from './routes/timelines.ts';
import { tweetRoutes } from './routes/tweets.ts';
import { userRoutes } from './routes/users.ts';

/** Bodies are small: a tweet is 280 characters. Anything near this limit is abuse or a mistake. */
export const BODY_LIMIT = '64kb';

/** Builds the express app without listening, so routes are tested in-process. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(httpMetrics(deps.registry));
  app.use(healthRoutes(deps));
  if (deps.rateLimitPerMinute > 0) {
    app.use(
      '/api',
      rateLimit({
        windowMs: 60_000,
        limit: deps.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        skip: (req) => req.method === 'GET',
        handler: (_req, _res, next) => next(new ChirpError('RATE_LIMITED', 'too many requests, slow down')),
      }),
    );
  }
  app.use('/api', requireBodyType());
  app.use('/api', express.json({ limit: BODY_LIMIT, strict: true }));
  app.use('/api', express.urlencoded({ limit: BODY_LIMIT, extended: false, parameterLimit: 20 }));
  app.use(tweetRoutes(deps));
  app.use(timelineRoutes(deps));
  app.use(userRoutes(deps));
  app.use(streamRoutes(deps));
  app.use(pipelineRoutes(deps));
  app.use(clickRoutes(deps));
  app.use(analyticsRoutes(deps));
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
