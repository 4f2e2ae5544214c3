import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { followEventSchema, likeEventSchema, retweetEventSchema, tweetDeleteSchema, tweetSchema, type Tweet } from '@chirp/core';
import { closeRedis, createRedis } from '@chirp/store';
import { Emitter, highWatermarks, jsonCodec } from '@chirp/streams';
import { createTestContext, freePort, waitFor } from '@chirp/testkit';
import { ROOT } from '../paths.ts';
import { startRedis } from '../redis-server.ts';

const ctx = await createTestContext({ partitions: 4 });
// A Redis of the test's own: it is FLUSHALLed (the shared one never is).
const port = await freePort();
const dir = join(ROOT, '.stack', `social-rebuild-${port}`);
const server = await startRedis({ port, dataDir: dir, logFile: join(dir, 'redis.log') });
ctx.onCleanup(() => server.stop());
const redisUrl = `redis://127.0.0.1:${port}`;
const redis = createRedis({ url: redisUrl });
ctx.onCleanup(() => closeRedis(redis));
const env = ctx.env({ REDIS_URL: redisUrl, FANOUT_CHUNK_SIZE: '2' });

/** Every social family (and the timelines and bodies they touch), as stored. */
async function snapshot(): Promise<Record<string, unknown>> {
  const keys = (await redis.keys(`${ctx.redisPrefix}*`))
    .filter((k) => /:(tweet|tweets|timeline|replies|likes|retweets|counts|deleted|retweet-entries):/.test(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const type = await redis.type(key);
    if (type === 'string') out[key] = await redis.get(key);
    else if (type === 'list')
      out[key] = (await redis.lrange(key, 0, -1)).sort(); // order across authors: docs/guarantees.md
    else if (type === 'zset') out[key] = await redis.zrange(key, 0, -1);
    else if (type === 'set') out[key] = (await redis.smembers(key)).sort();
    else if (type === 'hash') out[key] = Object.keys(await redis.hgetall(key)).sort(); // entries carry the retweet time: the same events give the same
  }
  return out;
}

async function caughtUp(group: string, topics: string[]): Promise<boolean> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    for (const t of await admin.fetchOffsets({ groupId: `${ctx.prefix}${group}`, topics })) {
      const marks = await highWatermarks(ctx.kafka, t.topic);
      for (const p of t.partitions) if (BigInt(p.offset === '-1' ? marks.get(p.partition)!.low : p.offset) < marks.get(p.partition)!.high) return false;
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

describe('rebuild after FLUSHALL reproduces counts, threads, retweets and deletions', () => {
  it('the social families equal the ones the workers built', async () => {
    const services = [];
    for (const s of ['graph', 'saver', 'fanout']) services.push(await ctx.startService(s, env));
    const producer = await ctx.producer();
    const follows = new Emitter({ producer, topic: ctx.topics.follows, codec: jsonCodec(followEventSchema) });
    const tweets = new Emitter({ producer, topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const deletes = new Emitter({ producer, topic: ctx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
    const retweets = new Emitter({ producer, topic: ctx.topics.retweets, codec: jsonCodec(retweetEventSchema) });
    const likes = new Emitter({ producer, topic: ctx.topics.likes, codec: jsonCodec(likeEventSchema) });
    const t0 = Date.parse('2026-11-20T00:00:00.000Z');
    const at = (i: number): string => new Date(t0 + i * 1000).toISOString();
    // ann is followed by b0..b4 (chunked: chunk size 2) and c; c follows b0 and b1; b1 follows c; d follows b0 and b1.
    const edges = [
      ['b0', 'ann'],
      ['b1', 'ann'],
      ['b2', 'ann'],
      ['b3', 'ann'],
      ['b4', 'ann'],
      ['c', 'b0'],
      ['c', 'b1'],
      ['b1', 'c'],
      ['c', 'ann'],
      ['d', 'b0'],
      ['d', 'b1'],
    ];
    await follows.emitMany(
      edges.map(([user, target], i) => ({ key: `${user}|${target}`, value: { user: user!, target: target!, action: 'follow' as const, at: at(i) } })),
    );
    await waitFor(() => caughtUp('graph', [ctx.topics.follows]), { what: 'graph applied', timeoutMs: 60_000, intervalMs: 200 });

    const tw = (id: string, author: string, i: number, replyTo?: Tweet['replyTo']): Tweet => ({
      id,
      author,
      text: `tweet ${id}`,
      createdAt: at(100 + i),
      ...(replyTo ? { replyTo } : {}),
    });
    const root = tw('root', 'ann', 0);
    const r1 = tw('r1', 'b1', 1, { id: 'root', author: 'ann' });
    const r2 = tw('r2', 'c', 2, { id: 'r1', author: 'b1' });
    const gone = tw('gone', 'ann', 3);
    const goneReply = tw('goneReply', 'b0', 4, { id: 'root', author: 'ann' });
    const plain = tw('plain', 'c', 5);
    for (const t of [root, r1, r2, gone, goneReply, plain]) await tweets.emit(t.author, t);
    await waitFor(async () => (await redis.exists(...[root, r1, r2, gone, goneReply, plain].map((t) => ctx.keys.tweet(t.id)))) === 6, { what: 'saved' });
    await deletes.emitMany([
      { key: 'gone', value: { tweetId: 'gone', author: 'ann', createdAt: gone.createdAt, at: at(200) } },
      { key: 'goneReply', value: { tweetId: 'goneReply', author: 'b0', createdAt: goneReply.createdAt, replyTo: goneReply.replyTo, at: at(201) } },
    ]);
    const rt = (user: string, tweet: Tweet, action: 'retweet' | 'undo', i: number) => ({
      key: `${user}|${tweet.id}`,
      value: { user, tweetId: tweet.id, author: tweet.author, createdAt: tweet.createdAt, action, at: at(300 + i) },
    });
    // b0 and b1 retweet c's tweet: d (follows both, not c) holds it once; b1 retweets ann's root and undoes it.
    await retweets.emitMany([rt('b0', plain, 'retweet', 0), rt('b1', plain, 'retweet', 1), rt('b1', root, 'retweet', 2), rt('b1', root, 'undo', 3)]);
    await likes.emitMany(
      ['b0', 'b1', 'b2', 'c', 'b2'].map((user, i) => ({
        key: `${user}|root`,
        value: { user, tweetId: 'root', author: 'ann', action: i === 4 ? ('unlike' as const) : ('like' as const), at: at(400 + i) },
      })),
    );
    await waitFor(
      async () =>
        (await caughtUp('saver', [ctx.topics.newTweets])) &&
        (await caughtUp('fanout', [ctx.topics.newTweets, ctx.topics.fanout, ctx.topics.tweetDeletes, ctx.topics.retweets, ctx.topics.likes])),
      { what: 'every worker caught up', timeoutMs: 60_000, intervalMs: 250 },
    );
    await Promise.all(services.map((s) => s.stop()));

    const before = await snapshot();
    // What the workers built, checked before comparing it with the rebuild.
    expect(JSON.parse(before[ctx.keys.counts('root')] as string)).toEqual({ likes: 3, retweets: 0, replies: 1 });
    expect(JSON.parse(before[ctx.keys.counts('plain')] as string)).toEqual({ likes: 0, retweets: 2, replies: 0 });
    expect(before[ctx.keys.replies('root')]).toEqual(['r1']);
    expect(before[ctx.keys.replies('r1')]).toEqual(['r2']);
    expect(before[ctx.keys.tweet('gone')]).toBeUndefined();
    expect(before[ctx.keys.tombstone('gone')]).toBe('1');
    for (const [key, value] of Object.entries(before)) if (key.includes(':timeline:')) expect(String(value), key).not.toMatch(/:gone/);
    expect((before[ctx.keys.timeline('b2')] as string[]).some((e) => e.endsWith(':root'))).toBe(true);
    expect((before[ctx.keys.timeline('d')] as string[]).filter((e) => e.endsWith(':plain'))).toHaveLength(1);
    expect((before[ctx.keys.timeline('d')] as string[]).filter((e) => e.endsWith(':root'))).toHaveLength(0); // undone
    expect(before[ctx.keys.timeline('b0')]).not.toContainEqual(expect.stringMatching(/:r2$/)); // b0 does not follow b1 (the one replied to)

    await redis.flushall(); // the private Redis only
    expect(await redis.dbsize()).toBe(0);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'stack', 'rebuild.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 180_000,
    });
    expect(stdout).toMatch(/tweets/);
    const after = await snapshot();
    expect(after).toEqual(before);
  }, 300_000);
});
