import { describe, expect, it } from 'vitest';
import { TweetStore } from '@chirp/store';
import type { Message } from '@chirp/streams';
import { createRegistry } from '@chirp/telemetry';
import { countSocketWrites, createTestContext } from '@chirp/testkit';
import type { Tweet } from '@chirp/core';
import { saverInput } from '../src/saver.ts';

const ctx = await createTestContext();

const message = (tweet: Tweet, offset: number): Message<Tweet> => ({
  topic: ctx.topics.newTweets,
  partition: 0,
  offset: String(offset),
  key: tweet.author,
  value: tweet,
  timestamp: Date.now(),
  headers: {},
});

describe('saver', () => {
  it('stores a batch of 50 tweets in one Redis round trip (on a cluster: a few per master), and a redelivered batch changes nothing', async () => {
    const redis = ctx.createRedis('saver-batch-test');
    const edge = saverInput(ctx.topics.newTweets, new TweetStore(redis, ctx.keys), createRegistry('saver-test'));
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const tweets = Array.from({ length: 50 }, (_, i): Tweet => ({
      id: `sb${i}`,
      author: `w${i % 4}`,
      text: `n${i}`,
      createdAt: new Date(t0 + i * 1000).toISOString(),
    }));
    const batch = tweets.map(message);
    const counter = await countSocketWrites(redis);
    await edge.handleBatch(batch, { signal: new AbortController().signal, heartbeat: async () => {} });
    // One server: one pipeline. Redis Cluster: the bodies, then the authors' lists and the users
    // index, then the tombstone re-check, each phase one write per master (tweet-store.ts
    // saveAcrossSlots): a fixed number of round trips, whatever the batch size.
    expect(counter.writes).toBeGreaterThan(0);
    if (ctx.cluster) expect(counter.writes).toBeLessThanOrEqual(4 * counter.nodes);
    else expect(counter.writes).toBe(1);
    await edge.handleBatch(batch, { signal: new AbortController().signal, heartbeat: async () => {} });
    const store = new TweetStore(ctx.redis, ctx.keys);
    expect((await store.getMany(tweets.map((t) => t.id))).map((t) => t.id)).toEqual(tweets.map((t) => t.id));
    expect(await ctx.redis.zcard(ctx.keys.userTweets('w1'))).toBe(13);
    expect(await ctx.redis.zscore(ctx.keys.users(), 'w0')).toBe(String(t0));
  });
});
