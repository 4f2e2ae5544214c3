import { describe, expect, it } from 'vitest';
import { createTestContext, readTimelines, waitFor } from '@chirp/testkit';
import { entryId, execAcrossSlots, GraphStore } from '@chirp/store';
import { Emitter, jsonCodec } from '@chirp/streams';
import { tweetSchema, type Tweet } from '@chirp/core';

const ctx = await createTestContext({ partitions: 4 });
const AUTHORS = 100;
const FOLLOWERS = 50;
const TWEETS_PER_AUTHOR = 50; // 5,000 tweets in all

describe('fanout worker crash and resume', () => {
  it('SIGKILL mid-backlog, restart: every follower timeline holds every tweet exactly once', async () => {
    const graph = new GraphStore(ctx.redis, ctx.keys, 800);
    // 100 authors with 50 followers each (disjoint), written as the graph worker would.
    const pipeline = [];
    for (let a = 0; a < AUTHORS; a++) for (let f = 0; f < FOLLOWERS; f++) pipeline.push(graph.follow(`f${a}_${f}`, `a${a}`, 1_000_000 + f));
    await Promise.all(pipeline);

    const emitter = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const expected = new Map<number, string[]>();
    const batch: { key: string; value: Tweet }[] = [];
    for (let a = 0; a < AUTHORS; a++) {
      const ids: string[] = [];
      for (let t = 0; t < TWEETS_PER_AUTHOR; t++) {
        const id = `a${a}t${t}`;
        ids.push(id);
        batch.push({ key: `a${a}`, value: { id, author: `a${a}`, text: `tweet ${t}`, createdAt: new Date().toISOString() } });
      }
      expected.set(a, ids);
    }
    for (let i = 0; i < batch.length; i += 500) await emitter.emitMany(batch.slice(i, i + 500));

    // Default chunking (50 followers go inline); low concurrency so the kill lands mid-way.
    const env = { PROCESSOR_CONCURRENCY: '2' };
    const first = await ctx.startService('fanout', env);
    const probe = 'f0_0';
    // Timeline entries across every follower: AUTHORS * FOLLOWERS * TWEETS_PER_AUTHOR when done.
    const done = AUTHORS * FOLLOWERS * TWEETS_PER_AUTHOR;
    const fans = Array.from({ length: AUTHORS * FOLLOWERS }, (_, i) => `f${Math.floor(i / FOLLOWERS)}_${i % FOLLOWERS}`);
    const total = async (): Promise<number> => {
      const lens = await execAcrossSlots(
        ctx.redis,
        fans.map((f) => (r) => r.llen(ctx.keys.timeline(f))),
      );
      return lens.reduce((s, [, n]) => s + Number(n), 0);
    };
    await waitFor(async () => (await total()) > done / 10, { what: 'fan-out to be under way', timeoutMs: 30_000, intervalMs: 10 });
    await first.kill();
    const atKill = await total();
    expect(atKill).toBeLessThan(done); // it really was mid-way

    await ctx.startService('fanout', env);
    await waitFor(async () => (await total()) >= done, { what: 'all tweets fanned out after restart', timeoutMs: 90_000, intervalMs: 200 });
    // Exactly once, for every follower of every author (and the author's own timeline).
    const owners: string[] = [];
    for (let a = 0; a < AUTHORS; a++) owners.push(`a${a}`, ...fans.slice(a * FOLLOWERS, (a + 1) * FOLLOWERS));
    const lists = (await readTimelines(ctx, owners)).map((entries) => entries.map(entryId));
    let i = 0;
    for (let a = 0; a < AUTHORS; a++) {
      const want = [...expected.get(a)!].sort();
      for (let f = 0; f <= FOLLOWERS; f++) {
        const got = lists[i++]!;
        expect(got.length, `timeline ${f === 0 ? `a${a}` : `f${a}_${f - 1}`}`).toBe(TWEETS_PER_AUTHOR);
        expect([...got].sort()).toEqual(want);
      }
    }
    expect(await ctx.redis.llen(ctx.keys.timeline(probe))).toBe(TWEETS_PER_AUTHOR);
  }, 180_000);
});
