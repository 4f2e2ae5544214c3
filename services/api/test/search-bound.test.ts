import { describe, expect, it } from 'vitest';
import { tweetDeleteSchema, tweetSchema, type Tweet } from '@chirp/core';
import { Emitter, jsonCodec } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { createTestContext, waitFor } from '@chirp/testkit';
import { LogSearchIndex } from '../src/search-index.ts';

/**
 * The search index is held in every API process: unbounded, it grew with every tweet ever read
 * (947 MiB RSS after ~529k tweets in bench:pipeline). It holds two generations of maxTweets/2: at
 * least the most recent half of maxTweets read and at most maxTweets; when the newer generation is
 * full, the older one leaves whole. One partition, so the log's order is the order produced.
 */
const [ctx, longCtx, deletesCtx, twoCtx, tombCtx, raceCtx] = await Promise.all([
  createTestContext({ partitions: 1 }),
  createTestContext({ partitions: 1 }),
  createTestContext({ partitions: 1 }),
  createTestContext({ partitions: 2 }),
  createTestContext({ partitions: 1 }),
  createTestContext({ partitions: 1 }),
]);
const MAX = 6; // two generations of 3
const tweets = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
const deletes = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
const t0 = Date.parse('2026-12-04T10:00:00Z');
const tweet = (i: number): Tweet => ({
  id: `bound${i}`,
  author: 'maria',
  text: `boundedsearch tweet number ${i}`,
  createdAt: new Date(t0 + i * 1000).toISOString(),
});
const ids = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => `bound${from + k}`);

const index = new LogSearchIndex({
  kafka: ctx.kafka,
  topic: ctx.topics.newTweets,
  deletesTopic: ctx.topics.tweetDeletes,
  logger: createLogger('search-bound-test', 'silent'),
  maxTweets: MAX,
});
ctx.onCleanup(() => index.close());

/** A started index of `maxTweets` on `c`'s topics, once it caught up. */
async function caughtUpIndex(c: typeof ctx, withDeletes: boolean, maxTweets = MAX): Promise<LogSearchIndex> {
  const started = new LogSearchIndex({
    kafka: c.kafka,
    topic: c.topics.newTweets,
    ...(withDeletes ? { deletesTopic: c.topics.tweetDeletes } : {}),
    logger: createLogger('search-bound-test', 'silent'),
    maxTweets,
  });
  c.onCleanup(() => started.close());
  void started.start();
  await waitFor(() => started.progress().ready, { timeoutMs: 30_000, what: 'the index caught up' });
  return started;
}

const found = (): string[] =>
  index
    .search('boundedsearch', 50)
    .tweets.map((t) => t.id)
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));

/**
 * Reads 2,000 tweets of words of their own (a fixed pseudo-random sequence, so every add reshapes
 * MiniSearch's term tree) through an index of `maxTweets`, deleting every `deleteEvery`-th, and
 * collects whatever the process sees as unhandled. MiniSearch 7.2's background vacuum walks that
 * tree across timer ticks; an add in between can leave the walk on a node that is gone, and its
 * TypeError is an unhandled rejection, which ends a Node process.
 */
