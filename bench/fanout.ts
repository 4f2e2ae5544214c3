// Fan-out benchmark: the article's table (3 … 1,000,000 followers) for
//   (a) the article's naive loop, one Redis round trip per follower,
//   (b) this project's fan-out through Kafka, end to end (produce → every timeline → "delivered" event),
//   (c) Redis's own limit in the same run: redis-benchmark -t lpush -P 64,
// plus the chunk options measured without Kafka, and the fanout worker's peak RSS.
// Prints markdown tables and writes bench/results/fanout.json. Not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { groupTopics, systemTopics, topicNames, tweetSchema } from '@chirp/core';
import { createKeys, createRedis, entryId, TimelineStore } from '@chirp/store';
import { createKafka, createProducer, deleteTopics, Emitter, ensureTopics, jsonCodec } from '@chirp/streams';
import { startService } from '@chirp/testkit';
import { startRedis } from '@chirp/stack/redis-server';
import { fmt, markdownTable, rss } from './lib/table.ts';
import { redisBenchmark } from './lib/redis-benchmark.ts';
import { drawFanout } from './lib/draw.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SIZES = (args.get('sizes') ?? '3,100,1000,10000,100000,1000000').split(',').map(Number);
const NAIVE_MAX = Number(args.get('naive-max') ?? 1_000_000);
const CHUNK = Number(args.get('chunk') ?? process.env.FANOUT_CHUNK_SIZE ?? 2000);
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const REDIS_PORT = Number(args.get('redis-port') ?? 16390);
const ARTICLE: Record<number, number> = { 3: 2.9, 100: 83.7, 1000: 809.66 };

