import { Router } from 'express';
import type { StoredTweet } from '@chirp/store';
import type { AppDeps } from '../deps.ts';
import { actingAs } from '../auth.ts';
import { fromRedis } from '../http-error.ts';
import { handleParam, idCursorParam, limitParam, scoreCursorParam } from './params.ts';
import { TAGS, ChirpError } from '@chirp/core';
import { rankingParam } from '@chirp/analytics';

/** The article's plain-text rendering: `author: text` blocks. */
function asText(tweets: StoredTweet[]): string {
  return tweets.map((t) => `${t.author}: ${t.text}\n`).join('\n');
}

export function timelineRoutes(deps: AppDeps): Router {
  const router = Router();

  /** Home timeline: ids with one round trip (LPOS+LRANGE script), bodies with one MGET. */
  router.get('/api/timelines/:user', async (req, res) => {
    const user = actingAs(res, handleParam(req.params.user)); // private: only your own home timeline
    const limit = limitParam(req.query.limit);
    const cursor = idCursorParam(req.query.cursor);
    if (rankingParam(req.query.ranking) === 'for-you') {
      // Personalised: one page ranked by affinity·recency (packages/analytics/src/for-you.ts), two round trips.
      if (!deps.analytics) throw new ChirpError('UPSTREAM', 'for-you ranking is not configured', { retriable: true });
      const page = await fromRedis(deps.analytics.forYou.page(user, limit));
      if (req.accepts(['application/json', 'text/plain']) === 'text/plain') {
        res.type('text/plain').send(asText(page.tweets));
        return;
      }
      res.json({ user, ...page });
      return;
    }
    // Hybrid push/pull: pushed ids merged with followed celebrities' tweets, two round trips.
    const [page, hidden] = await fromRedis(Promise.all([deps.home.page(user, cursor, limit), deps.relations.hiddenFor(user)]));
    // Muted and blocked authors are filtered at read (a page may come out shorter; the cursor still moves on).
    const nextCursor = page.nextCursor;
    const tweets = hidden.size === 0 ? page.tweets : page.tweets.filter((t) => !hidden.has(t.author.toLowerCase()));
    // Likes, retweets and "retweeted by" (followees): one more round trip, only for a page with reactions.
    await fromRedis(deps.social.decorate(tweets, user, true));
    // curl's default Accept (*/*) gets JSON; `Accept: text/plain` gets the article's rendering.
    if (req.accepts(['application/json', 'text/plain']) === 'text/plain') {
      res.type('text/plain').send(asText(tweets));
      return;
    }
    res.json({ user, tweets, nextCursor });
  });

  router.get('/api/tags/:tag/tweets', async (req, res) => {
    const tag = String(req.params.tag);
    if (!(TAGS as readonly string[]).includes(tag)) throw new ChirpError('NOT_FOUND', `unknown tag ${tag}`);
    const page = await fromRedis(deps.tweets.tagTweetIds(tag, scoreCursorParam(req.query.cursor), limitParam(req.query.limit)));
    res.json({ tag, tweets: await fromRedis(deps.tweets.getMany(page.items)), nextCursor: page.nextCursor });
  });

  return router;
}
