import { describe, expect, it } from 'vitest';
import type { LikeEvent, RetweetEvent } from '@chirp/core';
import { createTestContext, deleteMatching } from '@chirp/testkit';
import type { Input } from '@chirp/streams';
import type { WorkerRuntime } from '@chirp/worker';
import { notifyInputs } from '../src/notify.ts';

// The notify group's own handlers on the real Redis, fed by hand so the order of arrival (a
// redelivered like after its unlike, a replay of only the latest record per key) is written out.
const ctx = await createTestContext({ partitions: 1 });
const rt = { redis: ctx.redis, keys: ctx.keys, topics: ctx.topics } as unknown as WorkerRuntime;
const inputs = notifyInputs(rt, { cap: 200 });
const edge = (topic: string): Input => inputs.find((i) => i.topic === topic)!;
const signal = new AbortController().signal;
const context = { signal, heartbeat: async () => undefined };

async function feed(topic: string, values: unknown[]): Promise<void> {
  const messages = values.map((value, i) => ({ topic, partition: 0, offset: String(i), key: null, value, timestamp: 0, headers: {} }));
  await edge(topic).handleBatch(messages, context);
}

const T = Date.parse('2026-12-01T10:00:00.000Z');
const at = (s: number): string => new Date(T + s * 1000).toISOString();
const like = (user: string, action: 'like' | 'unlike', s: number, tweetId = 'liked'): LikeEvent => ({ user, tweetId, author: 'hanna', action, at: at(s) });
const retweet = (user: string, action: 'retweet' | 'undo', s: number, tweetId = 'rted'): RetweetEvent => ({
  user,
  tweetId,
  author: 'hanna',
  createdAt: at(0),
  action,
  at: at(s),
});

/** Every notification key of hanna, as stored. */
async function feedOf(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const groups = await ctx.redis.zrange(ctx.keys.notifications('hanna'), 0, -1, 'WITHSCORES');
  out.groups = groups;
  for (let i = 0; i < groups.length; i += 2) out[groups[i]!] = await ctx.redis.zrange(ctx.keys.notificationGroup('hanna', groups[i]!), 0, -1, 'WITHSCORES');
  return out;
}

async function wipe(): Promise<void> {
  await deleteMatching(ctx.redis, `${ctx.redisPrefix}*`); // every master on a Redis Cluster
}

describe('an unlike or a retweet undo takes the actor out of the notification', () => {
  it('unlike: the actor leaves the aggregate, a redelivered older like does not bring them back, the last unlike drops it', async () => {
    await feed(ctx.topics.likes, [like('maria', 'like', 1), like('john', 'like', 2), like('ann', 'like', 3), like('maria', 'unlike', 4)]);
    let f = await feedOf();
    expect(f['like:liked']).toEqual(['john', String(T + 2000), 'ann', String(T + 3000)]);
    // The group's time is its latest remaining activity.
    expect(f.groups).toEqual(['like:liked', String(T + 3000)]);
    // Redelivered (or overtaken through the retry topic): the older like stays undone.
    await feed(ctx.topics.likes, [like('maria', 'like', 1)]);
    expect((await feedOf())['like:liked']).toEqual(['john', String(T + 2000), 'ann', String(T + 3000)]);
    await feed(ctx.topics.likes, [like('ann', 'unlike', 5)]);
    f = await feedOf();
    expect(f.groups).toEqual(['like:liked', String(T + 2000)]);
    await feed(ctx.topics.likes, [like('john', 'unlike', 6)]);
    // Empty: the aggregate is gone, from the feed and as a key.
    expect(await feedOf()).toEqual({ groups: [] });
    expect(await ctx.redis.exists(ctx.keys.notificationGroup('hanna', 'like:liked'))).toBe(0);
    // A like again after the unlike (newer) counts again.
    await feed(ctx.topics.likes, [like('maria', 'like', 7)]);
    expect((await feedOf())['like:liked']).toEqual(['maria', String(T + 7000)]);
  });

  it('retweet undo: the same, and a rebuild from the latest record per key gives the same feed as the live order', async () => {
    await wipe();
    const live = [
      retweet('maria', 'retweet', 1),
      retweet('john', 'retweet', 2),
      retweet('maria', 'undo', 3),
      retweet('ann', 'retweet', 4),
      retweet('ann', 'undo', 5),
      retweet('ann', 'retweet', 6),
      retweet('bob', 'retweet', 7),
      retweet('bob', 'undo', 8),
    ];
    await feed(ctx.topics.retweets, live);
    await feed(ctx.topics.retweets, live); // the whole batch redelivered
    const liveFeed = await feedOf();
    expect(liveFeed['retweet:rted']).toEqual(['john', String(T + 2000), 'ann', String(T + 6000)]);
    expect(liveFeed.groups).toEqual(['retweet:rted', String(T + 6000)]);
    // A rebuild after FLUSHALL reads the compacted topic: the latest record per key only.
    await wipe();
    await feed(ctx.topics.retweets, [retweet('maria', 'undo', 3), retweet('john', 'retweet', 2), retweet('ann', 'retweet', 6), retweet('bob', 'undo', 8)]);
    expect(await feedOf()).toEqual(liveFeed);
  });
});
