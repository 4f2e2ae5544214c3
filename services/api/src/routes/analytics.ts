import { Router } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { fromRedis } from '../http-error.ts';
import { actingAs } from '../auth.ts';
import { handleParam, limitParam } from './params.ts';

function analyticsOf(deps: AppDeps): NonNullable<AppDeps['analytics']> {
  if (!deps.analytics) throw new ChirpError('UPSTREAM', 'analytics reads are not configured', { retriable: true });
  return deps.analytics;
}

export function analyticsRoutes(deps: AppDeps): Router {
  const router = Router();

  /** `{user, tags: [{tag, score}]}`: the user's interests as the analytics worker learnt them from clicks. */
  router.get('/api/users/:user/preferences', async (req, res) => {
    const user = actingAs(res, handleParam(req.params.user)); // private: what you click is yours
    res.json({ user, tags: await fromRedis(analyticsOf(deps).reads.preferences(user)) });
  });

  /** `{window, tags: [{tag, count}]}`: the most clicked tags of the last window. */
  router.get('/api/trends', (req, res) => {
    res.json(analyticsOf(deps).reads.trends(limitParam(req.query.limit)));
  });

  return router;
}
