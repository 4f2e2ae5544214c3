// Pipeline load benchmark: sustained tweets/s through the whole pipeline (publish → saver, tagger,
// fanout → every follower's timeline) on a power-law follow graph of 100k users, with end-to-end
// latency, consumer lag, and every process's CPU and memory per phase. A command, not a test:
//
//   node --import tsx bench/pipeline.ts [--rates 1000,2500,5000] [--http-rates 5000] [--duration 30] …
//   npm run bench:pipeline -- --help
//
// Prints markdown tables and writes bench/results/pipeline.json. Runs its own redis-server and
// topics under a fresh prefix on the shared Kafka (KAFKA_BROKERS), and removes them at the end,
// also on Ctrl-C (a second Ctrl-C kills everything at once).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, USAGE, type PipelineOptions } from './lib/pipeline-options.ts';
import { runPhase, type PhaseResult, type PhaseSpec } from './lib/pipeline-phase.ts';
import { printReport } from './lib/pipeline-report.ts';
import { prepare, type Prepared } from './lib/pipeline-setup.ts';
import { PipelineStack } from './lib/pipeline-stack.ts';
import { round } from './lib/pipeline-stats.ts';
import { tweetFactory } from './lib/pipeline-tweets.ts';
import { hasWrk, WrkLoad } from './lib/pipeline-wrk-load.ts';
import { drawPipeline } from './lib/draw.ts';
import { producerPerformance } from './lib/producer-perf.ts';
import { redisMemory } from './lib/redis-memory.ts';
import { markdownTable } from './lib/table.ts';
import { redisBenchmark } from './lib/redis-benchmark.ts';
import { readdirSync } from 'node:fs';
import { loadConfig, timelineEnv } from '@chirp/core';
import { buildWorkers } from '@chirp/stack/build-workers';
import { formatProfile, summarizeProfile, type ProfileSummary } from './lib/cpu-profile.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string): void => console.log(line);