async function longLog(c: typeof ctx, maxTweets: number, deleteEvery: number): Promise<{ errors: unknown[]; held: number; found: boolean }> {
  const errors: unknown[] = [];
  const onError = (error: unknown): void => void errors.push(error);
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  try {
    const long = await caughtUpIndex(c, true, maxTweets);
    const emitter = new Emitter({ producer: await c.producer(), topic: c.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const tombstones = new Emitter({ producer: await c.producer(), topic: c.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
    let seed = 1;
    const word = (): string => Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1e9).toString(36);
    const texts: string[] = [];
    for (let s = 0; s < 2000; s += 50) {
      const batch = Array.from({ length: 50 }, (_, k) => {
        texts[s + k] = `longlog ${Array.from({ length: 8 }, word).join(' ')}`;
        return { id: `long${s + k}`, author: 'hanna', text: texts[s + k]!, createdAt: new Date(t0 + s + k).toISOString() };
      });
      await emitter.emitMany(batch.map((value) => ({ key: 'hanna', value })));
      const gone = batch.filter((_, k) => deleteEvery > 0 && (s + k) % deleteEvery === 0);
      await tombstones.emitMany(
        gone.map((t) => ({ key: 'hanna', value: { tweetId: t.id, author: t.author, createdAt: t.createdAt, at: new Date().toISOString() } })),
      );
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => long.search(texts[1999]!, 10).tweets.some((t) => t.id === 'long1999'), { timeoutMs: 60_000, what: 'the last tweet indexed' });
    if (deleteEvery > 0)
      await waitFor(() => long.search(texts[1995]!, 10).tweets.every((t) => t.id !== 'long1995'), { timeoutMs: 20_000, what: 'the last delete applied' });
    return { errors, held: long.progress().held, found: true };
  } finally {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  }
}

describe('the search index holds at least the most recent maxTweets/2 tweets and at most maxTweets (SEARCH_MAX_TWEETS)', () => {
  it('built from a log longer than the bound, it reads and holds only the last maxTweets (two full generations), and says so in its progress', async () => {
    await tweets.emitMany(Array.from({ length: 12 }, (_, i) => ({ key: 'maria', value: tweet(i) })));
    void index.start();
    await waitFor(() => index.progress().ready, { timeoutMs: 30_000, what: 'the index caught up' });
    // The start reads only the last maxTweets/partitions of each partition (offsets 6–11 of the one
    // here), so an API start costs at most maxTweets however long the topic: generations [6,7,8] [9,10,11].
    expect(found()).toEqual(ids(6, 11));
    expect(index.progress()).toEqual({ ready: true, indexed: 6, total: 6, held: MAX, max: MAX });
  });

  it('following the log, a new generation pushes the oldest out whole; a deleted tweet leaves at once', async () => {
    await tweets.emit('maria', tweet(12));
    await waitFor(() => found().includes('bound12'), { timeoutMs: 20_000, what: 'bound12 indexed' });
    // [6,7,8] left whole when [12] began: the most recent max/2 + 1.
    expect(found()).toEqual(ids(9, 12));
    expect(index.progress().held).toBe(MAX / 2 + 1);
    await tweets.emitMany([13, 14].map((i) => ({ key: 'maria', value: tweet(i) })));
    await waitFor(() => found().includes('bound14'), { timeoutMs: 20_000, what: 'bound14 indexed' });
    expect(found()).toEqual(ids(9, 14));
    expect(index.progress().held).toBe(MAX);

    const t = tweet(12);
    await deletes.emit('maria', { tweetId: t.id, author: t.author, createdAt: t.createdAt, at: new Date().toISOString() });
    await waitFor(() => !found().includes('bound12'), { timeoutMs: 20_000, what: 'bound12 out of search' });
    expect(found()).toEqual(['bound9', 'bound10', 'bound11', 'bound13', 'bound14']);
    expect(index.progress().held).toBe(MAX - 1);

    // A generation is counted by the tweets it took, not those it holds: deletes cannot stretch it.
    await tweets.emit('maria', tweet(15));
    await waitFor(() => found().includes('bound15'), { timeoutMs: 20_000, what: 'bound15 indexed' });
    expect(found()).toEqual(['bound13', 'bound14', 'bound15']);
    expect(index.progress().held).toBe(3);
  });

  it('a long log through a small bound: the index stays bounded and the process never sees an error', { timeout: 90_000 }, async () => {
    const run = await longLog(longCtx, 100, 0);
    expect(run.errors).toEqual([]);
    expect(run.held).toBeLessThanOrEqual(100);
    expect(run.held).toBeGreaterThanOrEqual(50);
  });

  it('deleting every fifth tweet never crashes the process (the shipped index vacuumed past 10% deleted)', { timeout: 90_000 }, async () => {
    const run = await longLog(deletesCtx, 100_000, 5);
    expect(run.errors).toEqual([]);
    expect(run.held).toBe(1600);
  });

  it('on several partitions a start reads the last maxTweets/partitions of each, and holds them all', async () => {
    // 10 tweets on each of 2 partitions, a bound of 6: the last 3 of each, none read and dropped.
    const producer = await twoCtx.producer();
    const codec = jsonCodec(tweetSchema);
    for (const partition of [0, 1])
      await producer.send({
        topic: twoCtx.topics.newTweets,
        acks: -1,
        messages: Array.from({ length: 10 }, (_, i) => ({
          partition,
          key: `p${partition}`,
          value: codec.encode({ ...tweet(partition * 100 + i), author: `p${partition}` }),
        })),
      });
    const two = await caughtUpIndex(twoCtx, false);
    const held = two
      .search('boundedsearch', 50)
      .tweets.map((t) => t.id)
      .sort();
    expect(held).toEqual(['bound107', 'bound108', 'bound109', 'bound7', 'bound8', 'bound9']);
    expect(two.progress()).toEqual({ ready: true, indexed: 6, total: 6, held: 6, max: MAX });
  });

  it('a tombstone read before its tweet keeps it out even after more than maxTweets tombstones of older tweets', async () => {
    // The deletes topic is read whole and its tombstones are bounded: those of the oldest tweets go first.
    const recent = { ...tweet(50), createdAt: new Date().toISOString() };
    const tombs = new Emitter({ producer: await tombCtx.producer(), topic: tombCtx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
    const old = (i: number): string => new Date(Date.parse('2020-01-01T00:00:00Z') + i).toISOString();
    await tombs.emitMany([
      { key: 'maria', value: { tweetId: recent.id, author: 'maria', createdAt: recent.createdAt, at: new Date().toISOString() } },
      ...Array.from({ length: 3 * MAX }, (_, i) => ({
        key: 'maria',
        value: { tweetId: `old${i}`, author: 'maria', createdAt: old(i), at: new Date().toISOString() },
      })),
    ]);
    const index3 = await caughtUpIndex(tombCtx, true);
    // The deleted tweet arrives late (a producer retry), then one that is not deleted.
    const after = tweet(51);
    const tweets3 = new Emitter({ producer: await tombCtx.producer(), topic: tombCtx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    await tweets3.emitMany([
      { key: 'maria', value: recent },
      { key: 'maria', value: after },
    ]);
    await waitFor(() => index3.search('boundedsearch', 50).tweets.some((t) => t.id === after.id), { timeoutMs: 20_000, what: 'bound51 indexed' });
    expect(index3.search('boundedsearch', 50).tweets.map((t) => t.id)).toEqual([after.id]);
  });

  it('an odd bound: a start reads only what the two generations hold (2·floor(max/2)), so it drops none of it', async () => {
    // ctx's one partition holds bound0…bound15 by now; max 7 holds two generations of 3.
    const odd = await caughtUpIndex(ctx, false, 7);
    expect(odd.progress()).toEqual({ ready: true, indexed: 6, total: 6, held: 6, max: 7 });
  });

  it('during a start, no tombstone is dropped: an old deleted tweet stays out behind many newer tombstones', async () => {
    // Which reader goes first is not fixed; either way the old tweet must stay out. Tombstones are
    // cut back to the newest only once both readers caught up.
    const oldTweet = { ...tweet(60), createdAt: '2020-01-01T00:00:00.000Z' };
    const raceTweets = new Emitter({ producer: await raceCtx.producer(), topic: raceCtx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const raceTombs = new Emitter({ producer: await raceCtx.producer(), topic: raceCtx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
    await raceTweets.emitMany([oldTweet, tweet(61)].map((value) => ({ key: 'maria', value })));
    const at = new Date().toISOString();
    await raceTombs.emitMany([
      { key: 'maria', value: { tweetId: oldTweet.id, author: 'maria', createdAt: oldTweet.createdAt, at } },
      ...Array.from({ length: 3 * MAX }, (_, i) => ({ key: 'maria', value: { tweetId: `new${i}`, author: 'maria', createdAt: at, at } })),
    ]);
    const race = await caughtUpIndex(raceCtx, true);
    expect(race.search('boundedsearch', 50).tweets.map((t) => t.id)).toEqual(['bound61']);
  });
});
