// What one timeline push costs inside Redis, measured in one run on one private redis-server:
//   the limit (redis-benchmark -t lpush -P 64: one hot key), native pipelined LPUSH and
//   ZADD to cold, full timelines (redis-benchmark with random keys), and the fan-out's own script
//   (fanout-range.lua) beside variants of it that leave out parts of the per-follower work.
// Each script figure is Redis's own time (INFO commandstats usec) divided by the pushes it made,
// so the client's cost never enters. Prints a markdown table and writes bench/results/push-cost.json.
// Not a test: `npm run bench:push-cost`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadScript, timelineEntry } from '@chirp/store';
import { startRedis } from '@chirp/stack/redis-server';
import { fmt, markdownTable } from './lib/table.ts';
import { redisBenchmark as runRedisBenchmark } from './lib/redis-benchmark.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const USERS = Number(args.get('users') ?? 10_000); // 10k full timelines: ~0.5 GB, far past any CPU cache
const FILL = Number(args.get('fill') ?? 800); // entries per timeline: TIMELINE_CAP's default, a full timeline
const ROUNDS = Number(args.get('rounds') ?? 5);
const PAGE = 2000; // FANOUT_CHUNK_SIZE's default
// Redis's list-max-listpack-size for the timelines (-2 = 8 KB nodes, Redis's default; a positive n = n entries per node).
const LISTPACK = args.get('listpack') ?? '-2';
const REDIS_PORT = Number(args.get('redis-port') ?? 16391);
const T0 = 1_750_000_000_000;
/** FANOUT_ACTIVE_DAYS's default: the scripts get its push cutoff. */
const ACTIVE_DAYS = 30;
const CUTOFF_MS = Date.now() - ACTIVE_DAYS * 86_400_000;
/** The native LPUSH runs' entry; taken out again before the scripts run, so the scripts' fresh entries stay newest. */
const NATIVE_ENTRY = timelineEntry(T0 - 1000, 'native');

const dir = mkdtempSync(join(tmpdir(), 'chirp-bench-push-cost-'));
const server = await startRedis({ dataDir: join(dir, 'redis'), logFile: join(dir, 'redis.log'), port: REDIS_PORT });
const redis = new Redis({ port: REDIS_PORT });

/** redis-benchmark's key for __rand_int__ = n (12 digits, zero-padded). */
const key = (kind: string, n: number): string => `${kind}:${String(n).padStart(12, '0')}`;

/** Runs `add(pipeline, n)` for every timeline n, `batch` timelines per round trip. */
async function eachTimeline(batch: number, add: (p: ReturnType<Redis['pipeline']>, n: number) => unknown): Promise<void> {
  for (let u = 0; u < USERS; u += batch) {
    const p = redis.pipeline();
    for (let n = u; n < Math.min(USERS, u + batch); n++) add(p, n);
    await p.exec();
  }
}

/** USERS timelines of FILL entries each, as lists (tl:) and as sorted sets (tz:), older than any push below. */
async function fill(): Promise<void> {
  await redis.flushall();
  await eachTimeline(100, (p, n) => {
    const entries = Array.from({ length: FILL }, (_, i) => timelineEntry(T0 + (FILL - i) * 1000, String(1e9 + n * FILL + i)));
    p.rpush(key('tl', n), ...entries);
    p.zadd(key('tz', n), ...entries.flatMap((e, i) => [T0 + (FILL - i) * 1000, e]));
  });
  // Every follower active now: the script takes FANOUT_ACTIVE_DAYS's path (one ZMSCORE per 1,000 followers) and reaches all of them.
  const now = Date.now();
  await eachTimeline(2000, (p, n) => {
    const member = String(n).padStart(12, '0');
    p.zadd('followers:author', n + 1, member).zadd('active-users', now, member);
  });
}

