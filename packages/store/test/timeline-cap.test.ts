import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore, HomeTimeline, TimelineStore, TweetStore } from '@chirp/store';

const ctx = await createTestContext();
const CAP = 16; // trim slack at this cap: ceil(16 / 8) = 2
const tweets = new TweetStore(ctx.redis, ctx.keys);
const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: CAP });
const graph = new GraphStore(ctx.redis, ctx.keys, CAP);
const home = new HomeTimeline(ctx.redis, ctx.keys, tweets, { cap: CAP, activeDays: 0 });

async function pageAll(user: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await home.page(user, cursor, limit);
    seen.push(...page.tweets.map((t) => t.id));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('bulk trim (issue 13): timelines are cut back in bulk, reads show exactly the cap', () => {
  it('lets a timeline run at most the slack past its cap, and every read shows the newest cap entries only', async () => {
    const t0 = Date.now() - 100_000;
    const newest: string[] = [];
    let longest = 0;
    for (let i = 0; i < 40; i++) {
      await tweets.save({ id: `c${i}`, author: 'writer', text: `c${i}`, createdAt: new Date(t0 + i * 1000).toISOString() });
      await timelines.deliverToUsers({ tweetId: `c${i}`, createdAtMs: t0 + i * 1000, users: ['capped'], marker: `m${i}` });
      longest = Math.max(longest, await ctx.redis.llen(ctx.keys.timeline('capped')));
      expect(longest).toBeLessThanOrEqual(CAP + 2);
      newest.unshift(`c${i}`);
      expect((await home.page('capped', undefined, 50)).tweets.map((t) => t.id)).toEqual(newest.slice(0, CAP));
    }
    // Trimmed in bulk, not per push: the list ran past the cap between trims.
    expect(longest).toBe(CAP + 2);
    for (const limit of [1, 5, 16, 50]) expect(await pageAll('capped', limit)).toEqual(newest.slice(0, CAP));
    // A late tweet older than the cap's last entry stays out of what reads show.
    await tweets.save({ id: 'late', author: 'writer', text: 'late', createdAt: new Date(t0 - 1000).toISOString() });
    await timelines.deliverToUsers({ tweetId: 'late', createdAtMs: t0 - 1000, users: ['capped'], marker: 'late' });
    expect(await pageAll('capped', 7)).toEqual(newest.slice(0, CAP));
  });

  it('an unfollow also removes the unfollowed author’s entries beyond the cap, so none moves up into view later', async () => {
    const t0 = Date.now() - 200_000;
    await graph.follow('reader', 'kept', t0 - 10_000);
    await graph.follow('reader', 'gone', t0 - 10_000);
    const deliver = async (id: string, author: string, ms: number): Promise<void> => {
      await tweets.save({ id, author, text: id, createdAt: new Date(ms).toISOString() });
      await timelines.deliverToUsers({ tweetId: id, createdAtMs: ms, users: ['reader'], marker: id });
    };
    await deliver('g-old', 'gone', t0); // the oldest entry: beyond the cap once the list is full
    for (let i = 0; i < CAP + 1; i++) await deliver(`k${i}`, 'kept', t0 + 1000 * (i + 1));
    expect(await ctx.redis.llen(ctx.keys.timeline('reader'))).toBe(CAP + 2); // not trimmed yet (slack 2)
    expect(await graph.unfollow('reader', 'gone', Date.now())).toBe(true);
    expect((await ctx.redis.lrange(ctx.keys.timeline('reader'), 0, -1)).some((e) => e.endsWith(':g-old'))).toBe(false);
  });
});
