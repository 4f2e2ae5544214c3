import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { ActivityStore, ActivityWindow, entryId, GraphStore, HomeTimeline, TweetStore } from '@chirp/store';
import { createRegistry } from '@chirp/telemetry';
import type { Emitter } from '@chirp/streams';
import type { FanoutChunkMessage, Tweet } from '@chirp/core';
import { Fanout } from '../src/fanout.ts';

// Every interleaving below is written out in order (store calls as the API and the fanout make
// them), not raced, so each run checks the same schedule.
const ctx = await createTestContext();
const DAY = 24 * 3600_000;
const tweets = new TweetStore(ctx.redis, ctx.keys);
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const activity = new ActivityStore(ctx.redis, ctx.keys, new ActivityWindow(30));
const home = new HomeTimeline(ctx.redis, ctx.keys, tweets, { cap: 800, activeDays: 30 });
const rt = { redis: ctx.redis, keys: ctx.keys, registry: createRegistry('returning-test') };
const noChunks = { emitMany: async () => expect.fail('no chunked fan-out expected') } as unknown as Emitter<FanoutChunkMessage>;
const fanout = new Fanout(rt, { timelineCap: 800, chunkSize: 2000, pullThreshold: 1000, activeDays: 30 }, noChunks);

let clock = Date.now() - 60_000;
async function post(id: string, author: string): Promise<Tweet> {
  const t = { id, author, text: id, createdAt: new Date((clock += 10)).toISOString() };
  await tweets.save(t);
  await fanout.plan(t);
  return t;
}
const stored = async (user: string): Promise<string[]> => (await ctx.redis.lrange(ctx.keys.timeline(user), 0, -1)).map(entryId);
const shown = async (user: string): Promise<{ ids: string[]; rebuilt: boolean }> => {
  const page = await home.page(user, undefined, 50);
  return { ids: page.tweets.map((t) => t.id), rebuilt: page.rebuilt };
};

describe('active-user push and the returning user (issue 13)', () => {
  it('pushes to active and never-recorded followers only; a reader back after the window gets the timeline rebuilt on first read, once', async () => {
    for (const u of ['away', 'busy', 'new']) for (const a of ['ra', 'rb']) await graph.follow(u, a, Date.now() - 3 * DAY);
    await activity.record([
      { user: 'away', atMs: Date.now() - 40 * DAY }, // last seen 40 days ago: inactive
      { user: 'busy', atMs: Date.now() - DAY },
    ]);
    const t1 = await post('t1', 'ra');
    expect(await stored('busy')).toEqual(['t1']);
    expect(await stored('new')).toEqual(['t1']); // never recorded: pushed as before the record existed
    expect(await stored('away')).toEqual([]);

    const back = await shown('away'); // comes back: the first read rebuilds, in the same script call
    expect(back).toEqual({ ids: ['t1'], rebuilt: true });
    const t2 = await post('t2', 'rb'); // active now: pushed again
    expect(await stored('away')).toEqual(['t2', 't1']);
    expect(await shown('away')).toEqual({ ids: ['t2', 't1'], rebuilt: false }); // rebuilt once only
    expect(t1.id).toBe('t1');
    expect(t2.id).toBe('t2');
  });

  it('a return by signing in marks the rebuild; pushes that land before, between and after it never duplicate an entry', async () => {
    for (const a of ['sa', 'sb']) await graph.follow('gone', a, Date.now() - 3 * DAY);
    await activity.record([{ user: 'gone', atMs: Date.now() - 45 * DAY }]);
    await post('s1', 'sa'); // while away: not pushed
    await home.recordActivity('gone'); // signs in: active again, rebuild marked
    expect(await ctx.redis.exists(ctx.keys.timelineRebuild('gone'))).toBe(1);
    const s2 = await post('s2', 'sb'); // pushed between the sign-in and the first read (the rebuild will find it there)
    // The race: s3 is in its author's list (the fanout's first step) when the reader's rebuild runs,
    // and its push comes after the rebuild put it in the timeline.
    const s3 = { id: 's3', author: 'sa', text: 's3', createdAt: new Date((clock += 10)).toISOString() };
    await tweets.save(s3);
    await tweets.indexByAuthor({ id: s3.id, author: s3.author, createdAtMs: Date.parse(s3.createdAt) });
    expect(await shown('gone')).toEqual({ ids: ['s3', 's2', 's1'], rebuilt: true });
    await fanout.plan(s3); // the push after the rebuild
    await fanout.plan(s3); // and a redelivery of it
    await fanout.planBatch([s2, s3]); // a redelivered batch
    expect(await stored('gone')).toEqual(['s3', 's2', 's1']);
    expect(await shown('gone')).toEqual({ ids: ['s3', 's2', 's1'], rebuilt: false });
    expect(await ctx.redis.exists(ctx.keys.timelineRebuild('gone'))).toBe(0);
  });

  it('a rebuild is bounded: the most recently followed authors, a few recent tweets each, and never more than the cap', async () => {
    const small = new HomeTimeline(ctx.redis, ctx.keys, tweets, { cap: 3, activeDays: 30, rebuildAuthors: 2, rebuildTweetsPerAuthor: 2 });
    await graph.follow('wide', 'oldest', Date.now() - 5 * DAY);
    await graph.follow('wide', 'older', Date.now() - 4 * DAY);
    await graph.follow('wide', 'recent', Date.now() - 3 * DAY);
    await activity.record([{ user: 'wide', atMs: Date.now() - 31 * DAY }]);
    for (const a of ['recent', 'older', 'oldest']) for (let i = 0; i < 3; i++) await post(`${a}${i}`, a); // 'oldest' posts last
    expect(await stored('wide')).toEqual([]);
    const page = await small.page('wide', undefined, 50);
    expect(page.rebuilt).toBe(true);
    // 'oldest' (followed first) is not among the 2 most recently followed, though its tweets are the
    // newest; 2 newest tweets of each of the others, merged by time, cut at the cap (3).
    expect(page.tweets.map((t) => t.id)).toEqual(['older2', 'older1', 'recent2']);
    expect(await stored('wide')).toEqual(['older2', 'older1', 'recent2']);
  });
});
