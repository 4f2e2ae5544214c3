import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore, HomeTimeline, SocialStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';

// Twitter's reply rule (a reply reaches followers of the replier who also follow the person
// replied to) on every path that puts an author's tweets on a home page without the fan-out's
// reply walk: the read-time merge of pulled (celebrity) authors, the merge of a new follow, and the
// rebuild of a returning reader's timeline.
const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const home = new HomeTimeline(ctx.redis, ctx.keys, tweets, { cap: 800, activeDays: 30 });

const base = Date.now() - 3600_000;
const tweet = (id: string, author: string, s: number, replyTo?: { id: string; author: string }): Tweet => ({
  id,
  author,
  text: `tweet ${id}`,
  createdAt: new Date(base + s * 1000).toISOString(),
  ...(replyTo ? { replyTo } : {}),
});

/** Every id of a user's home timeline, page after page (limit per page). */
async function allPages(user: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await home.page(user, cursor, limit);
    ids.push(...page.tweets.map((t) => t.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe("Twitter's reply rule beyond the fan-out", () => {
  it('a pulled author’s reply is merged only for readers who also follow the author replied to (and for that author)', async () => {
    await ctx.redis.zadd(ctx.keys.pulledAuthors(), 100_000, 'star');
    // both: follows star and bob; only: follows star; bob: the one replied to, follows star.
    for (const [u, t] of [
      ['both', 'star'],
      ['both', 'bob'],
      ['only', 'star'],
      ['bob', 'star'],
    ] as const)
      await graph.follow(u, t, base);
    await tweets.saveMany([
      tweet('bob1', 'bob', 1),
      tweet('plain1', 'star', 2),
      tweet('reply1', 'star', 3, { id: 'bob1', author: 'bob' }),
      tweet('reply2', 'star', 4, { id: 'bob1', author: 'bob' }),
      tweet('plain2', 'star', 5),
    ]);
    expect((await home.page('both', undefined, 20)).tweets.map((t) => t.id)).toEqual(['plain2', 'reply2', 'reply1', 'plain1']);
    expect((await home.page('bob', undefined, 20)).tweets.map((t) => t.id)).toEqual(['plain2', 'reply2', 'reply1', 'plain1']);
    expect((await home.page('only', undefined, 20)).tweets.map((t) => t.id)).toEqual(['plain2', 'plain1']);
    // Paging over the hidden replies neither stops early nor repeats.
    expect(await allPages('only', 1)).toEqual(['plain2', 'plain1']);
    expect(await allPages('both', 1)).toEqual(['plain2', 'reply2', 'reply1', 'plain1']);
    // A deleted reply takes its record with it.
    expect(await ctx.redis.hget(ctx.keys.replyParents(), 'reply1')).toBe('bob');
    const r1 = tweet('reply1', 'star', 3, { id: 'bob1', author: 'bob' });
    await new SocialStore(ctx.redis, ctx.keys, { cap: 800 }).tombstone({
      tweetId: r1.id,
      author: r1.author,
      createdAt: r1.createdAt,
      replyTo: r1.replyTo,
      at: new Date().toISOString(),
    });
    expect(await ctx.redis.hget(ctx.keys.replyParents(), 'reply1')).toBeNull();
    expect((await home.page('both', undefined, 20)).tweets.map((t) => t.id)).toEqual(['plain2', 'reply2', 'plain1']);
  });

  it('a follow merges the target’s recent replies only when the follower also follows the author replied to', async () => {
    await tweets.saveMany([tweet('ann1', 'ann', 10), tweet('dan-plain', 'dan', 11), tweet('dan-reply', 'dan', 12, { id: 'ann1', author: 'ann' })]);
    await graph.follow('fan', 'ann', base);
    await graph.follow('fan', 'dan', base + 1);
    await graph.follow('stranger', 'dan', base + 1);
    expect((await home.page('fan', undefined, 20)).tweets.map((t) => t.id)).toEqual(['dan-reply', 'dan-plain', 'ann1']);
    expect((await home.page('stranger', undefined, 20)).tweets.map((t) => t.id)).toEqual(['dan-plain']);
  });

  it('a returning reader’s rebuilt timeline keeps the rule too', async () => {
    await graph.follow('back', 'eve', base);
    await tweets.saveMany([tweet('eve-plain', 'eve', 20), tweet('eve-reply', 'eve', 21, { id: 'ann1', author: 'ann' })]);
    await ctx.redis.set(ctx.keys.timelineRebuild('back'), '1');
    const page = await home.page('back', undefined, 20);
    expect(page.rebuilt).toBe(true);
    expect(page.tweets.map((t) => t.id)).toEqual(['eve-plain']);
  });
});
