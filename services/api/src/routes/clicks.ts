import { Router } from 'express';
import { z } from 'zod';
import { ChirpError, CLICK_KINDS, handleSchema, newId, type Click } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { fromRedis, validationError } from '../http-error.ts';
import { tweetIdSchema } from './tweets.ts';

/** A batch is what the web app gathers in about a second; more is a client bug or abuse. */
export const MAX_CLICKS_PER_REQUEST = 100;

const clickInput = z.object({
  user: handleSchema,
  tweetId: tweetIdSchema,
  kind: z.enum(CLICK_KINDS, { error: `must be one of ${CLICK_KINDS.join(', ')}` }),
});
const batchInput = z.object({
  clicks: z
    .array(clickInput, { error: 'must be an array of clicks' })
    .min(1, 'must hold at least one click')
    .max(MAX_CLICKS_PER_REQUEST, `must hold at most ${MAX_CLICKS_PER_REQUEST} clicks`),
});

/**
 * 404 for the first click on a tweet that does not exist (one MGET for the batch): such a click
 * could only wait in the analytics group's retry topic for a tag that never comes.
 */
async function requireTweets(deps: AppDeps, inputs: readonly { tweetId: string }[], batch: boolean): Promise<void> {
  const ids = [...new Set(inputs.map((c) => c.tweetId))];
  const found = new Set((await fromRedis(deps.tweets.getMany(ids))).map((t) => t.id));
  const missing = inputs.findIndex((c) => !found.has(c.tweetId));
  if (missing < 0) return;
  const field = batch ? `clicks.${missing}.tweetId` : 'tweetId';
  throw new ChirpError('NOT_FOUND', `${field}: no tweet ${inputs[missing]!.tweetId}`, { field });
}

export function clickRoutes(deps: AppDeps): Router {
  const router = Router();

  /**
   * One click `{user, tweetId, kind}` or a batch `{clicks: [...]}`. Each gets its own id (the
   * analytics table dedupes by it) and the server's time. 202 once Kafka acknowledged every one;
   * 404 naming the field when a tweet does not exist (nothing produced).
   */
  router.post('/api/clicks', async (req, res) => {
    const body: unknown = req.body;
    if (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ChirpError('VALIDATION', 'body must be a JSON object', { field: 'body' });
    }
    const parsed = 'clicks' in body ? batchInput.safeParse(body) : clickInput.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const inputs = 'clicks' in parsed.data ? parsed.data.clicks : [parsed.data];
    await requireTweets(deps, inputs, 'clicks' in parsed.data);
    const at = new Date().toISOString();
    const clicks: Click[] = inputs.map((c) => ({ clickId: newId(), user: c.user, tweetId: c.tweetId, kind: c.kind, at }));
    await deps.publish.clicks(clicks); // 503 via the error handler when Kafka does not acknowledge
    res.status(202).json({ accepted: clicks.length });
  });

  return router;
}
