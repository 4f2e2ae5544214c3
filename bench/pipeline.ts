// Pipeline load benchmark: sustained tweets/s through the whole pipeline (publish → saver, tagger,
// fanout → every follower's timeline) on a power-law follow graph, with e2e latency, lag, and each
// process's CPU and memory per phase. A command, not a test:
//
//   node --import tsx bench/pipeline.ts [--rates 1000,2500,5000] [--http-rates 5000] [--duration 30] …
//   npm run bench:pipeline -- --help
//
// Prints markdown tables and writes bench/results/pipeline.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGraph, degreeStats, followingCounts, maxFollowers } from './lib/pipeline-graph.ts';
import { loadGraph } from './lib/pipeline-graph-load.ts';
import { Deliveries } from './lib/pipeline-deliveries.ts';
import { KafkaLoad } from './lib/pipeline-kafka-load.ts';
import { parseOptions, USAGE, type PipelineOptions } from './lib/pipeline-options.ts';
import { runPhase, type PhaseResult, type PhaseSpec } from './lib/pipeline-phase.ts';
import { pidListeningOn, ProcSampler, type Tracked } from './lib/pipeline-proc.ts';
import { bottleneck, cpuTable, phaseTable, producerTable, redisTable, stageTable } from './lib/pipeline-report.ts';
import { readLag } from './lib/pipeline-scrape.ts';
import { benchRedis, BENCH_GROUPS, PipelineStack } from './lib/pipeline-stack.ts';
import { round, sleep } from './lib/pipeline-stats.ts';
import { tweetFactory } from './lib/pipeline-tweets.ts';
import { hasWrk, WrkLoad } from './lib/pipeline-wrk-load.ts';

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
const o = options;
if (o.httpRates.length > 0 && !hasWrk()) {
  console.error('✗ wrk is not installed (apt-get install wrk); or pass --http-rates "" to skip the HTTP phases');
  process.exit(2);
}

const specs: PhaseSpec[] = [];
if (o.warmup > 0) specs.push({ index: 0, name: 'warm-up', path: 'kafka', rate: o.warmupRate, seconds: o.warmup, warmup: true });
for (const rate of o.rates) specs.push({ index: specs.length + 1, name: `kafka@${rate}`, path: 'kafka', rate, seconds: o.duration, warmup: false });
for (const rate of o.httpRates) specs.push({ index: specs.length + 1, name: `http@${rate}`, path: 'http', rate, seconds: o.httpDuration, warmup: false });
// Start-up and graph load, then each phase with its drain, then teardown; past it, give up.
const budgetMs = (150 + specs.reduce((s, p) => s + p.seconds + o.drain + 5, 0)) * 1000;

const abort = new AbortController();
const stack = new PipelineStack({ brokers: o.brokers, redisPort: o.redisPort, partitions: o.partitions, concurrency: o.concurrency, log });
const wrk = new WrkLoad();
let signals = 0;
const onSignal = (signal: string): void => {
  if (++signals === 1) {
    log(`\n› ${signal}: stopping the load, then cleaning up (again to kill everything at once)`);
    abort.abort();
  } else {
    wrk.stop();
    stack.killNow();
    process.exit(130);
  }
};
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));
const watchdog = setTimeout(() => {
  log(`! the run exceeded its ${Math.round(budgetMs / 1000)} s budget: stopping`);
  abort.abort();
}, budgetMs);
watchdog.unref();

