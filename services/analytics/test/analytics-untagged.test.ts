import { describe, expect, it } from 'vitest';
import type { Click } from '@chirp/core';
import { deadLetterTopic, groupId } from '@chirp/core';
import { PreferencesStore } from '@chirp/store';
import { HEADER, headerString } from '@chirp/streams';
import { createTestContext, waitFor } from '@chirp/testkit';
import { produceClicks, tagTweets } from './helpers.ts';

const ctx = await createTestContext({ partitions: 1 });
const BOGUS = 40;

/** Collects the error code of every message the analytics group dead-letters. */
async function watchDeadLetters(): Promise<string[]> {
  const codes: string[] = [];
  const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}dlq-reader` });
  ctx.onCleanup(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topic: deadLetterTopic(groupId(ctx.prefix, 'analytics')), fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void codes.push(headerString(message.headers, HEADER.errorCode) ?? '') });
  return codes;
}

describe('analytics: clicks on tweets that are never tagged (issue 11, defect 7)', () => {
  it("do not stall the user's genuine click behind them and leave, bounded, for the DLQ", async () => {
    await tagTweets(ctx, 4); // tw1..tw3 carry tags
    await ctx.startService('analytics');
    const codes = await watchDeadLetters();
    const at = new Date().toISOString();
    const bogus: Click[] = Array.from({ length: BOGUS }, (_, i) => ({ clickId: `b${i}`, user: 'hal', tweetId: `ghost${i}`, kind: 'open', at }));
    const genuine: Click = { clickId: 'g1', user: 'hal', tweetId: 'tw1', kind: 'share', at };
    const started = Date.now();
    await produceClicks(ctx, [...bogus, genuine]);
    const prefs = new PreferencesStore(ctx.redis, ctx.keys);
    await waitFor(async () => (await prefs.top('hal')).length > 0, { timeoutMs: 60_000, intervalMs: 100, what: "hal's genuine click applied" });
    const waited = Date.now() - started;
    // Retried in place with backoff, 40 failing clicks of the same user held the genuine one ~20 s.
    expect(waited).toBeLessThan(8_000);
    // Bounded: a few delayed rounds through the retry topic (200 ms, 400 ms here), then the DLQ.
    await waitFor(() => codes.length >= BOGUS, { timeoutMs: 30_000, what: `${BOGUS} dead letters` });
    expect(codes).toHaveLength(BOGUS);
    expect(new Set(codes)).toEqual(new Set(['NOT_READY']));
  }, 120_000);
});
