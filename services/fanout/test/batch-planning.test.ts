import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestContext, readTimelines } from '@chirp/testkit';
import { entryId, loadScript, type ChirpRedis } from '@chirp/store';
import { createRegistry } from '@chirp/telemetry';
import type { Emitter } from '@chirp/streams';
import type { FanoutChunkMessage, Tweet } from '@chirp/core';
import { Fanout, PUSHES_PER_CALL, type FanoutRuntime } from '../src/fanout.ts';

const ctx = await createTestContext();
const sha = (file: string): string => createHash('sha1').update(loadScript(file)).digest('hex');
const SCRIPT_OF = new Map([
  [sha('fanout-batch'), 'fanoutBatch'],
  [sha('fanout-range'), 'fanoutRange'],
  [sha('record-activity'), 'recordActivity'],
  [sha('deliver-to-users'), 'deliverToUsers'],
]);

/** Commands a client sends, by name (scripts by their name in scripts.ts). */
function commandLog(redis: ChirpRedis): { names: string[]; count(name: string): number } {
  const names: string[] = [];
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = (...args: Parameters<typeof original>) => {
    const command = args[0] as unknown as { name: string; args: unknown[] };
    names.push(command.name === 'evalsha' || command.name === 'eval' ? (SCRIPT_OF.get(String(command.args[0])) ?? 'script') : command.name);
    return original(...args);
  };
  return { names, count: (name) => names.filter((n) => n === name).length };
}

async function followers(author: string, n: number): Promise<string[]> {
  const fans = Array.from({ length: n }, (_, i) => `${author}-f${i}`);
  await ctx.redis.zadd(ctx.keys.followers(author), ...fans.flatMap((f, i) => [1_000_000 + i, f]));
  return fans;
}

const tweet = (id: string, author: string, ms: number): Tweet => ({ id, author, text: id, createdAt: new Date(ms).toISOString() });

function fanoutOn(redis: ChirpRedis, emitted: FanoutChunkMessage[], chunkSize = 2000): Fanout {
  const rt: FanoutRuntime = { redis, keys: ctx.keys, registry: createRegistry('fanout-batch-test') };
  const chunks = { emitMany: async (messages: { value: FanoutChunkMessage }[]) => void emitted.push(...messages.map((m) => m.value)) };
  return new Fanout(rt, { timelineCap: 800, chunkSize, pullThreshold: 1000, activeDays: 30 }, chunks as unknown as Emitter<FanoutChunkMessage>);
}

async function holders(t: Tweet, users: readonly string[]): Promise<number[]> {
  return (await readTimelines(ctx, users)).map((entries) => entries.filter((e) => entryId(e) === t.id).length);
}

describe('batch planning of the fanout group (issue 13)', () => {
  it('plans a batch with one follower-count read and pushes all its small fan-outs in one script call; a redelivered batch pushes nothing', async () => {
    const redis = ctx.createRedis('fanout-batch-test');
    const emitted: FanoutChunkMessage[] = [];
    const fanout = fanoutOn(redis, emitted, 5);
    const fans = new Map<string, string[]>();
    for (let a = 0; a < 10; a++) fans.set(`b${a}`, await followers(`b${a}`, 4));
    fans.set('big', await followers('big', 8)); // above the chunk size (5): its own chunked path
    await fanout.plan(tweet('warm', 'b0', Date.now() - 10_000)); // loads the scripts

    const t0 = Date.now() - 5000;
    const batch = Array.from({ length: 40 }, (_, i) => tweet(`bt${i}`, `b${i % 10}`, t0 + i));
    batch.splice(20, 0, tweet('bt-big', 'big', t0 + 20));
    const log = commandLog(redis);
    const steps = await fanout.planBatch(batch);

    expect(log.count('zcard')).toBe(11); // one per distinct author, all in one pipeline
    if (ctx.cluster) {
      // The batch script cannot reach timelines on every master: each page goes by node (timeline-store.ts).
      expect(log.count('fanoutBatch')).toBe(0);
    } else {
      expect(log.count('fanoutBatch')).toBe(1); // 40 tweets × (4 followers + author) = 200 pushes, within 500
      expect(log.count('fanoutRange')).toBe(0);
      expect(log.count('recordActivity')).toBe(1);
    }
    expect(steps.filter((s) => s.mode === 'inline' && s.completed)).toHaveLength(40);
    expect(steps[20]).toMatchObject({ mode: 'chunked', completed: false, followers: 8 });
    expect(emitted.filter((c) => c.tweetId === 'bt-big')).toHaveLength(2);
    for (const t of batch.filter((b) => b.author !== 'big')) expect(await holders(t, [t.author, ...fans.get(t.author)!])).toEqual([1, 1, 1, 1, 1]);

    // Redelivered whole: every page finds its marker; nothing pushed, nothing completed again.
    const again = await fanout.planBatch(batch);
    expect(again.filter((s) => s.completed)).toHaveLength(0);
    for (const t of batch.filter((b) => b.author !== 'big')) expect(await holders(t, [t.author, ...fans.get(t.author)!])).toEqual([1, 1, 1, 1, 1]);
  });

  it('cuts the small fan-outs of a batch into script calls of at most the push budget, and a follower set of exactly the chunk size goes on page by page', async () => {
    const redis = ctx.createRedis('fanout-budget-test');
    const fanout = fanoutOn(redis, []);
    const per = 149; // + the author: 150 pushes per tweet
    const fans = await followers('wide', per);
    await fanout.plan(tweet('warm2', 'wide', Date.now() - 10_000));
    const batch = Array.from({ length: 7 }, (_, i) => tweet(`w${i}`, 'wide', Date.now() - 5000 + i));
    const log = commandLog(redis);
    const steps = await fanout.planBatch(batch);
    // 7 × 150 = 1,050 pushes, at most 500 per call: 3 tweets per call, 3 calls.
    expect(PUSHES_PER_CALL).toBe(500);
    expect(log.count('fanoutBatch')).toBe(ctx.cluster ? 0 : 3);
    expect(steps.every((s) => s.completed)).toBe(true);
    for (const t of batch) expect((await holders(t, ['wide', ...fans])).every((n) => n === 1)).toBe(true);

    // Exactly the chunk size: the batch's page is full, so the range goes on page by page under the
    // same inline markers (the next page is empty) and the tweet completes once.
    const exact = fanoutOn(redis, [], 3);
    const three = await followers('three', 3);
    const t3 = tweet('e1', 'three', Date.now() - 1000);
    log.names.length = 0;
    expect(await exact.planBatch([t3])).toEqual([{ mode: 'inline', completed: true, followers: 3 }]);
    if (!ctx.cluster) {
      expect(log.count('fanoutBatch')).toBe(1);
      expect(log.count('fanoutRange')).toBe(1);
    }
    expect(await holders(t3, ['three', ...three])).toEqual([1, 1, 1, 1]);
    expect(await exact.planBatch([t3])).toEqual([{ mode: 'inline', completed: false, followers: 3 }]);
  });
});
