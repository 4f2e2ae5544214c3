import { Router } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { fromRedis } from '../http-error.ts';
import { handleParam, limitParam } from './params.ts';

function analyticsOf(deps: AppDeps): NonNullable<AppDeps['analytics']> {
  if (!deps.analytics) throw new ChirpError('UPSTREAM', 'analytics reads are not configured', { retriable: true });
  return deps.analytics;
}

export function analyticsRoutes(deps: AppDeps): Router {
  const router = Router();

  /** `{user, tags: [{tag, score}]}`: the user's interests as the analytics worker learnt them from clicks. */
  router.get('/api/users/:user/preferences', async (req, res) => {
    const user = handleParam(req.params.user);
    res.json({ user, tags: await fromRedis(analyticsOf(deps).reads.preferences(user)) });
  });

  /** `{window, tags: [{tag, count}]}`: the most clicked tags of the last window. */
  router.get('/api/trends', (req, res) => {
    res.json(analyticsOf(deps).reads.trends(limitParam(req.query.limit)));
  });

  return router;
}