let options: PipelineOptions | undefined;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`✗ ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (!options) {
  console.log(USAGE);
  process.exit(0);
}
const o: PipelineOptions = options;
if (o.httpRates.length > 0 && !hasWrk()) {
  console.error('✗ wrk is not installed (apt-get install wrk); or pass --http-rates "" to skip the HTTP phases');
  process.exit(2);
}

const specs: PhaseSpec[] = [];
if (o.warmup > 0) specs.push({ index: 0, name: 'warm-up', path: 'kafka', rate: o.warmupRate, seconds: o.warmup, warmup: true });
// HTTP first, on a pipeline without backlog: it measures the API's publish ceiling, which is lower
// than the workers'. Then the Kafka path's rates, rising; a rate that is not kept up leaves a
// backlog the next phase starts with (its "lag start" column).
for (const rate of o.httpRates) specs.push({ index: specs.length + 1, name: `http@${rate}`, path: 'http', rate, seconds: o.httpDuration, warmup: false });
for (const rate of o.rates) specs.push({ index: specs.length + 1, name: `kafka@${rate}`, path: 'kafka', rate, seconds: o.duration, warmup: false });

const abort = new AbortController();
let stoppedBy: 'signal' | 'budget' | undefined;
const profileDir = o.profile ? join(ROOT, '.stack', `bench-pipeline-profile-${Date.now().toString(36)}`) : undefined;
const stack = new PipelineStack({ brokers: o.brokers, redisPort: o.redisPort, partitions: o.partitions, concurrency: o.concurrency, profileDir, log });
const wrk = new WrkLoad();
let signals = 0;
const onSignal = (signal: string): void => {
  if (++signals === 1) {
    stoppedBy = 'signal';
    log(`\n› ${signal}: stopping the load, then cleaning up (${signal} again kills everything at once)`);
    abort.abort();
    return;
  }
  wrk.stop();
  stack.killNow();
  process.exit(130);
};
// Last resort on any exit path (an uncaught error, process.exit): no worker outlives the benchmark.
process.on('exit', () => {
  wrk.stop();
  stack.killNow();
});
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
// Start-up and graph load, each phase with its drain, teardown: past that something hangs.
// Hang guards: set-up (graph load, workers joining) gets 7 minutes, the phases their own time plus
// their drains and a minute; past that something is stuck, and the run stops and cleans up.
const SETUP_BUDGET_MS = 420_000;
const phasesBudgetMs = (60 + specs.reduce((s, p) => s + p.seconds + o.drain + 10, 0)) * 1000;
let watchdog: NodeJS.Timeout | undefined;
function guard(what: string, ms: number): void {
  clearTimeout(watchdog);
  watchdog = setTimeout(() => {
    log(`! ${what} took longer than ${Math.round(ms / 1000)} s: stopping`);
    stoppedBy ??= 'budget';
    abort.abort();
  }, ms);
  watchdog.unref();
}

function versions(kafkaPids: number[], redisVersion: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  const cmdline = (pid: number): string => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    node: process.version,
    kafkajs: (require('kafkajs/package.json') as { version: string }).version,
    ioredis: (require('ioredis/package.json') as { version: string }).version,
    // The broker's class path names its distribution, e.g. …/kafka_2.13-3.9.1/libs/*.
    kafka: kafkaPids.map((pid) => /kafka_[\d.]+-([\d.]+)/.exec(cmdline(pid))?.[1]).find(Boolean) ?? 'unknown',
    redis: redisVersion,
  };
}

/**
 * After the phases, in the same run: Kafka's own ProducerPerformance on the same broker with records
 * of chirp's tweet size (chirp's sustained rate as a share of it), Redis memory per timeline entry and
 * per stored tweet, and the CPU per tweet at the sustained rate against the issue's 0.4 ms.
 */
async function brokerAndMemory(p: Prepared, phases: PhaseResult[], makeTweet: ReturnType<typeof tweetFactory>): Promise<Record<string, unknown>> {
  const kafkaPhases = phases.filter((ph) => ph.path === 'kafka' && !ph.warmup);
  // Sustained: what every stage kept up with (the slowest group's rate), at the best Kafka phase.
  const sustained = kafkaPhases
    .map((ph) => ({ phase: ph, rate: Math.min(...Object.values(ph.groups).map((g) => g?.processedPerSec ?? 0)) }))
    .sort((a, b) => b.rate - a.rate)[0];
  // The limits below are measured with chirp's processes stopped: a phase that was not kept up with
  // leaves a backlog the workers would go on draining, competing with the measurement.
  log('› stopping the workers and the API before measuring the limits…');
  await stack.stopServices();
  const samples = Array.from({ length: 1000 }, (_, i) => Buffer.byteLength(JSON.stringify(makeTweet(999, Date.now() + i))));
  const recordSize = Math.round(samples.reduce((a, b) => a + b, 0) / samples.length);
  const perf =
    o.perfRecords > 0
      ? await producerPerformance({
          brokers: o.brokers,
          admin: p.admin,
          topic: `${stack.prefix}producer-performance`,
          partitions: o.partitions,
          records: o.perfRecords,
          recordSize,
          log,
        })
      : undefined;
  const cap = loadConfig(timelineEnv, process.env).TIMELINE_CAP;
  const memory = await redisMemory(p.redis, stack.keys, o.users, cap);
  // Redis's own limit on the same server, in the same run: pipelined LPUSH into db 1 (chirp's keys
  // live in db 0 and are measured above), then that db is emptied.
  log('› redis-benchmark -t lpush -P 64 on the same Redis (db 1)…');
  const lpushPerSec = redisBenchmark(stack.redisPort, ['--dbnum', '1', '-t', 'lpush', '-P', '64', '-n', '2000000', '-r', '1000000', '-q']).rate;
  await p.redis.select(1);
  await p.redis.flushdb();
  await p.redis.select(0);
  const bestPushes = [...kafkaPhases].sort((a, b) => b.timelinePushesPerSec - a.timelinePushesPerSec)[0];
  const kib = (b: number): string => `${Math.round(b).toLocaleString('en-US')} B`;
  log('\n## Against the broker, Redis memory, CPU per tweet (same run)\n');
  const rows: string[][] = [];
  if (bestPushes && Number.isFinite(lpushPerSec)) {
    rows.push([
      'timeline pushes/s as a share of redis-benchmark -t lpush -P 64 (target ≥ 35%)',
      `${Math.round(bestPushes.timelinePushesPerSec).toLocaleString('en-US')}/s (${bestPushes.name}) of ${Math.round(lpushPerSec).toLocaleString('en-US')} LPUSH/s = ${((100 * bestPushes.timelinePushesPerSec) / lpushPerSec).toFixed(1)}%`,
    ]);
  }
  if (perf && sustained) {
    rows.push([
      "chirp's sustained tweets/s as a share of Kafka's ProducerPerformance",
      `${Math.round(sustained.rate)}/s (${sustained.phase.name}) of ${Math.round(perf.recordsPerSec).toLocaleString('en-US')} records/s (${recordSize} B, acks=all, p99 ${perf.p99Ms} ms) = ${((100 * sustained.rate) / perf.recordsPerSec).toFixed(1)}%`,
    ]);
  }
  rows.push(
    [
      'Redis memory per timeline entry',
      `${kib(memory.bytesPerTimelineEntry)} (MEMORY USAGE of ${memory.sampledTimelines} timelines, ${memory.timelineEntries.toLocaleString('en-US')} entries)`,
    ],
    ['Redis memory per stored tweet (its own key)', `${kib(memory.bytesPerStoredTweet)} (${memory.sampledTweets} sampled)`],
    [
      `the cap (TIMELINE_CAP=${cap})`,
      `${memory.timelinesAtCap} of ${memory.sampledTimelines} sampled timelines at the cap; a full timeline ≈ ${kib(memory.bytesPerFullTimeline)}, so ${o.users.toLocaleString('en-US')} users' timelines stay ≤ ${((memory.bytesPerFullTimeline * o.users) / 2 ** 30).toFixed(2)} GiB however long the run (used_memory now ${memory.usedMemoryMb.toFixed(0)} MiB)`,
    ],
  );
  if (sustained)
    rows.push([
      'CPU per tweet, all processes, at the sustained rate (target ≤ 0.4 ms)',
      `${sustained.phase.projection.cpuMsPerTweet.toFixed(3)} ms at ${sustained.phase.name}`,
    ]);
  log(markdownTable(['what', 'measured'], rows));
  return {
    producerPerformance: perf,
    redisBenchmark: { lpushPerSec, pushesPerSec: bestPushes?.timelinePushesPerSec, phase: bestPushes?.name },
    sustained: sustained ? { phase: sustained.phase.name, tweetsPerSec: sustained.rate } : undefined,
    redisMemory: memory,
  };
}