const dir = mkdtempSync(join(tmpdir(), 'chirp-bench-fanout-'));
// A Redis of its own: nothing else competes for its one thread, and 1M timelines vanish with it.
const server = await startRedis({ dataDir: join(dir, 'redis'), logFile: join(dir, 'redis.log'), port: REDIS_PORT });
const redisUrl = `redis://127.0.0.1:${REDIS_PORT}`;
const prefix = `bench${Date.now() % 1_000_000}.`;
const kafka = createKafka({ brokers, clientId: 'bench-fanout' });
const cleanup: (() => Promise<unknown>)[] = [];
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  await deleteTopics(
    kafka,
    [...systemTopics(prefix), ...groupTopics(prefix)].map((t) => t.topic),
  ).catch(() => undefined);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  // The bench's Redis runs without AOF: we measure fan-out, not disk.
  const admin = new Redis(redisUrl);
  cleanup.push(async () => admin.disconnect());
  await admin.config('SET', 'appendonly', 'no');
  const redis = createRedis({ url: redisUrl, name: 'bench' });
  cleanup.push(async () => redis.disconnect());
  const keys = createKeys(prefix);

  // (c) Redis's limit, measured first on an empty server.
  const redisLimit = redisBenchmark(REDIS_PORT, ['-t', 'lpush', '-P', '64', '-n', '2000000', '-r', '1000000', '-q']).rate;
  await redis.flushall();

  async function addFollowers(author: string, n: number): Promise<void> {
    for (let start = 0; start < n; start += 10_000) {
      const chunk: (string | number)[] = [];
      for (let i = start; i < Math.min(n, start + 10_000); i++) chunk.push(i + 1, `u${i}`);
      await redis.zadd(keys.followers(author), ...chunk);
      // Every follower active now: the push path with FANOUT_ACTIVE_DAYS's filter, reaching all of them.
      const now = Date.now();
      await redis.zadd(keys.activeUsers(), ...chunk.map((v, j) => (j % 2 === 0 ? now : v)));
    }
  }

  // (a) the naive loop of the article: LPUSH per follower, awaited one by one.
  async function naive(n: number): Promise<number> {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await redis.lpush(`naive:timeline:u${i}`, 'tweet');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await redis.flushall();
    return ms;
  }

  // Chunk options, without Kafka: the same 1M pushes applied different ways.
  async function option(name: string, n: number, size: number): Promise<number> {
    await addFollowers('opt', n);
    const store = new TimelineStore(redis, keys, { cap: 800 });
    const all = await redis.zrange(keys.followers('opt'), 0, -1);
    const t0 = process.hrtime.bigint();
    for (let start = 0; start < n; start += size) {
      const followers = all.slice(start, start + size);
      if (name === 'lua, followers read inside Redis') {
        let cursor = '-inf';
        for (;;) {
          const r = await store.deliverFollowerPage({
            tweetId: 'o1',
            createdAtMs: Date.now(),
            author: 'opt',
            marker: cursor,
            cursor,
            to: '+inf',
            limit: size,
            includeAuthor: false,
          });
          if (r.next === 'end') break;
          cursor = r.next;
        }
        break;
      }
      if (name === 'lua, followers as KEYS') await store.deliverToUsers({ tweetId: 'o1', createdAtMs: Date.now(), users: followers, marker: String(start) });
      else if (name === 'multi') {
        const tx = redis.multi();
        for (const f of followers) tx.lpush(keys.timeline(f), 'o1').ltrim(keys.timeline(f), 0, 799);
        await tx.exec();
      } else {
        const p = redis.pipeline();
        for (const f of followers) p.lpush(keys.timeline(f), 'o1');
        await p.exec();
      }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await redis.flushall();
    return n / (ms / 1000);
  }
  const OPTION_N = 1_000_000;
  const options: { option: string; chunk: number; followersPerSec: number }[] = [];
  const OPTIONS = [
    ['lua, followers read inside Redis', 1000],
    ['lua, followers read inside Redis', 2000],
    ['lua, followers read inside Redis', 5000],
    ['lua, followers read inside Redis', 10000],
    ['lua, followers as KEYS', 2000],
    ['lua, followers as KEYS', 5000],
    ['multi', 2000],
    ['pipeline (not idempotent)', 2000],
  ] as const;
  for (const [name, size] of OPTIONS) {
    options.push({ option: name, chunk: size, followersPerSec: await option(name, OPTION_N, size) });
  }

  // (b) through Kafka, end to end, with the real fanout worker process.
  await ensureTopics(kafka, [...systemTopics(prefix, 6), ...groupTopics(prefix)]);
  const fanout = await startService('fanout', {
    KAFKA_BROKERS: brokers,
    REDIS_URL: redisUrl,
    TOPIC_PREFIX: prefix,
    REDIS_PREFIX: prefix,
    FANOUT_CHUNK_SIZE: String(CHUNK),
    FANOUT_PULL_THRESHOLD: '100000000', // push everything: this measures fan-out itself
    METRICS_PORT: '0',
  });
  cleanup.push(() => fanout.stop());
  const producer = createProducer(kafka);
  await producer.connect();
  cleanup.push(() => producer.disconnect());
  const tweets = new Emitter({ producer, topic: topicNames(prefix).newTweets, codec: jsonCodec(tweetSchema) });
  const sub = new Redis(redisUrl);
  cleanup.push(async () => sub.disconnect());
  const waiting = new Map<string, () => void>();
  await sub.subscribe(keys.timelineEvents());
  sub.on('message', (_c: string, raw: string) => waiting.get((JSON.parse(raw) as { tweetId: string }).tweetId)?.());

  async function throughKafka(author: string, id: string): Promise<number> {
    const delivered = new Promise<void>((resolve) => waiting.set(id, resolve));
    const t0 = process.hrtime.bigint();
    await tweets.emit(author, { id, author, text: 'benchmark', createdAt: new Date().toISOString() });
    await delivered;
    return Number(process.hrtime.bigint() - t0) / 1e6;
  }
  await addFollowers('warm', 5000);
  await throughKafka('warm', 'warm1'); // joins, JIT, script cache

  const rows: { followers: number; naiveMs: number | null; kafkaMs: number; verified: boolean; rssPeakMiB: number }[] = [];
  for (const n of SIZES) {
    const naiveMs = n <= NAIVE_MAX ? await naive(n) : null;
    await addFollowers(`a${n}`, n);
    const kafkaMs = await throughKafka(`a${n}`, `t${n}`);
    // Verify delivery on a sample (and the extremes) rather than trusting the event.
    const sample = new Set([0, n - 1, ...Array.from({ length: Math.min(n, 1000) }, () => Math.floor(Math.random() * n))]);
    const check = redis.pipeline();
    for (const i of sample) check.lrange(keys.timeline(`u${i}`), 0, -1); // entries are '<ms>:<id>'
    const verified = ((await check.exec()) ?? []).every(([, entries]) => (entries as string[]).some((e) => entryId(e) === `t${n}`));
    rows.push({ followers: n, naiveMs, kafkaMs, verified, rssPeakMiB: rss(fanout.child.pid!).peakMiB });
    await redis.flushall();
  }

  const date = new Date().toISOString().slice(0, 10);
  const table = markdownTable(
    [
      'followers',
      'article naive (ms)',
      '(a) naive here (ms)',
      '(b) chirp via Kafka (ms)',
      '(b) followers/s',
      'b vs a (×)',
      'b / redis limit',
      'fanout peak RSS (MiB)',
      'verified',
    ],
    rows.map((r) => {
      const perSec = r.followers / (r.kafkaMs / 1000);
      return [
        fmt(r.followers),
        ARTICLE[r.followers] !== undefined ? fmt(ARTICLE[r.followers]!, 2) : '—',
        r.naiveMs === null ? 'skipped' : fmt(r.naiveMs, 1),
        fmt(r.kafkaMs, 1),
        fmt(perSec),
        r.naiveMs === null ? '—' : fmt(r.naiveMs / r.kafkaMs, 1),
        `${fmt((100 * perSec) / redisLimit, 1)}%`,
        fmt(r.rssPeakMiB, 1),
        r.verified ? 'yes' : 'NO',
      ];
    }),
  );
  const optionsTable = markdownTable(
    ['chunk option (1M pushes, no Kafka)', 'chunk size', 'followers/s'],
    options.map((o) => [o.option, fmt(o.chunk), fmt(o.followersPerSec)]),
  );
  console.log(`\nFan-out benchmark, ${date}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, chunk ${CHUNK}\n`);
  console.log(`(c) Redis limit: redis-benchmark -t lpush -P 64 → ${fmt(redisLimit)} LPUSH/s\n`);
  console.log(table);
  console.log(`\n${optionsTable}\n`);
  mkdirSync('bench/results', { recursive: true });
  const result = {
    date,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.versions.node,
    chunkSize: CHUNK,
    redisLimitOpsPerSec: redisLimit,
    rows,
    options,
    article: ARTICLE,
  };
  writeFileSync('bench/results/fanout.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written bench/results/fanout.json');
  console.log(`written ${await drawFanout(result)}`);
} finally {
  await cleanUp();
}
