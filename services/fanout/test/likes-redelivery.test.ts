import { describe, expect, it } from 'vitest';
import { createTestContext, waitFor } from '@chirp/testkit';
import { Emitter, highWatermarks, jsonCodec } from '@chirp/streams';
import { groupId, likeEventSchema, type LikeEvent } from '@chirp/core';

const ctx = await createTestContext({ partitions: 4 });
const USERS = 500;
const group = groupId(ctx.prefix, 'fanout');

/** True once the fanout group has committed every like on the topic. */
async function caughtUp(): Promise<boolean> {
  const high = await highWatermarks(ctx.kafka, ctx.topics.likes);
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [ctx.topics.likes] });
    return (offsets?.partitions ?? []).every((p) => BigInt(p.offset) >= (high.get(p.partition)?.high ?? 0n)) && (offsets?.partitions.length ?? 0) > 0;
  } finally {
    await admin.disconnect();
  }
}

describe('likes counted from the log', () => {
  it('1,000 likes from 500 users, redelivered whole after a SIGKILL and an offset reset: exactly 500', async () => {
    const likes = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.likes, codec: jsonCodec(likeEventSchema) });
    const t0 = Date.parse('2026-12-01T12:00:00Z');
    const events: { key: string; value: LikeEvent }[] = [];
    // Every user likes twice (a double click, a retried request), at different times, concurrently over 4 partitions.
    for (let round = 0; round < 2; round++) {
      for (let u = 0; u < USERS; u++) {
        const value: LikeEvent = { user: `u${u}`, tweetId: 'liked', author: 'ann', action: 'like', at: new Date(t0 + round * 1000 + u).toISOString() };
        events.push({ key: `${value.user}|liked`, value });
      }
    }
    for (let i = 0; i < events.length; i += 250) await likes.emitMany(events.slice(i, i + 250));
    expect(events).toHaveLength(1000);

    const first = await ctx.startService('fanout', { PROCESSOR_CONCURRENCY: '1' });
    await waitFor(async () => (await ctx.redis.scard(ctx.keys.likes('liked'))) > 0, { what: 'likes being applied', intervalMs: 5 });
    await first.kill(); // uncommitted likes are redelivered to the next worker
    const second = await ctx.startService('fanout');
    await waitFor(caughtUp, { what: 'every like committed', timeoutMs: 120_000, intervalMs: 250 });
    expect(await ctx.redis.scard(ctx.keys.likes('liked'))).toBe(USERS);
    await second.stop();

    // Force a redelivery of everything: the group starts over from the first like.
    const admin = ctx.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: group, topic: ctx.topics.likes, earliest: true });
    await admin.disconnect();
    expect(await caughtUp()).toBe(false);
    await ctx.startService('fanout');
    await waitFor(caughtUp, { what: 'every like committed again', timeoutMs: 120_000, intervalMs: 250 });
    expect(await ctx.redis.scard(ctx.keys.likes('liked'))).toBe(USERS);
    expect(JSON.parse((await ctx.redis.get(ctx.keys.counts('liked')))!)).toEqual({ likes: USERS, retweets: 0, replies: 0 });
  }, 300_000);
});