function versions(kafkaPids: number[], redisVersion: string): Record<string, string> {
  const require = createRequire(import.meta.url);
  // The broker's class path names its distribution, e.g. …/kafka_2.13-3.9.1/libs/*.
  const kafka = kafkaPids.map((pid) => /kafka_[\d.]+-([\d.]+)/.exec(cmdline(pid))?.[1]).find(Boolean) ?? 'unknown';
  return {
    node: process.version,
    kafkajs: (require('kafkajs/package.json') as { version: string }).version,
    ioredis: (require('ioredis/package.json') as { version: string }).version,
    kafka,
    redis: redisVersion,
  };
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function waitForMonitor(port: number, groups: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!abort.signal.aborted) {
    const lag = await readLag(port);
    if (lag && groups.every((g) => lag.groups.has(g))) return;
    if (Date.now() > deadline) throw new Error('the monitor did not report the groups within 30 s');
    await sleep(300, abort.signal);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const cleanups: (() => Promise<unknown>)[] = [];
  const phases: PhaseResult[] = [];
  try {
    await stack.startRedis();
    const redis = benchRedis(stack.redisUrl, 'bench-pipeline');
    cleanups.push(async () => redis.disconnect());
    await stack.createTopics();

    const graphOptions = { users: o.users, meanFollowers: o.meanFollowers, alpha: o.alpha, maxShare: o.maxShare, seed: o.seed };
    const withApi = o.httpRates.length > 0;
    // The graph is written straight into Redis (what follow.lua would write), so the graph worker
    // is not started; the workers start meanwhile, since nothing is produced before the load.
    const servicesUp = stack.startServices(['saver', 'fanout', 'tagger', ...(withApi ? ['api'] : [])]);
    servicesUp.catch(() => undefined);
    const graph = buildGraph(graphOptions);
    const followers = degreeStats(graph.followerCount);
    const following = degreeStats(followingCounts(graph));
    log(`› graph: ${o.users.toLocaleString('en-US')} users, ${graph.edges.toLocaleString('en-US')} follows; followers Lomax(α=${o.alpha}, λ=${round(o.meanFollowers * (o.alpha - 1), 2)}) ×${graph.scale.toFixed(3)}, cap ${maxFollowers(graphOptions)}`);
    log(`  followers: mean ${followers.mean.toFixed(1)}, median ${followers.median}, p90 ${followers.p90}, p99 ${followers.p99}, p99.9 ${followers.p999}, max ${followers.max}, ${followers.atLeast1k} with ≥1k, ${followers.atLeast10k} with ≥10k, ${followers.zero} with none`);
    log(`  following: mean ${following.mean.toFixed(1)}, median ${following.median}, max ${following.max}`);
    // AOF off while loading (it would rewrite itself several times over), on again before the load.
    await redis.config('SET', 'appendonly', 'no');
    const load = await loadGraph(graph, stack.keys, { host: '127.0.0.1', port: stack.redisPort });
    await redis.config('SET', 'appendonly', 'yes');
    while (/aof_rewrite_(in_progress|scheduled):1/.test(await redis.info('persistence'))) await sleep(200, abort.signal);
    log(`› graph loaded in ${load.seconds.toFixed(1)} s (${load.members.toLocaleString('en-US')} ZSET members, ${load.commands.toLocaleString('en-US')} ZADDs; AOF rewritten)`);
    await servicesUp;
    await stack.joined(['saver', 'fanout', 'tagger'], 60_000, abort.signal);
    await stack.startServices(['monitor']);
    const groupIds = BENCH_GROUPS.map((g) => stack.groupId(g));
    await waitForMonitor(stack.service('monitor').port, groupIds);

    const deliveries = new Deliveries(stack.redisUrl, stack.keys);
    cleanups.push(() => deliveries.close());
    await deliveries.start();
    const kafkaLoad = new KafkaLoad(stack.kafka, stack.topics.newTweets);
    cleanups.push(() => kafkaLoad.close());
    await kafkaLoad.start();
    const admin = stack.kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    // The broker of KAFKA_BROKERS when it runs here (the first one listed), found by its port.
    const brokerPid = pidListeningOn(Number(o.brokers.split(',')[0]!.split(':').pop()));
    const kafkaPids = brokerPid ? [brokerPid] : [];
    const tracked = (): Tracked[] => [
      { name: 'bench (load+probe)', pid: process.pid },
      ...[...stack.services.values()].map((s) => ({ name: s.name, pid: s.child.pid ?? -1 })),
      ...(stack.redis ? [{ name: 'redis', pid: stack.redis.pid }] : []),
      ...kafkaPids.map((pid) => ({ name: 'kafka (shared)', pid })),
      ...(wrk.pid ? [{ name: 'wrk', pid: wrk.pid }] : []),
    ];
    const sampler = new ProcSampler(tracked);
    cleanups.push(() => sampler.close());
    sampler.start();
    log(`› ready in ${((Date.now() - started) / 1000).toFixed(0)} s; phases: ${specs.map((s) => `${s.name} ${s.seconds}s`).join(', ')}\n`);

    const makeTweet = tweetFactory(o.users, o.seed);
    const workerPorts = new Map(['saver', 'fanout', 'tagger'].map((n) => [n, stack.service(n).port]));
    for (const spec of specs) {
      if (abort.signal.aborted) break;
      const result = await runPhase(spec, {
        stack, admin, redis, deliveries, sampler, kafkaLoad, wrk, makeTweet, workerPorts,
        monitorPort: stack.service('monitor').port,
        apiPort: withApi ? stack.service('api').port : undefined,
        users: o.users, seed: o.seed, wrkConnections: o.connections, drainSeconds: o.drain,
        tmpDir: stack.tmpDir, signal: abort.signal,
      });
      phases.push(result);
      const g = result.groups;
      log(`  ${spec.name}: produced ${result.producedPerSec}/s, fanout ${g.fanout?.processedPerSec}/s, e2e p50 ${Math.round(result.e2e.p50Ms ?? NaN)} ms p99 ${result.e2e.p99IsLowerBound ? '>' : ''}${Math.round(result.e2e.p99Ms ?? NaN)} ms, ${result.drained ? `drained in ${result.drainSeconds} s` : `NOT drained in ${result.drainSeconds} s`}`);
    }
    if (phases.length === 0) return;
    report(phases, { graph: { followers, following, edges: graph.edges, scale: graph.scale, loadSeconds: load.seconds }, redisVersion: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown', kafkaPids, started });
  } finally {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
    await stack.close();
    clearTimeout(watchdog);
  }
}

function report(phases: PhaseResult[], info: { graph: Record<string, unknown>; redisVersion: string; kafkaPids: number[]; started: number }): void {
  const measured = phases.filter((p) => !p.warmup);
  log('\n## Pipeline throughput and latency\n');
  log(phaseTable(measured));
  log('\nprocessed/s = messages each consumer group handled per second during the phase (its own metrics); e2e = post → "delivered to every follower" event; lag = the monitor\'s committed-offset lag (saver/fanout/tagger) at the end of the load; slope from the last 3/4 of the phase.');
  log('\n## Publish side\n');
  log(producerTable(phases));
  log('\n## CPU per process: mean % of one core (peak 1-s % / peak main-thread %)\n');
  log(cpuTable(phases));
  log('\n## Workers\' own e2e histograms (chirp_e2e_latency_seconds, bucket-interpolated)\n');
  log(stageTable(measured));
  log('\n## Redis\n');
  log(redisTable(phases));
  log('\n(Redis counts commands run inside scripts too, and a script\'s time includes them.)');
  const findings = bottleneck(phases);
  log('\n## Bottleneck\n');
  for (const line of findings) log(`- ${line}`);
  const out = isAbsolute(o.out) ? o.out : join(ROOT, o.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        runSeconds: round((Date.now() - info.started) / 1000, 0),
        machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGiB: round(totalmem() / 2 ** 30, 1) },
        versions: versions(info.kafkaPids, info.redisVersion),
        parameters: { ...o, graphModel: 'followers ~ Lomax(alpha, lambda = mean·(alpha−1)), capped at maxShare·users, rescaled to the exact mean; followers of each user uniform among the others; authors uniform over users' },
        graph: info.graph,
        phases,
        bottleneck: findings,
      },
      null,
      2,
    )}\n`,
  );
  log(`\n› wrote ${out}`);
}

main().then(
  () => process.exit(abort.signal.aborted ? 130 : 0),
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
