import { describe, expect, it } from 'vitest';
import { countRedisCommands, createTestContext, signUp } from '@chirp/testkit';
import { TweetStore, TimelineStore } from '@chirp/store';
import { startApi } from './helpers.ts';

const ctx = await createTestContext();
const api = await startApi(ctx);
const reader = await signUp(api.url, 'reader');

describe('timeline reads', () => {
  it('cost at most two Redis round trips per page (plus one session lookup), whatever the page length', async () => {
    const tweets = new TweetStore(ctx.redis, ctx.keys);
    const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: 800 });
    for (let i = 0; i < 120; i++) {
      const id = `rt${i}`;
      const createdAt = new Date(Date.now() - (120 - i) * 1000).toISOString();
      await tweets.save({ id, author: 'writer', text: `n${i}`, createdAt });
      await timelines.deliverToUsers({ tweetId: id, createdAtMs: Date.parse(createdAt), users: ['reader'], marker: 'test' });
    }
    const counter = countRedisCommands(api.redis);
    try {
      for (const limit of [1, 20, 100]) {
        counter.reset();
        const res = await reader.fetch(`${api.url}/api/timelines/reader?limit=${limit}`);
        const body = (await res.json()) as { tweets: { id: string }[]; nextCursor: string };
        expect(body.tweets).toHaveLength(limit);
        expect(body.tweets[0]!.id).toBe('rt119');
        // GET session:<hash>; the page script with the mute/block set (one pipeline); one MGET. On
        // Redis Cluster the page is read in 3 steps (home-timeline.ts readAcrossSlots), so 5.
        expect(counter.roundTrips).toBeLessThanOrEqual(ctx.cluster ? 5 : 3);
        expect(counter.roundTrips).toBeGreaterThanOrEqual(2); // the counter saw the session and the page
        // + SUNION of mutes and blocks, + at most one activity record; on Redis Cluster the MGET of
        // the bodies is one GET per tweet (their slots differ), sent in the same round trip.
        if (!ctx.cluster) expect(counter.count).toBeLessThanOrEqual(5);
        counter.reset();
        const next = (await (await reader.fetch(`${api.url}/api/timelines/reader?limit=${limit}&cursor=${body.nextCursor}`)).json()) as {
          tweets: { id: string }[];
        };
        expect(next.tweets[0]!.id).toBe(`rt${119 - limit}`);
        expect(counter.roundTrips).toBeLessThanOrEqual(ctx.cluster ? 5 : 3);
        if (!ctx.cluster) expect(counter.count).toBeLessThanOrEqual(5);
      }
    } finally {
      counter.restore();
    }
  });
});
