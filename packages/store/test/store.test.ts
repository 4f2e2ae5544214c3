import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { entryId, GraphStore, TimelineStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';

const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: 5 });
const graph = new GraphStore(ctx.redis, ctx.keys, 5);

const ids = async (user: string): Promise<string[]> => (await ctx.redis.lrange(ctx.keys.timeline(user), 0, -1)).map(entryId);

const tweet = (id: string, author: string, secondsAgo: number): Tweet => ({
  id,
  author,
  text: `tweet ${id}`,
  createdAt: new Date(Date.now() - secondsAgo * 1000).toISOString(),
});

describe('store on the real Redis', () => {
  it('writes and reads tweet bodies with tags in one MGET, skipping missing ids', async () => {
    await tweets.save(tweet('a1', 'ann', 10));
    await tweets.saveTags('a1', ['foodies'], Date.now());
    const got = await tweets.getMany(['a1', 'missing']);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ id: 'a1', author: 'ann', tags: ['foodies'] });
  });

  it('delivers a tweet at most once per marker, never twice into a timeline, and caps the timeline', async () => {
    const d = { tweetId: 'x1', createdAtMs: Date.now() - 60_000, users: ['bob', 'cid'], marker: 'test', last: true };
    await timelines.setPending('x1', 1);
    expect(await timelines.deliverToUsers(d)).toBe('completed');
    expect(await timelines.deliverToUsers(d)).toBe('duplicate');
    expect(await timelines.deliverToUsers({ ...d, marker: 'another', last: false })).toBe('applied'); // a new marker, same entry
    expect(await ids('bob')).toEqual(['x1']);
    // Late and out of order: each lands at its place by time; the oldest beyond the cap are dropped.
    const base = Date.now() - 30_000;
    for (const i of [3, 9, 1, 7, 5, 0, 8, 2, 6, 4]) await timelines.deliverToUsers({ ...d, tweetId: `y${i}`, createdAtMs: base + i, marker: 'm' });
    // Trimmed in bulk: the list may run past the cap by the trim slack (1 at cap 5), never further,
    // and the first cap entries are the timeline (reads show only those: timeline-cap.test.ts).
    expect((await ids('bob')).slice(0, 5)).toEqual(['y9', 'y8', 'y7', 'y6', 'y5']);
    expect(await ctx.redis.llen(ctx.keys.timeline('bob'))).toBeLessThanOrEqual(6);
  });

  it('follow is idempotent, merges recent tweets in time order, and unfollow removes them', async () => {
    await tweets.save(tweet('old', 'dee', 100));
    await tweets.save(tweet('new', 'dee', 1));
    await tweets.save(tweet('mid', 'eve', 50));
    await graph.follow('fay', 'eve');
    expect(await ids('fay')).toEqual(['mid']);
    expect(await graph.follow('fay', 'dee')).toBe(true);
    expect(await graph.follow('fay', 'dee')).toBe(false);
    expect(await ids('fay')).toEqual(['new', 'mid', 'old']);
    expect(await graph.profile('dee', 'fay')).toMatchObject({ followers: 1, following: 0, tweets: 2, viewerFollows: true });
    expect(await graph.unfollow('fay', 'dee')).toBe(true);
    expect(await graph.unfollow('fay', 'dee')).toBe(false);
    expect(await ids('fay')).toEqual(['mid']);
    expect(await ctx.redis.zscore(ctx.keys.following('fay'), 'dee')).toBeNull();
  });

  it('gives followers distinct increasing scores, cut into chunks by rank, paged newest first', async () => {
    const now = Date.now();
    for (let i = 0; i < 7; i++) await graph.follow(`f${i}`, 'star', now); // same ms: scores still distinct
    expect(await graph.chunkBounds('star', 3, 7)).toEqual(['-inf', String(now + 2), String(now + 5), '+inf']);
    await graph.follow('late', 'star', now);
    const newest = await graph.followersPage('star', undefined, 4);
    expect(newest.items).toEqual(['late', 'f6', 'f5', 'f4']);
    const rest = await graph.followersPage('star', newest.nextCursor!, 4);
    expect(rest.items).toEqual(['f3', 'f2', 'f1', 'f0']);
  });
});