/** Redis's own figures for `command` since the last RESETSTAT (INFO commandstats): total µs and µs per call. */
async function commandStats(command: string): Promise<{ usec: number; usecPerCall: number }> {
  const line = (await redis.info('commandstats')).split('\n').find((l) => l.startsWith(`cmdstat_${command}:`)) ?? '';
  const field = (name: string): number => Number(new RegExp(`[:,]${name}=([\\d.]+)`).exec(line)?.[1] ?? NaN);
  return { usec: field('usec'), usecPerCall: field('usec_per_call') };
}

interface Native {
  /** Requests/s redis-benchmark reports: parsing, the command and its reply. */
  rate: number;
  /** Redis's time inside the command alone. */
  redisUs: number;
}

/** redis-benchmark -P 64 with 1M requests of `command` (keys over USERS when it names __rand_int__). */
async function redisBenchmark(...command: string[]): Promise<Native> {
  await redis.config('RESETSTAT');
  const { rate, output } = runRedisBenchmark(REDIS_PORT, ['-P', '64', '-n', '1000000', '-r', String(USERS), '-q', ...command]);
  if (Number.isNaN(rate)) throw new Error(`redis-benchmark ${command.join(' ')} printed no rate: ${output}`);
  const name = (command[0] === '-t' ? command[1]! : command[0]!).toLowerCase();
  return { rate, redisUs: (await commandStats(name)).usecPerCall };
}

const PER_FOLLOWER = 'if receives[i] then pushed = pushed + insertEntry(p.prefix .. users[i], p.entry, p.cap) end';
/** fanout-range.lua with its per-follower step replaced (each variant must change the script). */
function variant(step: string | undefined): string {
  const script = loadScript('fanout-range');
  if (step === undefined) return script;
  if (!script.includes(PER_FOLLOWER)) throw new Error('fanout-page.lua changed: update bench/push-cost.ts');
  return script.replace(PER_FOLLOWER, `if receives[i] then ${step} pushed = pushed + 1 end`);
}

const SCRIPTS = [
  { name: 'fanout-range.lua as shipped (activity window on; LINDEX head, compare, LPUSH)', script: variant(undefined) },
  { name: 'the same script, LPUSH only (no head check)', script: variant("redis.call('LPUSH', p.prefix .. users[i], p.entry)") },
  { name: 'the same script, LINDEX only (no write)', script: variant("redis.call('LINDEX', p.prefix .. users[i], 0)") },
  { name: 'the same script, no timeline call (follower read and loop only)', script: variant('') },
];

let seq = 0;
/** Redis µs per push of one script over 5 tweets to every follower, by commandstats. */
async function scriptCost(script: string): Promise<number> {
  const sha = (await redis.script('LOAD', script)) as string;
  await redis.config('RESETSTAT');
  let pushes = 0;
  for (let t = 0; t < 5; t++) {
    seq++;
    const entry = timelineEntry(T0 + 10_000_000 + seq * 1000, String(2e9 + seq));
    for (let cursor = '-inf'; ;) {
      const args = [
        'followers:author',
        `marker:${seq}:${cursor}`,
        `pending:${seq}`,
        'active-users',
        entry,
        FILL,
        cursor,
        '+inf',
        PAGE,
        60,
        'tl:',
        '',
        CUTOFF_MS,
        '',
      ];
      const [, next, pushed] = (await redis.evalsha(sha, 4, ...args)) as [number, string, number];
      pushes += pushed;
      if (next === 'end') break;
      cursor = next;
    }
  }
  const { usec } = await commandStats('evalsha');
  // Back to FILL entries, so every round pushes onto full timelines.
  await eachTimeline(1000, (p, n) => p.ltrim(key('tl', n), 0, FILL - 1));
  return usec / pushes;
}

