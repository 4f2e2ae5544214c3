import { Router } from 'express';
import { z } from 'zod';
import { ChirpError, handleSchema, newId, parseMentions, tweetTextSchema, type Tweet } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { actingAs, signedIn } from '../auth.ts';
import { fromRedis, validationError } from '../http-error.ts';

/** JSON `{author?, text}` or the article's form fields `author`, `tweet`; the author is the signed-in account. */
const postTweetSchema = z
  .object({
    author: handleSchema.optional(),
    text: tweetTextSchema.optional(),
    tweet: tweetTextSchema.optional(),
  })
  .transform((b, ctx) => {
    const text = b.text ?? b.tweet;
    if (text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is required', path: ['text'] });
      return z.NEVER;
    }
    return { author: b.author, text };
  });

export const tweetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a tweet id');

export function tweetRoutes(deps: AppDeps): Router {
  const router = Router();

  router.post('/api/tweets', async (req, res) => {
    const me = signedIn(res);
    if (req.body === undefined || typeof req.body !== 'object' || Array.isArray(req.body) || req.body === null) {
      throw new ChirpError('VALIDATION', 'body must be a JSON object or form fields', { field: 'body' });
    }
    const parsed = postTweetSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    // Naming someone else is a 403, not silently corrected: the client thinks it posts as them.
    const author = parsed.data.author === undefined ? me.handle : actingAs(res, parsed.data.author, 'author');
    const tweet: Tweet = { id: newId(), author, text: parsed.data.text, createdAt: new Date().toISOString() };
    // Mentions are parsed once, here, and travel on the tweet (the notify group reads them).
    const mentions = parseMentions(tweet.text);
    if (mentions.length > 0) tweet.mentions = mentions;
    await deps.publish.tweet(tweet); // 503 via the error handler when Kafka does not acknowledge
    res.status(201).location(`/api/tweets/${tweet.id}`).json(tweet);
  });

  router.get('/api/tweets/:id', async (req, res) => {
    const id = tweetIdSchema.safeParse(req.params.id);
    if (!id.success) throw new ChirpError('NOT_FOUND', 'no such tweet');
    const tweet = await fromRedis(deps.tweets.get(id.data));
    if (!tweet) throw new ChirpError('NOT_FOUND', 'no such tweet');
    res.json(tweet);
  });

  return router;
}
