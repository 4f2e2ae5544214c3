import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore, HomeTimeline, TimelineStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';

// Defect 5 of issue 11, each case made deterministic: the interleaving is written out, not raced.
const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: 800 });
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const home = new HomeTimeline(ctx.redis, ctx.keys, tweets);
const base = Date.now() - 3_600_000;

const save = async (id: string, author: string, second: number): Promise<Tweet> => {
  const tweet = { id, author, text: `tweet ${id}`, createdAt: new Date(base + second * 1000).toISOString() };
  await tweets.save(tweet);
  return tweet;
};

/** The fan-out of one tweet to every follower of its author, as the fanout worker applies it inline. */
const fanOut = (tweet: Tweet): Promise<unknown> =>
  timelines.deliverFollowerPage({
    tweetId: tweet.id,
    createdAtMs: Date.parse(tweet.createdAt),
    author: tweet.author,
    marker: 'inline:-inf/-inf',
    cursor: '-inf',
    to: '+inf',
    limit: 2000,
    includeAuthor: true,
  });

/** Every page of a home timeline, following the cursor; stops after 50 pages (a cursor that loops). */
async function readAll(user: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await home.page(user, cursor, limit);
    ids.push(...page.tweets.map((t) => t.id));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

describe('timeline defects (issue 11, defect 5)', () => {
  it('(a) a follow-merge applied before the fan-out of the same tweet leaves the id once', async () => {
    const t = await save('a1', 'amy', 10);
    // The saver stored the tweet, the graph worker applied the follow (merging amy's recent tweets),
    // and only then the fanout worker reads amy's followers, now including ben.
    await graph.follow('ben', 'amy', base + 20_000);
    await fanOut(t);
    const all = await readAll('ben', 1); // one per page: a second copy would be a page of its own
    expect(all.ids).toEqual(['a1']);
  });

  it('(c) paging ends, and shows each tweet once, when a duplicate id sits a page apart', async () => {
    // cal follows five others; dan's older tweet d0 is merged in time order on follow, and its fan-out,
    // late, then arrives on top: without dedupe the list is d0, x5..x1, d0.
    for (let i = 1; i <= 5; i++) {
      const x = await save(`x${i}`, 'xen', 100 + i);
      await graph.follow('cal', 'xen', base);
      await fanOut(x);
    }
    const d0 = await save('d0', 'dan', 50);
    await graph.follow('cal', 'dan', base + 200_000);
    await fanOut(d0);
    const all = await readAll('cal', 1);
    expect(all.pages).toBeLessThan(50);
    expect(all.ids).toEqual(['x5', 'x4', 'x3', 'x2', 'x1', 'd0']);
  });

  it('(d) paging goes on when the tweet the cursor names left the timeline (unfollow)', async () => {
    for (const [id, author, s] of [
      ['f0', 'fox', 300],
      ['e1', 'eve', 301],
      ['f2', 'fox', 302],
      ['e3', 'eve', 303],
    ] as const) {
      const t = await save(id, author, s);
      await graph.follow('gil', author, base);
      await fanOut(t);
    }
    const first = await home.page('gil', undefined, 2);
    expect(first.tweets.map((t) => t.id)).toEqual(['e3', 'f2']);
    await graph.unfollow('gil', 'fox', base + 400_000); // f2, the cursor's tweet, leaves the list
    const second = await home.page('gil', first.nextCursor ?? undefined, 2);
    expect(second.tweets.map((t) => t.id)).toEqual(['e1']);
  });

  it('(e) paging goes on below the cursor when its tweet was trimmed by newer tweets: no page repeated, nothing newer shown again', async () => {
    // hal's timeline: 900 tweets of ivy. hal reads the first page of 2, then 1,000 newer tweets come
    // in and the cap (800, trimmed in bulk past 900) pushes the cursor's tweet out of the list.
    await graph.follow('hal', 'ivy', base);
    const old: Tweet[] = [];
    for (let i = 0; i < 10; i++) old.push(await save(`old${i}`, 'ivy', 1000 + i));
    for (const t of old) await fanOut(t);
    const first = await home.page('hal', undefined, 2);
    expect(first.tweets.map((t) => t.id)).toEqual(['old9', 'old8']);
    for (let i = 0; i < 1000; i++) await fanOut(await save(`new${i}`, 'ivy', 2000 + i));
    const list = await ctx.redis.lrange(ctx.keys.timeline('hal'), 0, -1);
    expect(list.some((e) => e.endsWith(':old8'))).toBe(false); // the cursor's tweet left the list
    // The next page continues below the cursor: nothing newer than it comes back (no page repeated),
    // and what the list still holds older than it is shown (here nothing: the trim took the oldest).
    const second = await home.page('hal', first.nextCursor ?? undefined, 2);
    const newer = second.tweets.filter((t) => Date.parse(t.createdAt) >= base + 1008 * 1000);
    expect(newer.map((t) => t.id)).toEqual([]);
    expect(second.tweets.map((t) => t.id)).toEqual(
      list
        .filter((e) => /:old[0-7]$/.test(e))
        .slice(0, 2)
        .map((e) => e.split(':')[1]),
    );
    if (second.tweets.length === 0) expect(second.nextCursor ?? null).toBeNull(); // the end, not a loop back to the top
  });
});
