import type { Admin } from 'kafkajs';
import type { Redis } from 'ioredis';
import { buildGraph, degreeStats, followingCounts, maxFollowers, type DegreeStats } from './pipeline-graph.ts';
import { loadGraph } from './pipeline-graph-load.ts';
import { Deliveries } from './pipeline-deliveries.ts';
import { KafkaLoad } from './pipeline-kafka-load.ts';
import type { PipelineOptions } from './pipeline-options.ts';
import { pidListeningOn, ProcSampler, type MachineWindow, type Tracked } from './pipeline-proc.ts';
import { readLag } from './pipeline-scrape.ts';
import { benchRedis, BENCH_GROUPS, type PipelineStack } from './pipeline-stack.ts';
import { round, sleep } from './pipeline-stats.ts';
import type { WrkLoad } from './pipeline-wrk-load.ts';
import { AccountStore } from '@chirp/store';
import { openSessions } from './sessions.ts';

export interface GraphInfo {
  model: string;
  edges: number;
  scale: number;
  cap: number;
  followers: DegreeStats;
  following: DegreeStats;
  loadSeconds: number;
}

/** Everything the phases need, ready: graph loaded, workers in their groups, probes running. */
export interface Prepared {
  redis: Redis;
  admin: Admin;
  deliveries: Deliveries;
  kafkaLoad: KafkaLoad;
  sampler: ProcSampler;
  graph: GraphInfo;
  kafkaPids: number[];
  /** The machine in the 5 s before the load: what other people's jobs already take. */
  idle: MachineWindow;
  workerPorts: Map<string, number>;
  /** Real bearer tokens of the HTTP phases' authors (u0…), empty without HTTP phases. */
  tokens: string[];
}

export interface SetupDeps {
  o: PipelineOptions;
  stack: PipelineStack;
  wrk: WrkLoad;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Registers a cleanup step the moment its resource exists. */
  onCleanup: (step: () => Promise<unknown>) => void;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

async function waitForMonitor(port: number, groups: string[], signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!signal.aborted) {
    const lag = await readLag(port);
    if (lag && groups.every((g) => lag.groups.has(g))) return;
    if (Date.now() > deadline) throw new Error('the monitor did not report the groups within 30 s');
    await sleep(300, signal);
  }
}

/**
 * Builds and loads the follow graph while the workers start (nothing is produced before the load,
 * so they only wait). The graph is written straight into Redis, as follow.lua would have written
 * it, so the graph worker is not started.
 */
async function graphAndWorkers(d: SetupDeps, redis: Redis, withApi: boolean): Promise<GraphInfo> {
  const { o, stack, log } = d;
  const local = new AbortController();
  const stop = (): void => local.abort();
  d.signal.addEventListener('abort', stop, { once: true });
  const servicesUp = stack.startServices(['saver', 'fanout', 'tagger', ...(withApi ? ['api'] : [])]);
  servicesUp.catch(stop); // a worker that cannot start ends the graph load at once
  const graphOptions = { users: o.users, meanFollowers: o.meanFollowers, alpha: o.alpha, maxShare: o.maxShare, seed: o.seed };
  const g = buildGraph(graphOptions);
  const followers = degreeStats(g.followerCount);
  const following = degreeStats(followingCounts(g));
  const lambda = round(o.meanFollowers * (o.alpha - 1), 2);
  const model = `followers ~ Lomax(α=${o.alpha}, λ=${lambda}) ×${g.scale.toFixed(3)}, capped at ${maxFollowers(graphOptions)} (${o.maxShare} of users); each user's followers uniform among the others; authors uniform`;
  log(`› graph: ${fmt(o.users)} users, ${fmt(g.edges)} follows; ${model}`);
  log(
    `  followers: mean ${followers.mean.toFixed(1)}, median ${followers.median}, p90 ${followers.p90}, p99 ${followers.p99}, p99.9 ${followers.p999}, max ${fmt(followers.max)}; ${followers.atLeast1k} users with ≥1k, ${followers.atLeast10k} with ≥10k, ${fmt(followers.zero)} with none`,
  );
  log(`  following: mean ${following.mean.toFixed(1)}, median ${following.median}, max ${following.max}`);
  const loading = (async () => {
    // AOF off while loading (it would rewrite itself several times over), on again before the load.
    await redis.config('SET', 'appendonly', 'no');
    const load = await loadGraph(g, stack.keys, { host: '127.0.0.1', port: stack.redisPort }, local.signal, log);
    await redis.config('SET', 'appendonly', 'yes');
    while (/aof_rewrite_(in_progress|scheduled):1/.test(await redis.info('persistence'))) await sleep(200, local.signal);
    return load;
  })();
  try {
    const [, load] = await Promise.all([servicesUp, loading]);
    log(`› graph loaded in ${load.seconds.toFixed(1)} s (${fmt(load.members)} ZSET members in ${fmt(load.commands)} ZADDs; AOF on and rewritten)`);
    return { model, edges: g.edges, scale: g.scale, cap: maxFollowers(graphOptions), followers, following, loadSeconds: round(load.seconds, 1) };
  } finally {
    d.signal.removeEventListener('abort', stop);
  }
}

