import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore, TimelineStore, TweetStore } from '@chirp/store';
import type { Tweet } from '@chirp/core';

const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: 5 });
const graph = new GraphStore(ctx.redis, ctx.keys, 5);

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

  it('applies a fan-out chunk at most once and caps the timeline', async () => {
    const chunk = { tweetId: 'x1', followers: ['bob', 'cid'], cursor: '-inf', nextCursor: 'end', last: true };
    expect(await timelines.applyChunk(chunk)).toBe('completed');
    expect(await timelines.applyChunk(chunk)).toBe('duplicate');
    expect(await timelines.ids('bob')).toEqual(['x1']);
    for (let i = 0; i < 10; i++) await timelines.applyChunk({ ...chunk, tweetId: `y${i}` });
    expect(await timelines.length('bob')).toBe(5);
    expect(await timelines.appliedChunkEnd('x1', '-inf')).toBe('end');
  });

  it('pages a timeline after a cursor id in one script call', async () => {
    const ids = await timelines.ids('cid');
    const first = await timelines.page('cid', undefined, 2);
    expect(first).toEqual(ids.slice(0, 2));
    const second = await timelines.page('cid', first[1], 2);
    expect(second).toEqual(ids.slice(2, 4));
    expect(await timelines.page('cid', 'not-there', 2)).toEqual([]);
  });

  it('follow is idempotent, merges recent tweets in time order, and unfollow removes them', async () => {
    await tweets.save(tweet('old', 'dee', 100));
    await tweets.save(tweet('new', 'dee', 1));
    await tweets.save(tweet('mid', 'eve', 50));
    await graph.follow('fay', 'eve');
    expect(await timelines.ids('fay')).toEqual(['mid']);
    expect(await graph.follow('fay', 'dee')).toBe(true);
    expect(await graph.follow('fay', 'dee')).toBe(false);
    expect(await timelines.ids('fay')).toEqual(['new', 'mid', 'old']);
    expect(await graph.profile('dee', 'fay')).toMatchObject({ followers: 1, following: 0, tweets: 2, viewerFollows: true });
    expect(await graph.unfollow('fay', 'dee')).toBe(true);
    expect(await graph.unfollow('fay', 'dee')).toBe(false);
    expect(await timelines.ids('fay')).toEqual(['mid']);
    expect(await graph.isFollowing('fay', 'dee')).toBe(false);
  });

  it('pages followers with a stable score cursor while others follow', async () => {
    const now = Date.now();
    for (let i = 0; i < 7; i++) await graph.follow(`f${i}`, 'star', now); // same ms: scores still distinct
    const p1 = await graph.followersAfter('star', '-inf', 3);
    expect(p1.followers).toEqual(['f0', 'f1', 'f2']);
    await graph.follow('late', 'star', now);
    const p2 = await graph.followersAfter('star', p1.nextCursor!, 3);
    expect(p2.followers).toEqual(['f3', 'f4', 'f5']);
    const p3 = await graph.followersAfter('star', p2.nextCursor!, 3);
    expect(p3.followers).toEqual(['f6', 'late']);
    expect(p3.nextCursor).toBeNull();
    const newest = await graph.followersPage('star', undefined, 4);
    expect(newest.items).toEqual(['late', 'f6', 'f5', 'f4']);
    const rest = await graph.followersPage('star', newest.nextCursor!, 4);
    expect(rest.items).toEqual(['f3', 'f2', 'f1', 'f0']);
  });
});
