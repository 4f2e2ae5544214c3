import { Router } from 'express';
import { z } from 'zod';
import { ChirpError, handleSchema, newId, parseMentions, tweetTextSchema, type Tweet } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { actingAs, reader, signedIn } from '../auth.ts';
import { fromRedis, validationError } from '../http-error.ts';

/** JSON `{author?, text}` or the article's form fields `author`, `tweet`; the author is the signed-in account. */
const postTweetSchema = z
  .object({
    author: handleSchema.optional(),
    text: tweetTextSchema.optional(),
    tweet: tweetTextSchema.optional(),
    /** The id of the tweet this one answers (issue 18). */
    replyTo: z
      .string({ error: 'must be a tweet id' })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a tweet id')
      .optional(),
  })
  .transform((b, ctx) => {
    const text = b.text ?? b.tweet;
    if (text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is required', path: ['text'] });
      return z.NEVER;
    }
    return { author: b.author, text, replyTo: b.replyTo };
  });

export const tweetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a tweet id');

/** A route's `:id`: anything that is not a tweet id cannot name a tweet, so 404. */
export function tweetIdParam(value: unknown): string {
  const id = tweetIdSchema.safeParse(value);
  if (!id.success) throw new ChirpError('NOT_FOUND', 'no such tweet');
  return id.data;
}

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
    if (parsed.data.replyTo !== undefined) {
      const parent = await fromRedis(deps.tweets.get(parsed.data.replyTo));
      if (!parent) throw new ChirpError('NOT_FOUND', 'the tweet replied to does not exist (or was deleted)', { field: 'replyTo' });
      // A block stops replies both ways (issue 18), as it stops follows (routes/users.ts).
      if (await fromRedis(deps.relations.blockedEitherWay(author, parent.author))) {
        throw new ChirpError('FORBIDDEN', 'you cannot reply to this user (a block is in place)', { field: 'replyTo' });
      }
      tweet.replyTo = { id: parent.id, author: parent.author };
    }
    await deps.publish.tweet(tweet); // 503 via the error handler when Kafka does not acknowledge
    res.status(201).location(`/api/tweets/${tweet.id}`).json(tweet);
  });

  router.get('/api/tweets/:id', async (req, res) => {
    const tweet = await fromRedis(deps.tweets.get(tweetIdParam(req.params.id)));
    if (!tweet) throw new ChirpError('NOT_FOUND', 'no such tweet'); // never posted, or deleted
    await fromRedis(deps.social.decorate([tweet], reader(res), false));
    res.json(tweet);
  });

  return router;
}
