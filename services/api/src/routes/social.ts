import { Router, type Request, type Response } from 'express';
import { ChirpError } from '@chirp/core';
import type { StoredTweet } from '@chirp/store';
import type { AppDeps } from '../deps.ts';
import { reader, signedIn } from '../auth.ts';
import { fromRedis } from '../http-error.ts';
import { limitParam, scoreCursorParam } from './params.ts';
import { tweetIdParam } from './tweets.ts';

/** Most ancestors a thread read walks up (one GET each): deeper threads show their last ones. */
export const MAX_ANCESTORS = 20;

/**
 * Issue 18's routes: delete, retweet/undo, like/unlike (events on Kafka, applied by the fanout
 * group; 204 once Kafka acknowledged) and the thread read. Every write needs a session and acts
 * for the signed-in account only; a tweet that does not exist (or was deleted) is a 404.
 */
export function socialRoutes(deps: AppDeps): Router {
  const router = Router();

  const existing = async (req: Request): Promise<StoredTweet> => {
    const tweet = await fromRedis(deps.tweets.get(tweetIdParam(req.params.id)));
    if (!tweet) throw new ChirpError('NOT_FOUND', 'no such tweet');
    return tweet;
  };

  router.delete('/api/tweets/:id', async (req, res) => {
    const me = signedIn(res);
    const tweet = await existing(req);
    if (tweet.author.toLowerCase() !== me.handle.toLowerCase()) throw new ChirpError('FORBIDDEN', 'only its author can delete a tweet');
    const { id, author, createdAt, replyTo } = tweet;
    await deps.publish.deleteTweet({ tweetId: id, author, createdAt, ...(replyTo ? { replyTo } : {}), at: new Date().toISOString() });
    res.status(204).end();
  });

  const retweet = (action: 'retweet' | 'undo') => async (req: Request, res: Response) => {
    const me = signedIn(res);
    const tweet = await existing(req);
    await deps.publish.retweet({ user: me.handle, tweetId: tweet.id, author: tweet.author, createdAt: tweet.createdAt, action, at: new Date().toISOString() });
    res.status(204).end();
  };
  router.post('/api/tweets/:id/retweets', retweet('retweet'));
  router.delete('/api/tweets/:id/retweets', retweet('undo'));

  const like = (action: 'like' | 'unlike') => async (req: Request, res: Response) => {
    const me = signedIn(res);
    const tweet = await existing(req);
    await deps.publish.like({ user: me.handle, tweetId: tweet.id, author: tweet.author, action, at: new Date().toISOString() });
    res.status(204).end();
  };
  router.put('/api/tweets/:id/likes', like('like'));
  router.delete('/api/tweets/:id/likes', like('unlike'));

  /**
   * The tweet, its ancestors (root first, at most MAX_ANCESTORS; a deleted one ends the walk) and
   * one page of its replies, newest first, `?cursor=` for the next.
   */
  router.get('/api/tweets/:id/thread', async (req, res) => {
    const tweet = await existing(req);
    const limit = limitParam(req.query.limit);
    const cursor = scoreCursorParam(req.query.cursor);
    const ancestors: StoredTweet[] = [];
    for (let up = tweet.replyTo?.id; up !== undefined && ancestors.length < MAX_ANCESTORS;) {
      const parent = await fromRedis(deps.tweets.get(up));
      if (!parent) break;
      ancestors.unshift(parent);
      up = parent.replyTo?.id;
    }
    const page = await fromRedis(deps.social.replyIds(tweet.id, cursor, limit));
    const replies = await fromRedis(deps.tweets.getMany(page.items));
    await fromRedis(deps.social.decorate([...ancestors, tweet, ...replies], reader(res), false));
    res.json({ tweet, ancestors, replies, nextCursor: page.nextCursor });
  });

  return router;
}
