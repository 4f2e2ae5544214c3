import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import type { Redis } from 'ioredis';
import type { Tweet } from '@chirp/core';
import { tweetCosts, type Projection, type TweetCost } from './pipeline-costs.ts';
import type { Deliveries } from './pipeline-deliveries.ts';
import type { KafkaLoad, KafkaLoadResult } from './pipeline-kafka-load.ts';
import type { MachineWindow, ProcSampler } from './pipeline-proc.ts';
import {
  readLag,
  redisInfo,
  scrapeWorkers,
  stageLatency,
  succeededDelta,
  topCommands,
  topicEnd,
  type CommandCost,
  type LagReading,
  type StageLatency,
} from './pipeline-scrape.ts';
import { BENCH_GROUPS, type PipelineStack } from './pipeline-stack.ts';
import { round, sleep, slope } from './pipeline-stats.ts';
import type { WrkLoad, WrkResult } from './pipeline-wrk-load.ts';

export type LoadPath = 'kafka' | 'http';

export interface PhaseSpec {
  index: number;
  name: string;
  path: LoadPath;
  rate: number;
  seconds: number;
  warmup: boolean;
}

export interface PhaseDeps {
  stack: PipelineStack;
  admin: Admin;
  redis: Redis;
  deliveries: Deliveries;
  sampler: ProcSampler;
  /** The machine before any load: each process's fixed cost. */
  idle: MachineWindow;
  kafkaLoad: KafkaLoad;
  wrk: WrkLoad;
  makeTweet: (phase: number, now: number) => Tweet;
  workerPorts: ReadonlyMap<string, number>;
  monitorPort: number;
  apiPort: number | undefined;
  users: number;
  seed: number;
  wrkConnections: number;
  /** Bearer tokens of u0…u(n-1) for the HTTP phases: each request posts as the token's user. */
  tokens: readonly string[];
  drainSeconds: number;
  tmpDir: string;
  signal: AbortSignal;
}

export interface GroupResult {
  processedPerSec: number;
  /** Backlog left by earlier phases when this one began. */
  lagStart: number | null;
  lagEnd: number | null;
  lagPeak: number;
  /** Least-squares slope of the lag over the last three quarters of the phase, messages/s. */
  lagSlopePerSec: number;
  lagGrowing: boolean;
}

export interface PhaseResult extends PhaseSpec {
  seconds: number;
  produced: number;
  producedPerSec: number;
  kafka?: KafkaLoadResult;
  http?: WrkResult;
  groups: Record<string, GroupResult>;
  /** Fan-out chunk messages (authors above FANOUT_CHUNK_SIZE) handled per second. */
  fanoutChunksPerSec: number;
  timelinePushesPerSec: number;
  e2e: { delivered: number; p50Ms: number | null; p99Ms: number | null; maxMs: number | null; p99IsLowerBound: boolean; checked: number; verified: number };
  /** The workers' own chirp_e2e_latency_seconds per stage, from phase start to the end of the drain. */
  stages: Record<string, StageLatency>;
  drainSeconds: number;
  drained: boolean;
  lagAfterDrain: Record<string, number | null>;
  machine: MachineWindow;
  /** Marginal CPU per tweet by process, and the rate each would sustain alone (see pipeline-costs.ts). */
  costs: Record<string, TweetCost>;
  projection: Projection;
  redis: { usedMemoryMb: number; aofRewrites: number; topCommands: CommandCost[] };
}

async function freshLag(monitorPort: number, after: number, timeoutMs: number, signal: AbortSignal): Promise<LagReading | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await readLag(monitorPort);
    if ((r && r.at >= after) || Date.now() > deadline || signal.aborted) return r;
    await sleep(250, signal);
  }
}

