import { describe, expect, it } from 'vitest';
import { createTestContext, waitFor } from '@chirp/testkit';
import type { FollowEvent } from '@chirp/core';

const ctx = await createTestContext({ partitions: 2 });

describe('graph worker', () => {
  it('a follow retried after the later unfollow of the same edge leaves the edge absent', async () => {
    await ctx.startService('graph');
    const producer = await ctx.producer();
    const t1 = new Date(Date.now() - 2000).toISOString();
    const t2 = new Date(Date.now() - 1000).toISOString();
    const event = (e: FollowEvent): { key: string; value: string } => ({ key: `${e.user}|${e.target}`, value: JSON.stringify(e) });
    // One partition, in this order: the unfollow (t2) arrives first, the follow (t1) that failed once comes back after
    // it, then a sentinel edge that tells the test both were applied.
    await producer.send({
      topic: ctx.topics.follows,
      messages: [
        { ...event({ user: 'ann', target: 'bob', action: 'unfollow', at: t2 }), partition: 0 },
        { ...event({ user: 'ann', target: 'bob', action: 'follow', at: t1 }), partition: 0 },
        { ...event({ user: 'sentinel', target: 'bob', action: 'follow', at: t2 }), partition: 0 },
      ],
    });
    await waitFor(async () => (await ctx.redis.zscore(ctx.keys.followers('bob'), 'sentinel')) !== null, { what: 'the sentinel edge', timeoutMs: 30_000 });
    expect(await ctx.redis.zscore(ctx.keys.following('ann'), 'bob')).toBeNull();
    expect(await ctx.redis.zscore(ctx.keys.followers('bob'), 'ann')).toBeNull();
  });
});