async function writeResults(p: Prepared, phases: PhaseResult[], findings: string[], started: number, limits: Record<string, unknown>): Promise<string> {
  const out = isAbsolute(o.out) ? o.out : join(ROOT, o.out);
  mkdirSync(dirname(out), { recursive: true });
  const redisVersion = /redis_version:(\S+)/.exec(await p.redis.info('server'))?.[1] ?? 'unknown';
  const { brokers: _brokers, ...parameters } = o;
  const body = {
    generatedAt: new Date().toISOString(),
    ...(stoppedBy ? { incomplete: 'stopped by its time budget: later phases are missing' } : {}),
    runSeconds: round((Date.now() - started) / 1000, 0),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memGiB: round(totalmem() / 2 ** 30, 1),
      otherCpuPctBeforeLoad: round(p.idle.otherPct, 0),
    },
    versions: versions(p.kafkaPids, redisVersion),
    parameters: {
      ...parameters,
      publishPath: 'kafka: kafkajs producer sending what the API sends (JSON, key=author, acks=-1), batched per 10 ms; http: wrk → POST /api/tweets',
    },
    graph: p.graph,
    phases,
    ...limits,
    bottleneck: findings,
  };
  writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
  log(`› wrote ${await drawPipeline(body)}`);
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  await buildWorkers(log); // the workers run their compiled bundles, as `npm start` does
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    guard('set-up', SETUP_BUDGET_MS);
    const p = await prepare({ o, stack, wrk, signal: abort.signal, log, onCleanup: (step) => void cleanups.push(step) });
    log(`› ready in ${((Date.now() - started) / 1000).toFixed(0)} s; phases: ${specs.map((s) => `${s.name} ${s.seconds} s`).join(', ')}\n`);
    guard('the phases', phasesBudgetMs);
    const makeTweet = tweetFactory(o.users, o.seed);
    const phases: PhaseResult[] = [];
    for (const spec of specs) {
      if (abort.signal.aborted) break;
      const r = await runPhase(spec, {
        stack,
        admin: p.admin,
        redis: p.redis,
        deliveries: p.deliveries,
        sampler: p.sampler,
        idle: p.idle,
        kafkaLoad: p.kafkaLoad,
        wrk,
        makeTweet,
        workerPorts: p.workerPorts,
        monitorPort: stack.service('monitor').port,
        apiPort: o.httpRates.length > 0 ? stack.service('api').port : undefined,
        users: o.users,
        seed: o.seed,
        wrkConnections: o.connections,
        tokens: p.tokens,
        drainSeconds: o.drain,
        tmpDir: stack.tmpDir,
        signal: abort.signal,
      });
      phases.push(r);
      const g = r.groups;
      const ms = (v: number | null): string => (v === null ? '–' : `${Math.round(v)} ms`);
      log(
        `  ${spec.name}: produced ${r.producedPerSec}/s; saver ${g.saver?.processedPerSec}/s, fanout ${g.fanout?.processedPerSec}/s, tagger ${g.tagger?.processedPerSec}/s; ` +
          `e2e p50 ${ms(r.e2e.p50Ms)}, p99 ${r.e2e.p99IsLowerBound ? '> ' : ''}${ms(r.e2e.p99Ms)}; ` +
          `${r.drained ? `drained in ${r.drainSeconds} s` : `NOT drained in ${r.drainSeconds} s`}; machine ${Math.round(r.machine.busyPct)}% busy, ${Math.round(r.machine.otherPct)}% not ours`,
      );
    }
    if (phases.length === 0) return;
    const findings = printReport(phases, log);
    const limits = await brokerAndMemory(p, phases, makeTweet);
    // An interrupted run's partial tables are printed, but never replace a complete result file.
    if (stoppedBy === 'signal') log(`\n› interrupted: ${o.out} left as it was`);
    else log(`\n› wrote ${await writeResults(p, phases, findings, started, limits)}`);
  } finally {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    await stack.close();
    clearTimeout(watchdog);
  }
  if (profileDir) reportProfiles(profileDir);
}

