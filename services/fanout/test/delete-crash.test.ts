import { describe, expect, it } from 'vitest';
import { createTestContext, readTimelines, waitFor } from '@chirp/testkit';
import { GraphStore } from '@chirp/store';
import { Emitter, jsonCodec } from '@chirp/streams';
import { tweetDeleteSchema, tweetSchema, type Tweet } from '@chirp/core';

// npm test: 5,000 followers; `npm run test:social-delete` runs the acceptance form, 50,000.
const FOLLOWERS = Number(process.env.CHIRP_DELETE_FOLLOWERS ?? 5000);
const ctx = await createTestContext({ partitions: 4 });
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const followers = Array.from({ length: FOLLOWERS }, (_, i) => `f${i}`);
const tweets = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
const deletes = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
// Chunked fan-out (several chunks on twitter.fanout) and a delete walk of many small pages, so the kill lands mid-way.
const env = { FANOUT_CHUNK_SIZE: String(Math.ceil(FOLLOWERS / 10)), SOCIAL_WALK_PAGE_SIZE: String(Math.max(10, Math.floor(FOLLOWERS / 400))) };

// The API process serves search (its index reads twitter.newTweets and twitter.tweetDeletes).
const api = await ctx.startService('api');

/** Ids of tweets `GET /api/search?q=` finds (the API's real route; 503 while the index catches up). */
async function searchIds(q: string): Promise<string[] | null> {
  const res = await fetch(`http://127.0.0.1:${api.port}/api/search?q=${encodeURIComponent(q)}&limit=50`);
  if (res.status === 503) return null;
  expect(res.status).toBe(200);
  return ((await res.json()) as { tweets: { id: string }[] }).tweets.map((t) => t.id);
}

/** Timelines holding the tweet, over every follower. */
async function holding(id: string): Promise<number> {
  return (await readTimelines(ctx, followers)).filter((entries) => entries.some((e) => e.endsWith(`:${id}`))).length;
}

describe(`delete of a tweet that reached ${FOLLOWERS} followers (chunked)`, () => {
  it('SIGKILL of the worker mid-walk, restart: gone from every timeline, search, the author list and the body', async () => {
    for (let i = 0; i < FOLLOWERS; i += 5000) await Promise.all(followers.slice(i, i + 5000).map((f, j) => graph.follow(f, 'star', 1_000_000 + i + j)));
    const tweet: Tweet = { id: 'bigdelete', author: 'star', text: 'seen by many zebracorns, then deleted', createdAt: new Date().toISOString() };
    await tweets.emit('star', tweet);
    const first = await ctx.startService('fanout', env);
    const saver = await ctx.startService('saver');
    await waitFor(async () => (await holding(tweet.id)) === FOLLOWERS, { what: 'the fan-out to every follower', timeoutMs: 120_000, intervalMs: 250 });
    await waitFor(async () => (await ctx.redis.exists(ctx.keys.tweet(tweet.id))) === 1, { what: 'the body saved' });
    await waitFor(async () => (await searchIds('zebracorns'))?.includes(tweet.id) === true, {
      what: 'the tweet found by search',
      timeoutMs: 60_000,
      intervalMs: 250,
    });

    const t0 = Date.now();
    await deletes.emit(tweet.id, { tweetId: tweet.id, author: 'star', createdAt: tweet.createdAt, at: new Date().toISOString() });
    const walkKey = ctx.keys.walk(`delete:${tweet.id}`);
    await waitFor(async () => ((await ctx.redis.get(walkKey)) ?? 'end') !== 'end', { what: 'the delete walk under way', timeoutMs: 60_000, intervalMs: 2 });
    await first.kill();
    const atKill = await holding(tweet.id);
    console.log(`delete of ${FOLLOWERS}: SIGKILL with ${atKill} timelines still holding it (walk at ${await ctx.redis.get(walkKey)})`);
    expect(atKill).toBeGreaterThan(0); // really mid-way
    expect(atKill).toBeLessThan(FOLLOWERS);
    // Step 1 was done before the walk: unreadable at once, out of the author's list.
    expect(await ctx.redis.exists(ctx.keys.tweet(tweet.id))).toBe(0);
    expect(await ctx.redis.zscore(ctx.keys.userTweets('star'), tweet.id)).toBeNull();

    await ctx.startService('fanout', env);
    await waitFor(async () => (await ctx.redis.get(walkKey)) === 'end', { what: 'the walk resumed and finished', timeoutMs: 120_000, intervalMs: 100 });
    expect(await holding(tweet.id)).toBe(0);
    expect(await ctx.redis.lrange(ctx.keys.timeline('star'), 0, -1)).toEqual([]);
    await waitFor(async () => (await searchIds('zebracorns'))?.length === 0, { what: 'the tweet gone from search', timeoutMs: 30_000, intervalMs: 100 });
    console.log(`delete of ${FOLLOWERS} with a SIGKILL and a restart: ${Date.now() - t0} ms from the tombstone to the last timeline`);
    // Redelivery of the original (as after a crash of the saver or the planner): still deleted.
    await tweets.emit('star', tweet);
    const marker = { ...tweet, id: 'afterredelivery', text: 'a later marker, unicornfish' };
    await tweets.emit('star', marker); // same partition, after it: once this one is saved, the redelivery was handled
    await waitFor(async () => (await ctx.redis.exists(ctx.keys.tweet(marker.id))) === 1 && (await holding(marker.id)) === FOLLOWERS, {
      what: 'the later tweet saved and fanned out',
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    expect(await ctx.redis.exists(ctx.keys.tweet(tweet.id))).toBe(0);
    expect(await holding(tweet.id)).toBe(0);
    // Search read the redelivered original too (the marker after it is found): still out.
    await waitFor(async () => (await searchIds('unicornfish'))?.includes(marker.id) === true, {
      what: 'the marker found by search',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(await searchIds('zebracorns')).toEqual([]);
    await saver.stop();
  }, 600_000);

  it('a fan-out that comes after the tombstone puts the tweet nowhere', async () => {
    const late: Tweet = { id: 'latefanout', author: 'star', text: 'deleted before its fan-out, narwhalish', createdAt: new Date().toISOString() };
    await deletes.emit(late.id, { tweetId: late.id, author: 'star', createdAt: late.createdAt, at: new Date().toISOString() });
    await waitFor(async () => (await ctx.redis.exists(ctx.keys.tombstone(late.id))) === 1, { what: 'the tombstone applied' });
    const marker: Tweet = { ...late, id: 'afterlate', text: 'a marker, okapiform' };
    await tweets.emitMany([
      { key: 'star', value: late },
      { key: 'star', value: marker },
    ]);
    await waitFor(async () => (await holding(marker.id)) === FOLLOWERS, { what: 'the marker fanned out', timeoutMs: 120_000, intervalMs: 250 });
    expect(await holding(late.id)).toBe(0);
    expect(await ctx.redis.zscore(ctx.keys.userTweets('star'), late.id)).toBeNull();
    // Whichever of the tombstone and the tweet the index read first, the tweet is not found.
    await waitFor(async () => (await searchIds('okapiform'))?.includes(marker.id) === true, {
      what: 'the marker found by search',
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(await searchIds('narwhalish')).toEqual([]);
  }, 300_000);
});
