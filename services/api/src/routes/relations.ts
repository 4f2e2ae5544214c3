import { Router, type Request, type Response } from 'express';
import { ChirpError, type RelationKind } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { actingAs } from '../auth.ts';
import { fromRedis } from '../http-error.ts';
import { handleParam } from './params.ts';

/**
 * Mutes and blocks: events on twitter.relations, applied by the notify group (204 once Kafka
 * acknowledged). A block also produces an unfollow of both follow edges to twitter.follows, at the
 * block's time, so the graph worker removes them like any unfollow (and a rebuild does the same).
 */
export function relationRoutes(deps: AppDeps): Router {
  const router = Router();
  const path = { mute: 'mutes', block: 'blocks' } as const;

  const change =
    (kind: RelationKind, action: 'on' | 'off') =>
    async (req: Request, res: Response): Promise<void> => {
      const user = actingAs(res, handleParam(req.params.user, 'user'));
      const target = handleParam(req.params.target, 'target');
      if (user.toLowerCase() === target.toLowerCase()) throw new ChirpError('VALIDATION', `a user cannot ${kind} themselves`, { field: 'target' });
      const at = new Date().toISOString();
      if (kind === 'block' && action === 'on') {
        // The unfollows first: were the block acknowledged and the unfollows not, a retry of the request mends it.
        await Promise.all([
          deps.publish.follow({ user, target, action: 'unfollow', at }),
          deps.publish.follow({ user: target, target: user, action: 'unfollow', at }),
        ]);
      }
      await deps.publish.relation({ user, target, kind, action, at });
      res.status(204).end();
    };

  for (const kind of ['mute', 'block'] as const) {
    router.put(`/api/users/:user/${path[kind]}/:target`, change(kind, 'on'));
    router.delete(`/api/users/:user/${path[kind]}/:target`, change(kind, 'off'));
    /** Your own list only. */
    router.get(`/api/users/:user/${path[kind]}`, async (req, res) => {
      const user = actingAs(res, handleParam(req.params.user, 'user'));
      res.json({ user, users: await fromRedis(deps.relations.list(user, kind)) });
    });
  }

  /** What you have set towards another user (the profile page's buttons). */
  router.get('/api/users/:user/relations/:target', async (req, res) => {
    const user = actingAs(res, handleParam(req.params.user, 'user'));
    const target = handleParam(req.params.target, 'target');
    res.json({ user, target, ...(await fromRedis(deps.relations.state(user, target))) });
  });

  return router;
}
