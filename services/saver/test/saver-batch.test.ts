import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createRedis, TweetStore } from '@chirp/store';
import type { Message } from '@chirp/streams';
import { createRegistry } from '@chirp/telemetry';
import { createTestContext } from '@chirp/testkit';
import type { Tweet } from '@chirp/core';
import { saverInput } from '../src/saver.ts';

const ctx = await createTestContext();

/** Socket writes of a client: commands sent together (pipeline, auto-pipelining) are one write, one round trip. */
function countWrites(redis: Redis): () => number {
  const stream = (redis as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
  const original = stream.write.bind(stream);
  let writes = 0;
  stream.write = (...args: unknown[]) => {
    writes++;
    return original(...args);
  };
  return () => writes;
}

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
  it('stores a batch of 50 tweets in one Redis round trip, and a redelivered batch changes nothing', async () => {
    const redis = createRedis({ url: ctx.redisUrl, name: 'saver-batch-test' });
    ctx.onCleanup(() => redis.quit());
    await redis.ping();
    const edge = saverInput(ctx.topics.newTweets, new TweetStore(redis, ctx.keys), createRegistry('saver-test'));
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const tweets = Array.from({ length: 50 }, (_, i): Tweet => ({
      id: `sb${i}`,
      author: `w${i % 4}`,
      text: `n${i}`,
      createdAt: new Date(t0 + i * 1000).toISOString(),
    }));
    const batch = tweets.map(message);
    const writes = countWrites(redis);
    await edge.handleBatch(batch, { signal: new AbortController().signal, heartbeat: async () => {} });
    expect(writes()).toBe(1);
    await edge.handleBatch(batch, { signal: new AbortController().signal, heartbeat: async () => {} });
    const store = new TweetStore(ctx.redis, ctx.keys);
    expect((await store.getMany(tweets.map((t) => t.id))).map((t) => t.id)).toEqual(tweets.map((t) => t.id));
    expect(await ctx.redis.zcard(ctx.keys.userTweets('w1'))).toBe(13);
    expect(await ctx.redis.zscore(ctx.keys.users(), 'w0')).toBe(String(t0));
  });
});
