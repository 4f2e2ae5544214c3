import { parseArgs } from 'node:util';

export interface PipelineOptions {
  /** Kafka publish path (a kafkajs producer, as the API publishes) at these tweets/s. */
  rates: number[];
  /** HTTP path (wrk → POST /api/tweets) at these tweets/s; empty skips the API. */
  httpRates: number[];
  duration: number;
  httpDuration: number;
  warmup: number;
  warmupRate: number;
  /** Upper bound on waiting for lag 0 and every delivery after a phase, seconds. */
  drain: number;
  users: number;
  meanFollowers: number;
  alpha: number;
  maxShare: number;
  seed: number;
  partitions: number;
  concurrency: number | undefined;
  redisPort: number;
  connections: number;
  /** Authors of the HTTP phases (u0…), each with a real session token. */
  httpAuthors: number;
  /** Records of Kafka's ProducerPerformance run after the phases; 0 skips it. */
  perfRecords: number;
  /** Workers under `node --cpu-prof` (--profile). */
  profile: boolean;
  out: string;
  brokers: string;
}

export const USAGE = `node --import tsx bench/pipeline.ts [flags]   (or: npm run bench:pipeline -- [flags])

  --rates 1000,2500,5000   tweets/s through the Kafka publish path, one phase each
  --http-rates 5000        tweets/s through POST /api/tweets driven by wrk ('' skips the API)
  --duration 60            seconds per phase (Kafka path)
  --http-duration 20       seconds per HTTP phase
  --warmup 10              warm-up seconds (Kafka path, not in the table)
  --warmup-rate 500        warm-up tweets/s
  --drain 20               max seconds to wait for lag 0 after each phase
  --users 100000           users in the follow graph
  --mean-followers 75      mean followers per user (Lomax-distributed)
  --alpha 1.5              Lomax tail index (smaller: heavier tail)
  --max-share 0.25         cap on one account's followers, as a share of all users
  --seed 42                graph and load seed
  --partitions 6           partitions of the system topics
  --concurrency N          PROCESSOR_CONCURRENCY of the workers (default: theirs, 16)
  --redis-port 16391       first port tried for the benchmark's own redis-server
  --connections 64         wrk connections
  --http-authors 2000      authors of the HTTP phases, each with a real bearer token
  --perf-records 300000    records for Kafka's ProducerPerformance on the same broker (0 skips it)
  --profile                every worker runs under node --cpu-prof; top self-time frames printed and kept in the JSON
  --out bench/results/pipeline.json`;

function numbers(flag: string, value: string): number[] {
  if (value.trim() === '' || value === 'none') return [];
  const list = value.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error(`--${flag} must be a comma-separated list of positive numbers, got "${value}"`);
  return list;
}

function positive(flag: string, value: string | undefined, def: number, integer = true): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new Error(`--${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${value}"`);
  return n;
}

/** Flags to options; every bad flag fails naming itself. Returns undefined for --help. */
export function parseOptions(argv: string[], env: { KAFKA_BROKERS?: string }): PipelineOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rates: { type: 'string' },
      'http-rates': { type: 'string' },
      duration: { type: 'string' },
      'http-duration': { type: 'string' },
      warmup: { type: 'string' },
      'warmup-rate': { type: 'string' },
      drain: { type: 'string' },
      users: { type: 'string' },
      'mean-followers': { type: 'string' },
      alpha: { type: 'string' },
      'max-share': { type: 'string' },
      seed: { type: 'string' },
      partitions: { type: 'string' },
      concurrency: { type: 'string' },
      'redis-port': { type: 'string' },
      connections: { type: 'string' },
      'http-authors': { type: 'string' },
      'perf-records': { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const alpha = positive('alpha', values.alpha, 1.5, false);
  if (alpha <= 1) throw new Error(`--alpha must be > 1 (a finite mean), got ${alpha}`);
  const maxShare = positive('max-share', values['max-share'], 0.25, false);
  if (maxShare > 1) throw new Error(`--max-share must be at most 1, got ${maxShare}`);
  const rates = numbers('rates', values.rates ?? '1000,2500,5000');
  const httpRates = numbers('http-rates', values['http-rates'] ?? '5000');
  if (rates.length + httpRates.length === 0) throw new Error('--rates and --http-rates are both empty: nothing to measure');
  return {
    rates,
    httpRates,
    // 60 s: issue 13's "sustained" is a minute per rate.
    duration: positive('duration', values.duration, 60),
    httpDuration: positive('http-duration', values['http-duration'], 20),
    warmup: values.warmup === '0' ? 0 : positive('warmup', values.warmup, 10),
    warmupRate: positive('warmup-rate', values['warmup-rate'], 500),
    drain: positive('drain', values.drain, 20),
    users: positive('users', values.users, 100_000),
    meanFollowers: positive('mean-followers', values['mean-followers'], 75, false),
    alpha,
    maxShare,
    seed: positive('seed', values.seed, 42),
    partitions: positive('partitions', values.partitions, 6),
    concurrency: values.concurrency === undefined ? undefined : positive('concurrency', values.concurrency, 16),
    redisPort: positive('redis-port', values['redis-port'], 16391),
    connections: positive('connections', values.connections, 64),
    httpAuthors: positive('http-authors', values['http-authors'], 2000),
    perfRecords: values['perf-records'] === '0' ? 0 : positive('perf-records', values['perf-records'], 300_000),
    profile: values.profile ?? false,
    out: values.out ?? 'bench/results/pipeline.json',
    brokers: env.KAFKA_BROKERS ?? '127.0.0.1:19092',
  };
}
