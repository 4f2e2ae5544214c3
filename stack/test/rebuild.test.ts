import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { changelogTopic, clickSchema, followEventSchema, tweetSchema } from '@chirp/core';
import { Emitter, highWatermarks, jsonCodec } from '@chirp/streams';
import { createRedis } from '@chirp/store';
import { createTestContext, freePort, waitFor, type TestContext } from '@chirp/testkit';
import type { Redis } from 'ioredis';
import { ROOT } from '../paths.ts';
import { startRedis } from '../redis-server.ts';

// 4 partitions: the stateful analytics group needs at least as many input partitions as its 3-partition retry topic.
const ctx = await createTestContext({ partitions: 4 });
// Small thresholds so the load has inline, chunked and pulled (celebrity) fan-outs.
const FANOUT = { FANOUT_CHUNK_SIZE: '3', FANOUT_PULL_THRESHOLD: '8' };
// A Redis of the test's own, so the wipe can be a real FLUSHALL (never on the shared one).
const dir = mkdtempSync(join(tmpdir(), 'chirp-rebuild-'));
const port = await freePort();
const server = await startRedis({ dataDir: join(dir, 'redis'), logFile: join(dir, 'redis.log'), port });
const redisUrl = `redis://127.0.0.1:${port}`;
const redis = createRedis({ url: redisUrl, name: 'rebuild-test' });
ctx.onCleanup(async () => {
  redis.disconnect();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});
const ENV = { ...FANOUT, REDIS_URL: redisUrl };

/** How a family's keys are compared: the value as stored, or (`members`) without history-dependent order or scores. */
const FAMILIES: Record<string, 'exact' | 'members'> = {
  tweet: 'exact',
  tags: 'exact',
  tweets: 'exact',
  tag: 'exact',
  'pulled-authors': 'exact',
  prefs: 'exact',
  // Scores set in the order events of different partitions were applied (docs/guarantees.md, "What a rebuild reproduces").
  users: 'members',
  timeline: 'members',
  followers: 'members',
  following: 'members',
};

async function digests(c: TestContext, redis: Redis): Promise<Record<string, { keys: number; digest: string }>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${c.redisPrefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const out: Record<string, { keys: number; digest: string }> = {};
  for (const [family, mode] of Object.entries(FAMILIES)) {
    const mine = keys
      .filter((k) => {
        const rest = k.slice(c.redisPrefix.length);
        return rest === family || rest.startsWith(`${family}:`);
      })
      .sort();
    const hash = createHash('sha256');
    for (const key of mine) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
      else value = type;
      if (mode === 'members') value = Array.isArray(value) ? (type === 'zset' ? value.filter((_, i) => i % 2 === 0) : value).sort() : value;
      hash.update(`${key}\n${JSON.stringify(value)}\n`);
    }
    out[family] = { keys: mine.length, digest: hash.digest('hex').slice(0, 16) };
  }
  return out;
}