interface Row {
  /** Median over the rounds. */
  usPerPush: number;
  min: number;
  max: number;
  redisUs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  await redis.config('SET', 'appendonly', 'no');
  await redis.config('SET', 'list-max-listpack-size', LISTPACK);
  process.stdout.write(`› ${fmt(USERS)} timelines of ${FILL} entries (lists and sorted sets)…`);
  await fill();
  console.log(' loaded');
  const limits: Native[] = [];
  const hotEntry: Native[] = [];
  const coldLpush: Native[] = [];
  const coldZadd: Native[] = [];
  const scripts = SCRIPTS.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    process.stdout.write(`› round ${round + 1} of ${ROUNDS}…`);
    limits.push(await redisBenchmark('-t', 'lpush'));
    await redis.del('mylist');
    hotEntry.push(await redisBenchmark('LPUSH', 'hot', NATIVE_ENTRY));
    await redis.del('hot');
    coldLpush.push(await redisBenchmark('LPUSH', 'tl:__rand_int__', NATIVE_ENTRY));
    // Scores 18<12 digits> sort above every fill score: each insert lands at the newest end, as a fresh tweet would.
    coldZadd.push(await redisBenchmark('ZADD', 'tz:__rand_int__', '18__rand_int__', '1800000000000:__rand_int__'));
    // The native runs' entries out again (LPUSH's one entry; ZADD's sort above the fill's), so every round starts from the same timelines.
    await eachTimeline(1000, (p, n) => p.lrem(key('tl', n), 0, NATIVE_ENTRY).zremrangebyrank(key('tz', n), FILL, -1));
    for (const [i, s] of SCRIPTS.entries()) scripts[i]!.push(await scriptCost(s.script));
    console.log(' done');
  }
  const limit = median(limits.map((n) => n.rate));
  const stats = (perPush: number[], redisUs: number[]): Row => ({
    usPerPush: median(perPush),
    min: Math.min(...perPush),
    max: Math.max(...perPush),
    redisUs: median(redisUs),
  });
  const native = (runs: Native[]): Row =>
    stats(
      runs.map((n) => 1e6 / n.rate),
      runs.map((n) => n.redisUs),
    );
  const rows: (Row & { what: string })[] = [
    { what: 'redis-benchmark -t lpush -P 64 (one hot key, 3-byte values: the issue\'s "Redis limit")', ...native(limits) },
    { what: 'pipelined LPUSH, one hot key, the timeline entry (redis-benchmark)', ...native(hotEntry) },
    { what: `pipelined LPUSH, random key of ${fmt(USERS)} timelines of ${FILL} (redis-benchmark -r)`, ...native(coldLpush) },
    { what: `pipelined ZADD at the newest end, random key of ${fmt(USERS)} sorted sets of ${FILL}`, ...native(coldZadd) },
    ...SCRIPTS.map((s, i) => ({ what: s.name, ...stats(scripts[i]!, scripts[i]!) })),
  ];
  const at = new Date().toISOString();
  const date = at.slice(0, 10);
  console.log(
    `\nPush cost inside Redis, ${date}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), list-max-listpack-size ${LISTPACK}, median of ${ROUNDS} rounds\n`,
  );
  console.log(
    markdownTable(
      ['what', 'Redis µs inside the command, per push', 'µs per push', `µs per push, min–max of ${ROUNDS}`, 'pushes/s on one Redis core', 'of the Redis limit'],
      rows.map((r) => [
        r.what,
        fmt(r.redisUs, 2),
        fmt(r.usPerPush, 2),
        `${fmt(r.min, 2)}–${fmt(r.max, 2)}`,
        fmt(1e6 / r.usPerPush),
        `${fmt((100 * 1e6) / r.usPerPush / limit, 1)}%`,
      ]),
    ),
  );
  console.log(
    "\n(µs per push: for redis-benchmark's rows its rate, so parsing and replies included; for the scripts Redis's time inside EVALSHA per push: one call per 2,000 pushes, so its own parsing and reply are negligible)",
  );
  mkdirSync('bench/results', { recursive: true });
  const result = {
    date,
    at,
    cutoffDays: ACTIVE_DAYS,
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    users: USERS,
    fill: FILL,
    listpack: LISTPACK,
    rounds: ROUNDS,
    redisLimitOpsPerSec: limit,
    rows,
    raw: { limits, hotEntry, coldLpush, coldZadd, scripts },
  };
  writeFileSync('bench/results/push-cost.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written bench/results/push-cost.json');
} finally {
  redis.disconnect();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
