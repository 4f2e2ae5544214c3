import { describe, expect, it } from 'vitest';
import { deadLetterTopic, groupId, tweetSchema, type Click, type Tweet } from '@chirp/core';
import { PreferencesStore } from '@chirp/store';
import { Emitter, jsonCodec } from '@chirp/streams';
import { createTestContext, waitFor } from '@chirp/testkit';
import { metric, produceClicks } from './helpers.ts';

const ctx = await createTestContext({ partitions: 1 });
// The chaos run's settings: no retries in place, two quick rounds through the retry topic.
const FAILURE_ENV = { PROCESSOR_RETRIES: '0', PROCESSOR_RETRY_ROUNDS: '2', PROCESSOR_RETRY_DELAY_MS: '200' };

async function deadLetters(): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(deadLetterTopic(groupId(ctx.prefix, 'analytics'))).catch(() => []);
    return ends.reduce((s, e) => s + Number(e.high), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('analytics: a click whose tweet the tagger has not reached yet (chaos run 2, 737 valid clicks dead-lettered)', () => {
  it('waits for the tagger like any dependency, partition paused, and applies once the verdict comes; nothing is dead-lettered', async () => {
    // A tweet on twitter.newTweets as the API posts it, and no tagger running: its verdict is late.
    const tweet: Tweet = { id: 'late1', author: 'ann', text: 'shipping a new javascript framework to production today', createdAt: new Date().toISOString() };
    const tweets = new Emitter<Tweet>({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    await tweets.emit(tweet.author, tweet, { timestamp: Date.parse(tweet.createdAt) });
    const analytics = await ctx.startService('analytics', FAILURE_ENV);
    const click: Click = { clickId: 'c1', user: 'hal', tweetId: 'late1', kind: 'like', at: new Date().toISOString() };
    await produceClicks(ctx, [click]);

    // Before the fix the click left through the retry rounds (0.2 s, 0.4 s) for the DLQ.
    await waitFor(async () => (await metric(analytics, 'chirp_processor_paused_partitions', 'reason="dependency"')) >= 1 || (await deadLetters()) > 0, {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: 'the analytics partition paused on the tagger, or a dead letter',
    });
    expect(await deadLetters()).toBe(0);
    expect(await metric(analytics, 'chirp_processor_paused_partitions', 'reason="dependency"')).toBe(1);

    // The tagger comes: it tags the tweet, the paused partition's probe finds the verdict.
    await ctx.startService('tagger');
    const prefs = new PreferencesStore(ctx.redis, ctx.keys);
    await waitFor(async () => (await prefs.top('hal')).length > 0, { timeoutMs: 60_000, intervalMs: 200, what: "hal's click applied" });
    expect((await prefs.top('hal')).map((p) => p.tag)).toContain('tech_savvy');
    expect(await deadLetters()).toBe(0);

    // With the tagger running and past it, a click on a tweet that never existed is the message's
    // failure: its rounds, then the DLQ; it does not hold the partition.
    await produceClicks(ctx, [{ clickId: 'c2', user: 'hal', tweetId: 'ghost', kind: 'open', at: new Date().toISOString() }]);
    await waitFor(async () => (await deadLetters()) === 1, { timeoutMs: 30_000, intervalMs: 200, what: 'the ghost click dead-lettered' });
    expect(await metric(analytics, 'chirp_processor_paused_partitions', 'reason="dependency"')).toBe(0);
  }, 120_000);
});