/** A group has committed every message its topics hold now. */
async function caughtUp(c: TestContext, group: string, topics: string[]): Promise<boolean> {
  const admin = c.kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId: `${c.prefix}${group}`, topics });
    for (const t of committed) {
      const marks = await highWatermarks(c.kafka, t.topic);
      for (const p of t.partitions) if (BigInt(p.offset === '-1' ? marks.get(p.partition)!.low : p.offset) < marks.get(p.partition)!.high) return false;
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

describe('npm run rebuild', () => {
  it('after every view is wiped, rebuilds each key family equal to the one the workers built', async () => {
    // One after another: five processes compiling at once on a busy 2-core machine can miss the start timeout.
    const services = [];
    for (const s of ['graph', 'saver', 'fanout', 'tagger', 'analytics']) services.push(await ctx.startService(s, ENV));
    const producer = await ctx.producer();
    const follows = new Emitter({ producer, topic: ctx.topics.follows, codec: jsonCodec(followEventSchema) });
    const tweets = new Emitter({ producer, topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const clicks = new Emitter({ producer, topic: ctx.topics.clicks, codec: jsonCodec(clickSchema) });
    // Recent, whole seconds: a fixed date crossed FANOUT_ACTIVE_DAYS on 2026-12-01 and the live fanout
    // (authors recorded active at their tweets' time) then pushed to no follower, while the rebuild
    // pushes to every follower (docs/guarantees.md, "what the rebuild gives").
    const t0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
    const at = (i: number): string => new Date(t0 + i * 1000).toISOString();
    const users = Array.from({ length: 12 }, (_, i) => `u${i}`);
    // star: 11 followers (pulled); mid: 5 (chunked); everyone follows the next user (inline); one follow undone.
    const edges = [...users.map((u) => [u, 'star']), ...users.slice(0, 5).map((u) => [u, 'mid']), ...users.map((u, i) => [u, users[(i + 1) % users.length]!])];
    await follows.emitMany(
      edges.map(([user, target], i) => ({ key: `${user}|${target}`, value: { user: user!, target: target!, action: 'follow' as const, at: at(i) } })),
    );
    await follows.emit('u0|u1', { user: 'u0', target: 'u1', action: 'unfollow', at: at(edges.length) });
    await waitFor(() => caughtUp(ctx, 'graph', [ctx.topics.follows]), { what: 'the graph applied', timeoutMs: 30_000, intervalMs: 200 });

    const texts = ['goal in the derby ⚽', 'new novel for book club 📚', 'pasta with basil 🍝', 'bike ride by the river', 'camera lens at golden hour'];
    const authors = ['star', 'mid', ...users];
    const posted = Array.from({ length: 70 }, (_, i) => ({
      id: `rb${i}`,
      author: authors[i % authors.length]!,
      text: `${texts[i % texts.length]} #${i}`,
      createdAt: at(1000 + i),
    }));
    await tweets.emitMany(posted.map((t) => ({ key: t.author, value: t })));
    await waitFor(
      async () =>
        (await caughtUp(ctx, 'tagger', [ctx.topics.newTweets])) && (await redis.exists(...posted.map((t) => ctx.keys.tweetTags(t.id)))) === posted.length,
      { what: 'every tweet tagged', timeoutMs: 60_000, intervalMs: 250 },
    );
    await clicks.emitMany(
      posted
        .slice(0, 30)
        .map((t, i) => ({ key: users[i % 6]!, value: { clickId: `c${i}`, user: users[i % 6]!, tweetId: t.id, kind: 'like' as const, at: at(2000 + i) } })),
    );
    await waitFor(
      async () => {
        for (const [g, topics] of [
          ['saver', [ctx.topics.newTweets]],
          ['fanout', [ctx.topics.newTweets, ctx.topics.fanout]],
          ['analytics', [ctx.topics.clicks]],
        ] as const) {
          if (!(await caughtUp(ctx, g, [...topics]))) return false;
        }
        return true;
      },
      { what: 'every worker caught up', timeoutMs: 60_000, intervalMs: 250 },
    );
    await Promise.all(services.map((s) => s.stop()));
    // The analytics table holds what the worker mirrored: the changelog is written before the mirror.
    expect((await highWatermarks(ctx.kafka, changelogTopic(`${ctx.prefix}analytics`))).size).toBeGreaterThan(0);

    const before = await digests(ctx, redis);
    expect(Object.values(before).every((f) => f.keys > 0)).toBe(true);
    // Wipe every view: FLUSHALL of the test's own Redis.
    await redis.flushall();
    expect(await redis.dbsize()).toBe(0);

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'stack', 'rebuild.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...ctx.env(ENV) },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/tweets +\[#{30}\] \d+\/\d+ offsets/);
    const after = await digests(ctx, redis);
    const table = Object.keys(FAMILIES).map(
      (f) =>
        `${f.padEnd(15)} ${FAMILIES[f]!.padEnd(8)} ${String(before[f]!.keys).padStart(5)} ${before[f]!.digest}  ${String(after[f]!.keys).padStart(5)} ${after[f]!.digest}  ${before[f]!.digest === after[f]!.digest ? 'equal' : 'DIFFERENT'}`,
    );
    console.log(`rebuild output:\n${stdout}\nfamily          compare  keys before            keys after\n${table.join('\n')}`);
    expect(after).toEqual(before);
  }, 480_000);
});