/** One phase: load at a fixed rate, lag sampled each second, then a bounded drain. */
export async function runPhase(spec: PhaseSpec, d: PhaseDeps): Promise<PhaseResult> {
  const groupIds = BENCH_GROUPS.map((g) => d.stack.groupId(g));
  d.deliveries.open(spec.index);
  const metrics0 = await scrapeWorkers(d.workerPorts);
  const redis0 = await redisInfo(d.redis);
  const offset0 = await topicEnd(d.admin, d.stack.topics.newTweets);
  const lagStart = await readLag(d.monitorPort);
  const t0 = Date.now();
  d.deliveries.setWindow(spec.index, t0, Infinity);

  const lagSamples: { at: number; groups: Map<string, number> }[] = [];
  const polling = new AbortController();
  const poll = (async () => {
    while (!polling.signal.aborted) {
      const r = await readLag(d.monitorPort);
      if (r && r.at > t0 && r.at !== lagSamples[lagSamples.length - 1]?.at) lagSamples.push(r);
      await sleep(1000, polling.signal);
    }
  })();

  let kafka: KafkaLoadResult | undefined;
  let http: WrkResult | undefined;
  try {
    if (spec.path === 'kafka') {
      kafka = await d.kafkaLoad.run(spec.rate, spec.seconds, (now) => d.makeTweet(spec.index, now), d.signal);
    } else {
      if (d.apiPort === undefined) throw new Error('an HTTP phase needs the api service');
      http = await d.wrk.run({
        url: `http://127.0.0.1:${d.apiPort}`,
        rate: spec.rate,
        seconds: spec.seconds,
        connections: d.wrkConnections,
        users: d.users,
        tokens: d.tokens,
        seed: d.seed + spec.index,
        scriptPath: join(d.tmpDir, `wrk-${spec.index}.lua`),
      });
    }
  } finally {
    polling.abort();
    await poll;
  }
  const t1 = Date.now();
  d.deliveries.setWindow(spec.index, t0, t1);
  const seconds = (t1 - t0) / 1000;
  const metrics1 = await scrapeWorkers(d.workerPorts);
  const redis1 = await redisInfo(d.redis);
  const produced = (await topicEnd(d.admin, d.stack.topics.newTweets)) - offset0;
  const lagEnd = await freshLag(d.monitorPort, t1, 3000, d.signal);
  const machine = d.sampler.window(t0, t1);

  // Drain: until every group has read everything and every tweet of the phase was delivered.
  const drainStart = Date.now();
  let lagDrained: LagReading | undefined = lagEnd;
  let drained = false;
  while (!d.signal.aborted && Date.now() - drainStart < d.drainSeconds * 1000) {
    lagDrained = (await freshLag(d.monitorPort, Date.now() - 1500, 2000, d.signal)) ?? lagDrained;
    const lagZero = lagDrained !== undefined && groupIds.every((g) => (lagDrained!.groups.get(g) ?? 1) === 0);
    if (lagZero && d.deliveries.delivered(spec.index) >= produced) {
      drained = true;
      break;
    }
    await sleep(500, d.signal);
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  await sleep(300, d.signal); // the last lookups of API-made ids
  const metrics2 = await scrapeWorkers(d.workerPorts);

  const handled = succeededDelta(metrics0, metrics1);
  const groups: Record<string, GroupResult> = {};
  for (const name of BENCH_GROUPS) {
    const id = d.stack.groupId(name);
    const points = lagSamples.filter((s) => s.at >= t0 + 0.25 * (t1 - t0)).map((s) => ({ x: (s.at - t0) / 1000, y: s.groups.get(id) ?? 0 }));
    const growth = slope(points);
    groups[name] = {
      processedPerSec: round((handled.get(`${id}|${d.stack.topics.newTweets}`) ?? 0) / seconds, 1),
      lagStart: lagStart?.groups.get(id) ?? null,
      lagEnd: lagEnd?.groups.get(id) ?? null,
      lagPeak: Math.max(0, ...lagSamples.map((s) => s.groups.get(id) ?? 0)),
      lagSlopePerSec: round(growth, 1),
      lagGrowing: growth > Math.max(10, 0.01 * spec.rate),
    };
  }
  const handledBy = Object.fromEntries(BENCH_GROUPS.map((g) => [g, handled.get(`${d.stack.groupId(g)}|${d.stack.topics.newTweets}`) ?? 0]));
  const { costs, projection } = tweetCosts(machine, d.idle, handledBy, produced, seconds);
  const fanoutId = d.stack.groupId('fanout');
  const timelines = (metrics1.get('fanout')?.timelines ?? 0) - (metrics0.get('fanout')?.timelines ?? 0);
  const e2e = d.deliveries.stats(spec.index, produced);
  return {
    ...spec,
    seconds: round(seconds, 2),
    produced,
    producedPerSec: round(produced / seconds, 1),
    ...(kafka ? { kafka } : {}),
    ...(http ? { http } : {}),
    groups,
    fanoutChunksPerSec: round((handled.get(`${fanoutId}|${d.stack.topics.fanout}`) ?? 0) / seconds, 1),
    timelinePushesPerSec: round(timelines / seconds, 0),
    e2e: {
      delivered: e2e.delivered,
      p50Ms: e2e.p50Ms ?? null,
      p99Ms: e2e.p99Ms ?? null,
      maxMs: e2e.maxMs ?? null,
      p99IsLowerBound: e2e.p99IsLowerBound,
      checked: e2e.checked,
      verified: e2e.verified,
    },
    stages: stageLatency(metrics0, metrics2),
    drainSeconds: round(drainSeconds, 1),
    drained,
    lagAfterDrain: Object.fromEntries(BENCH_GROUPS.map((g) => [g, lagDrained?.groups.get(d.stack.groupId(g)) ?? null])),
    machine,
    costs,
    projection,
    redis: { usedMemoryMb: round(redis1.usedMemoryMb, 0), aofRewrites: redis1.aofRewrites - redis0.aofRewrites, topCommands: topCommands(redis0, redis1) },
  };
}