/** After the workers exited (each wrote its .cpuprofile): top self-time frames per worker, added to the JSON. */
function reportProfiles(dir: string): void {
  const profiles: Record<string, ProfileSummary> = {};
  for (const name of readdirSync(dir)) {
    const file = readdirSync(join(dir, name)).find((f) => f.endsWith('.cpuprofile'));
    if (!file) continue;
    profiles[name] = summarizeProfile(join(dir, name, file), ROOT, 12);
    log(`\n## CPU profile: ${name} (whole run, top self-time frames)\n\n${formatProfile(profiles[name])}`);
  }
  const out = isAbsolute(o.out) ? o.out : join(ROOT, o.out);
  if (stoppedBy === 'signal') return;
  try {
    const body = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    writeFileSync(out, `${JSON.stringify({ ...body, profiles }, null, 2)}\n`);
    log(`› profiles added to ${out} (raw profiles in ${dir})`);
  } catch (error) {
    log(`! could not add the profiles to ${out}: ${(error as Error).message}`);
  }
}

main().then(
  () => process.exit(abort.signal.aborted ? 130 : 0),
  (error: unknown) => {
    if (abort.signal.aborted) {
      console.error('✗ interrupted before any phase finished; everything started was stopped and removed');
      process.exit(130);
    }
    console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
