import type { Admin } from 'kafkajs';
import type { Redis } from 'ioredis';
import { bucketDelta, bucketQuantile, bucketsBy, parseSamples, type Bucket } from '@chirp/telemetry';

/** What the benchmark reads from a worker's /metrics. */
export interface WorkerMetrics {
  /** chirp_messages_succeeded_total by `group|topic`. */
  succeeded: Map<string, number>;
  /** chirp_e2e_latency_seconds buckets by stage. */
  e2e: Map<string, Bucket[]>;
  /** chirp_fanout_timelines_total (timeline pushes), 0 elsewhere. */
  timelines: number;
}

const KEEP = new Set(['chirp_messages_succeeded_total', 'chirp_e2e_latency_seconds_bucket', 'chirp_fanout_timelines_total']);

export async function scrapeWorker(port: number): Promise<WorkerMetrics> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
  const samples = parseSamples(await res.text(), (name) => KEEP.has(name));
  const succeeded = new Map<string, number>();
  let timelines = 0;
  for (const s of samples) {
    if (s.name === 'chirp_messages_succeeded_total') {
      const key = `${s.labels.group ?? ''}|${s.labels.topic ?? ''}`;
      succeeded.set(key, (succeeded.get(key) ?? 0) + s.value);
    } else if (s.name === 'chirp_fanout_timelines_total') timelines += s.value;
  }
  return { succeeded, e2e: bucketsBy(samples, 'chirp_e2e_latency_seconds', 'stage'), timelines };
}

/** Every worker's metrics, by worker name; a worker that does not answer is left out. */
export async function scrapeWorkers(ports: ReadonlyMap<string, number>): Promise<Map<string, WorkerMetrics>> {
  const out = new Map<string, WorkerMetrics>();
  await Promise.all(
    [...ports].map(async ([name, port]) => {
      try {
        out.set(name, await scrapeWorker(port));
      } catch {
        /* reported as missing numbers */
      }
    }),
  );
  return out;
}

export interface StageLatency {
  count: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

/** Per-stage latency between two scrapes (Prometheus histogram_quantile on the bucket deltas). */
export function stageLatency(before: Map<string, WorkerMetrics>, after: Map<string, WorkerMetrics>): Record<string, StageLatency> {
  const out: Record<string, StageLatency> = {};
  for (const [name, a] of after) {
    for (const [stage, buckets] of a.e2e) {
      const delta = bucketDelta(buckets, before.get(name)?.e2e.get(stage));
      const q = (p: number): number | null => {
        const v = bucketQuantile(p, delta);
        return v === null ? null : v * 1000;
      };
      out[stage] = { count: delta[delta.length - 1]?.count ?? 0, p50Ms: q(0.5), p99Ms: q(0.99) };
    }
  }
  return out;
}

/** Messages handled between two scrapes, by `group|topic`. */
export function succeededDelta(before: Map<string, WorkerMetrics>, after: Map<string, WorkerMetrics>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, a] of after) {
    for (const [key, v] of a.succeeded) out.set(key, (out.get(key) ?? 0) + v - (before.get(name)?.succeeded.get(key) ?? 0));
  }
  return out;
}

export interface LagReading {
  at: number;
  /** Total lag per group id over every topic it reads. */
  groups: Map<string, number>;
}

/** The monitor's last read of the cluster (its /lag.json); undefined until it has one. */
export async function readLag(monitorPort: number): Promise<LagReading | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${monitorPort}/lag.json`, { signal: AbortSignal.timeout(3000) });
    if (res.status !== 200) return undefined;
    const body = (await res.json()) as { updatedAt: string; groups: { group: string; lag: number }[] };
    return { at: Date.parse(body.updatedAt), groups: new Map(body.groups.map((g) => [g.group, g.lag])) };
  } catch {
    return undefined;
  }
}

/** Messages ever written to a topic: the sum of its partitions' high watermarks. */
export async function topicEnd(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}

export interface RedisInfo {
  usedMemoryMb: number;
  aofRewrites: number;
  aofRewriteInProgress: boolean;
  /** cmdstat_<name> → calls and usec. */
  commands: Map<string, { calls: number; usec: number }>;
}

export async function redisInfo(redis: Redis): Promise<RedisInfo> {
  const text = await redis.info('everything');
  const field = (name: string): string | undefined => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.trim();
  const commands = new Map<string, { calls: number; usec: number }>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) commands.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  return {
    usedMemoryMb: Number(field('used_memory') ?? 0) / 1024 / 1024,
    aofRewrites: Number(field('aof_rewrites') ?? 0),
    aofRewriteInProgress: field('aof_rewrite_in_progress') === '1',
    commands,
  };
}

export interface CommandCost {
  command: string;
  calls: number;
  usecPerCall: number;
  /** Redis main-thread seconds spent in the command (scripts include the commands they run). */
  seconds: number;
}

/** The commands that cost Redis the most between two reads. */
export function topCommands(before: RedisInfo, after: RedisInfo, n = 6): CommandCost[] {
  const out: CommandCost[] = [];
  for (const [command, a] of after.commands) {
    const b = before.commands.get(command) ?? { calls: 0, usec: 0 };
    const calls = a.calls - b.calls;
    if (calls > 0) out.push({ command, calls, usecPerCall: (a.usec - b.usec) / calls, seconds: (a.usec - b.usec) / 1e6 });
  }
  return out.sort((x, y) => y.seconds - x.seconds).slice(0, n);
}
