import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { entryId, GraphStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';
import { fanoutUnderTest } from './fanout-fixture.ts';

// The race the chaos suite found (2 tweets left in an unfollower's timeline): the saver and the
// fanout read twitter.newTweets in separate groups, so the fanout can push a tweet before the saver
// put it in its author's list. Unfollow finds the tweets to take out of a timeline through that
// list, so an unfollow applied in between left the tweet behind for good. Played here step by step,
// with the saver held back until after the unfollow.
const ctx = await createTestContext();
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const saver = new TweetStore(ctx.redis, ctx.keys);
const { fanout, emitted } = fanoutUnderTest(ctx, { timelineCap: 800, chunkSize: 3, pullThreshold: 1000 });

const timeline = async (user: string): Promise<string[]> => (await ctx.redis.lrange(ctx.keys.timeline(user), 0, -1)).map(entryId);

describe('an unfollow applied while the saver lags behind the fanout (chaos: tweets left in an unfollower timeline)', () => {
  it.each([
    { mode: 'inline', fans: ['lag-i1', 'lag-i2'] },
    { mode: 'chunked', fans: ['lag-c1', 'lag-c2', 'lag-c3', 'lag-c4', 'lag-c5'] },
  ] as const)('removes a $mode-delivered tweet the saver has not stored yet', async ({ mode, fans }) => {
    const author = `lag-author-${mode}`;
    const leaver = fans[0];
    for (const fan of fans) await graph.follow(fan, author, Date.now() - 60_000);
    const tweet: Tweet = { id: `lag-${mode}-1`, author, text: 'pushed before it was saved', createdAt: new Date(Date.now() - 1000).toISOString() };

    // 1. The fanout delivers the tweet; the saver has not seen it yet.
    expect(await fanout.plan(tweet)).toMatchObject({ mode });
    for (const chunk of emitted.splice(0)) await fanout.deliverChunk(chunk);
    expect(await timeline(leaver)).toContain(tweet.id);
    expect(await ctx.redis.exists(ctx.keys.tweet(tweet.id))).toBe(0);

    // 2. The follower unfollows before the saver caught up.
    expect(await graph.unfollow(leaver, author)).toBe(true);

    // 3. The saver catches up.
    await saver.save(tweet);

    expect(await timeline(leaver)).not.toContain(tweet.id);
    for (const fan of fans.slice(1)) expect(await timeline(fan)).toContain(tweet.id);
  });
});