export async function prepare(d: SetupDeps): Promise<Prepared> {
  const { o, stack, log, onCleanup } = d;
  await stack.startRedis();
  const redis = benchRedis(stack.redisUrl, 'bench-pipeline');
  onCleanup(async () => redis.disconnect());
  await stack.createTopics();
  const graph = await graphAndWorkers(d, redis, o.httpRates.length > 0);
  log('› waiting for saver, fanout and tagger to join their groups (their first fetch)…');
  await stack.joined(['saver', 'fanout', 'tagger'], 60_000, d.signal, log);
  await stack.startServices(['monitor']);
  await waitForMonitor(
    stack.service('monitor').port,
    BENCH_GROUPS.map((g) => stack.groupId(g)),
    d.signal,
  );

  const deliveries = new Deliveries(stack.redisUrl, stack.keys);
  onCleanup(() => deliveries.close());
  await deliveries.start();
  const kafkaLoad = new KafkaLoad(stack.kafka, stack.topics.newTweets);
  onCleanup(() => kafkaLoad.close());
  await kafkaLoad.start();
  const admin = stack.kafka.admin();
  await admin.connect();
  onCleanup(() => admin.disconnect());

  // The broker of KAFKA_BROKERS when it runs on this machine (the first listed), found by its port.
  const brokerPid = pidListeningOn(Number(o.brokers.split(',')[0]!.split(':').pop()));
  const kafkaPids = brokerPid ? [brokerPid] : [];
  const tracked = (): Tracked[] => [
    { name: 'bench (load+probes)', pid: process.pid },
    ...[...stack.services.values()].map((s) => ({ name: s.name, pid: s.child.pid ?? -1 })),
    ...(stack.redis ? [{ name: 'redis', pid: stack.redis.pid }] : []),
    ...kafkaPids.map((pid) => ({ name: 'kafka (shared)', pid })),
    ...(d.wrk.pid ? [{ name: 'wrk', pid: d.wrk.pid }] : []),
  ];
  const sampler = new ProcSampler(tracked);
  onCleanup(() => sampler.close());
  sampler.start();
  const idleFrom = Date.now();
  await sleep(5000, d.signal);
  const idle = sampler.window(idleFrom, Date.now());
  log(
    `› machine before the load: ${Math.round(idle.busyPct)}% busy of ${idle.cores * 100}%, ${Math.round(idle.otherPct)}% taken by processes this benchmark did not start`,
  );
  const workerPorts = new Map(['saver', 'fanout', 'tagger'].map((n) => [n, stack.service(n).port]));
  // The HTTP phases post with real bearer tokens: sessions as sign-in writes them, for the first authors.
  const authors = o.httpRates.length > 0 ? Math.min(o.users, o.httpAuthors) : 0;
  const tokens = await openSessions(
    new AccountStore(redis, stack.keys),
    Array.from({ length: authors }, (_, i) => `u${i}`),
  );
  if (authors > 0) log(`› ${fmt(authors)} sessions opened for the HTTP phases' authors (real bearer tokens)`);
  return { redis, admin, deliveries, kafkaLoad, sampler, graph, kafkaPids, idle, workerPorts, tokens };
}
