import { Router, type Request, type Response } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { actingAs } from '../auth.ts';
import { fromRedis } from '../http-error.ts';
import { handleParam, limitParam, scoreCursorParam } from './params.ts';

export function userRoutes(deps: AppDeps): Router {
  const router = Router();

  /** A handle nobody used yet is a user with nothing yet: users come into being on first use. */
  router.get('/api/users/:user', async (req, res) => {
    const user = handleParam(req.params.user);
    const viewer = req.query.viewer === undefined ? undefined : handleParam(req.query.viewer, 'viewer');
    const profile = await fromRedis(deps.graph.profile(user, viewer));
    if (!profile) throw new ChirpError('REDIS_UNAVAILABLE', 'Redis is unavailable');
    const { exists: _exists, ...body } = profile;
    res.json(body);
  });

  router.get('/api/users/:user/followers', async (req, res) => {
    const user = handleParam(req.params.user);
    const page = await fromRedis(deps.graph.followersPage(user, scoreCursorParam(req.query.cursor), limitParam(req.query.limit)));
    res.json({ user, users: page.items, nextCursor: page.nextCursor });
  });

  router.get('/api/users/:user/following', async (req, res) => {
    const user = handleParam(req.params.user);
    const page = await fromRedis(deps.graph.followingPage(user, scoreCursorParam(req.query.cursor), limitParam(req.query.limit)));
    res.json({ user, users: page.items, nextCursor: page.nextCursor });
  });

  router.get('/api/users/:user/tweets', async (req, res) => {
    const user = handleParam(req.params.user);
    const page = await fromRedis(deps.tweets.authorTweetIds(user, scoreCursorParam(req.query.cursor), limitParam(req.query.limit)));
    res.json({ user, tweets: await fromRedis(deps.tweets.getMany(page.items)), nextCursor: page.nextCursor });
  });

  /** Follow and unfollow are events on twitter.follows; the graph worker applies them. 204 once Kafka acknowledged. */
  const edge =
    (action: 'follow' | 'unfollow') =>
    async (req: Request, res: Response): Promise<void> => {
      const user = actingAs(res, handleParam(req.params.user, 'user'));
      const target = handleParam(req.params.target, 'target');
      if (user.toLowerCase() === target.toLowerCase()) throw new ChirpError('VALIDATION', 'a user cannot follow themselves', { field: 'target' });
      await deps.publish.follow({ user, target, action, at: new Date().toISOString() });
      res.status(204).end();
    };
  router.put('/api/users/:user/following/:target', edge('follow'));
  router.delete('/api/users/:user/following/:target', edge('unfollow'));

  return router;
}
