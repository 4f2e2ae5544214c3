// Profile of the fanout worker on many small fan-outs (notes/fanout.md; not a test, not a bench).
// A private redis-server (no AOF), its own topic prefix on the shared broker, AUTHORS authors with
// FOLLOWERS followers each drawn from a pool of USERS; a share of the pool is recorded as inactive
// (last active 60 days ago) so a worker with FANOUT_ACTIVE_DAYS skips them. TWEETS tweets are
// produced first, then the real fanout worker (node --cpu-prof) drains them; prints the wall time,
// Redis INFO commandstats (calls, µs, µs per call) and the worker's top self-time frames.
// Run: nice -n 5 node --import tsx services/fanout/test/profile-batches.ts [label]   (a script, not a vitest file)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { groupTopics, systemTopics, topicNames, tweetSchema, type Tweet } from '@chirp/core';
import { createKeys } from '@chirp/store';
import { createKafka, createProducer, deleteTopics, Emitter, ensureTopics, jsonCodec } from '@chirp/streams';
import { freePort, startService } from '@chirp/testkit';
import { startRedis } from '@chirp/stack/redis-server';

const label = process.argv[2] ?? 'run';
const AUTHORS = 400;
const FOLLOWERS = 75;
const USERS = 20_000;
const TWEETS = 8000;
const INACTIVE_SHARE = 0.5;
// One partition by default: every tweet is then handled in time order, so each push is the fresh-tweet
// path (LINDEX 0 + LPUSH); with several, tweets of different partitions interleave and many inserts
// walk down the list to their place (PROF_PARTITIONS=6 shows that cost).
const PARTITIONS = Number(process.env.PROF_PARTITIONS ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'chirp-fanout-prof-'));
const port = await freePort();
const server = await startRedis({ dataDir: join(dir, 'redis'), logFile: join(dir, 'redis.log'), port });
const url = `redis://127.0.0.1:${port}`;
const redis = new Redis(url);
await redis.config('SET', 'appendonly', 'no');
const prefix = `prof${Date.now() % 1_000_000}.`;
const keys = createKeys(prefix);
const kafka = createKafka({ brokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092', clientId: 'fanout-profile' });
const topics = [...systemTopics(prefix, PARTITIONS), ...groupTopics(prefix)];
await ensureTopics(kafka, topics);
try {
  let seed = 42;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let a = 0; a < AUTHORS; a++) {
    const args: (string | number)[] = [];
    for (let f = 0; f < FOLLOWERS; f++) args.push(1_000_000 + f, `u${Math.floor(rand() * USERS)}`);
    await redis.zadd(keys.followers(`a${a}`), ...args);
  }
  const old = Date.now() - 60 * 24 * 3600_000;
  const inactive: (string | number)[] = [];
  for (let u = 0; u < USERS * INACTIVE_SHARE; u++) inactive.push(old, `u${u}`);
  await redis.zadd(`${prefix}active-users`, ...inactive);

  const producer = createProducer(kafka);
  await producer.connect();
  const emitter = new Emitter<Tweet>({ producer, topic: topicNames(prefix).newTweets, codec: jsonCodec(tweetSchema) });
  const batch = Array.from({ length: TWEETS }, (_, i) => {
    const author = `a${i % AUTHORS}`;
    return { key: author, value: { id: `t${i}`, author, text: `tweet ${i}`, createdAt: new Date(Date.now() - TWEETS + i).toISOString() } };
  });
  for (let i = 0; i < batch.length; i += 500) await emitter.emitMany(batch.slice(i, i + 500));
  await producer.disconnect();

  const sub = new Redis(url);
  let delivered = 0;
  await sub.subscribe(keys.timelineEvents());
  sub.on('message', () => void delivered++);
  await redis.config('RESETSTAT');
  const profDir = join(dir, 'prof');
  const t0 = Date.now();
  const worker = await startService(
    'fanout',
    { KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092', REDIS_URL: url, TOPIC_PREFIX: prefix, REDIS_PREFIX: prefix },
    60_000,
    ['--cpu-prof', '--cpu-prof-dir', profDir, '--import', 'tsx', join(process.cwd(), 'services/fanout/src/main.ts')],
  );
  while (delivered < TWEETS) await new Promise((r) => setTimeout(r, 50));
  const seconds = (Date.now() - t0) / 1000;
  const stats = (await redis.info('commandstats')).split('\n').filter((l) => l.startsWith('cmdstat_'));
  await worker.stop();
  sub.disconnect();
  console.log(
    `\n== ${label}: ${TWEETS} tweets × ${FOLLOWERS} followers (${AUTHORS} authors, ${PARTITIONS} partition(s)), drained in ${seconds.toFixed(1)} s incl. start-up`,
  );
  console.log('Redis INFO commandstats (the worker only):');
  for (const line of stats) {
    const m = /cmdstat_(\w+):calls=(\d+),usec=(\d+),usec_per_call=([\d.]+)/.exec(line);
    if (m && Number(m[2]) > 20) console.log(`  ${m[1]!.padEnd(14)} calls=${m[2]!.padStart(8)} usec=${m[3]!.padStart(10)} per call=${m[4]} µs`);
  }
  const timelines = await redis.eval(`return #redis.call('KEYS', ARGV[1])`, 0, `${prefix}timeline:*`);
  console.log(`timelines: ${String(timelines)}`);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: Node[]; samples: number[] };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples) {
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.replace(/.*\/(node_modules|work\/wt-fanout)\//, '')}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + 1);
  }
  console.log('worker top self-time frames:');
  for (const [name, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${((100 * n) / profile.samples.length).toFixed(1).padStart(5)}%  ${name}`);
} finally {
  redis.disconnect();
  await deleteTopics(
    kafka,
    topics.map((t) => t.topic),
  ).catch(() => undefined);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
