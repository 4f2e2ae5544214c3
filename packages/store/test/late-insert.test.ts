import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeRedis, createKeys, createRedis, entryId, TimelineStore, timelineEntry } from '@chirp/store';
import { createTestContext, freePort } from '@chirp/testkit';
import { startRedis } from '@chirp/stack/redis-server';

// Found by `npm run chaos` (100k tweets): once the fan-out lagged, every tweet it delivered was
// older than the heads of the timelines, and the insert walked each full timeline in Lua, 32
// entries per LRANGE, comparing every one. A 200-follower chunk then took ~360 ms inside Redis,
// which made the fan-out lag more: a backlog that fed itself. A late insert must find its place in
// O(log cap) reads. Counted on a Redis of the test's own (INFO commandstats counts the commands a
// script calls), so no other suite's commands are in the figures.
const ctx = await createTestContext();
const dir = mkdtempSync(join(tmpdir(), 'chirp-late-insert-'));
const port = await freePort();
const server = await startRedis({ dataDir: join(dir, 'redis'), logFile: join(dir, 'redis.log'), port });
const redis = createRedis({ url: `redis://127.0.0.1:${port}`, name: 'late-insert-test' });
ctx.onCleanup(async () => {
  await closeRedis(redis);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const CAP = 4000;
const keys = createKeys('late:');
const timelines = new TimelineStore(redis, keys, { cap: CAP });
const USERS = Array.from({ length: 20 }, (_, i) => `u${i}`);
const base = Date.parse('2026-11-30T00:00:00Z');
/** Entry i of every timeline: newest first, one second apart (entry 0 is the newest). */
const at = (i: number): number => base + (CAP - i) * 1000;

async function fill(length: number): Promise<void> {
  await redis.flushall();
  const pipe = redis.pipeline();
  for (const user of USERS) {
    for (let i = 0; i < length; i += 1000) {
      pipe.rpush(keys.timeline(user), ...Array.from({ length: Math.min(1000, length - i) }, (_, j) => timelineEntry(at(i + j), `old${i + j}`)));
    }
  }
  await pipe.exec();
}

/** Commands the scripts called for reading lists, from commandstats. */
async function listReads(): Promise<number> {
  const stats = await redis.info('commandstats');
  let calls = 0;
  for (const cmd of ['lrange', 'lindex', 'llen']) calls += Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
  return calls;
}

const deliver = (tweetId: string, createdAtMs: number, marker: string): Promise<unknown> =>
  timelines.deliverToUsers({ tweetId, createdAtMs, users: USERS, marker });

describe('a late tweet inserted deep into full timelines', () => {
  it('lands at its place once, with O(log cap) list reads per timeline, not a walk down the list', async () => {
    await fill(CAP);
    await redis.config('RESETSTAT');
    // Between entries 3900 and 3901: 3,900 newer entries above it.
    await deliver('late', at(3900) - 500, 'inline:-inf/-inf');
    const perTimeline = (await listReads()) / USERS.length;
    for (const user of USERS) {
      const around = await redis.lrange(keys.timeline(user), 3899, 3902);
      expect(around.map(entryId)).toEqual(['old3899', 'old3900', 'late', 'old3901']);
    }
    // The gallop's 5 probes, then a binary search over 4,000 entries: ~18 reads. The walk it
    // replaced made 122 LRANGEs of 32.
    expect(perTimeline).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(CAP)) + 4);

    // A redelivery under another marker (a replanned chunk) finds the copy: still once.
    await deliver('late', at(3900) - 500, 'chunk:-inf/+inf');
    for (const user of USERS) expect((await redis.lrange(keys.timeline(user), 0, -1)).filter((e) => entryId(e) === 'late')).toHaveLength(1);
  });

  // A lagging fan-out reads its partitions at different offsets, so most late tweets of a busy
  // timeline belong a few entries below the head (`npm run bench:fanout-drain`: 35% of the pushes
  // of a 60,000-tweet backlog were late, each a binary search over the whole list). Their place is
  // found in O(log depth) reads, not O(log length); a deep one (past the gallop's 16) in at most
  // 5 reads more than a binary search over the list.
  it('finds the place of a tweet late by a few entries in reads that grow with its depth, not the list', async () => {
    await fill(CAP);
    const depths = [1, 2, 5, 9, 12];
    for (const [k, depth] of depths.entries()) {
      await redis.config('RESETSTAT');
      await deliver(`near${k}`, at(depth) + 500, 'inline:-inf/-inf');
      // Its index now: depth plus the near tweets inserted above it.
      const index = depth + k;
      // The head, the gallop's probes (1, 2, 4, … past the index) and a binary search between the last two.
      expect((await listReads()) / USERS.length).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(index + 1)));
    }
    await redis.config('RESETSTAT');
    await deliver('deep', at(3000) + 500, 'inline:-inf/-inf');
    // The head, the gallop's 5 probes (1 … 16), then a binary search over [17, cap). An unbounded
    // gallop would make 24 here (12 probes to 2,048, then 11 more).
    expect((await listReads()) / USERS.length).toBeLessThanOrEqual(1 + 5 + Math.ceil(Math.log2(CAP)));
    for (const user of USERS) {
      const ids = (await redis.lrange(keys.timeline(user), 0, 30)).map(entryId);
      for (const [k, depth] of depths.entries()) expect(ids[ids.indexOf(`old${depth}`) - 1]).toBe(`near${k}`);
      expect(new Set(ids).size).toBe(ids.length);
      expect((await redis.lrange(keys.timeline(user), 3003, 3007)).map(entryId)).toEqual(['old2998', 'old2999', 'deep', 'old3000', 'old3001']);
    }
    // Redelivered under another marker: found on the way, still once.
    await deliver('near2', at(5) + 500, 'chunk:-inf/+inf');
    for (const user of USERS) expect((await redis.lrange(keys.timeline(user), 0, 30)).filter((e) => entryId(e) === 'near2')).toHaveLength(1);
  });

  it('keeps the edge cases of the walk: older than a full timeline is dropped, a short one appends, the head pushes', async () => {
    await fill(CAP);
    await deliver('too-old', at(CAP - 1) - 500, 'inline:-inf/-inf');
    for (const user of USERS) expect(await redis.lrange(keys.timeline(user), -1, -1)).toEqual([timelineEntry(at(CAP - 1), `old${CAP - 1}`)]);

    await fill(10);
    await deliver('oldest', at(9) - 500, 'inline:-inf/-inf');
    await deliver('newest', at(0) + 500, 'inline:-inf/-inf');
    await deliver('middle', at(4) + 500, 'inline:-inf/-inf');
    for (const user of USERS) {
      const ids = (await redis.lrange(keys.timeline(user), 0, -1)).map(entryId);
      expect(ids).toEqual(['newest', 'old0', 'old1', 'old2', 'old3', 'middle', 'old4', 'old5', 'old6', 'old7', 'old8', 'old9', 'oldest']);
    }
  });
});
