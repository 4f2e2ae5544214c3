// The fan-out's capacity alone, behind a backlog: a follow graph like bench:pipeline's (100k users,
// Lomax followers with mean 75, every user active), N tweets produced to twitter.newTweets before
// the fanout worker starts, then the real fanout worker (compiled bundle) drains them, and the
// chunks of large fan-outs it hands to its own topic (twitter.fanout), with nothing else of chirp
// running. A lagging fan-out is the state where its speed matters most: it reads its partitions at
// different offsets, so timelines get tweets out of time order and the insert has to find their
// place (lua/includes/timeline-entry.lua). Prints a table of the drain (tweets/s, pushes, Redis CPU
// per tweet and per push, the share of late inserts, list reads per push) and the top Redis
// commands, and writes bench/results/fanout-drain.json. Not a test: `npm run bench:fanout-drain`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deadLetterTopic, retryTopic, sleep } from '@chirp/core';
import { buildWorkers } from '@chirp/stack/build-workers';
import { buildGraph, degreeStats } from './lib/pipeline-graph.ts';
import { loadGraph } from './lib/pipeline-graph-load.ts';
import { KafkaLoad } from './lib/pipeline-kafka-load.ts';
import { cpuSecondsOf } from './lib/pipeline-proc.ts';
import { redisInfo, topCommands, topicEnd } from './lib/pipeline-scrape.ts';
import { benchRedis, PipelineStack } from './lib/pipeline-stack.ts';
import { tweetFactory } from './lib/pipeline-tweets.ts';
import { fmt, markdownTable } from './lib/table.ts';

const USAGE = `node --import tsx bench/fanout-drain.ts [flags]   (or: npm run bench:fanout-drain -- [flags])
  --tweets 60000     tweets produced before the fanout starts
  --rate 5000        tweets/s while producing them (their createdAt spreads over tweets/rate seconds)
  --users 100000     users in the follow graph (followers ~ Lomax(1.5), mean 75, every user active)
  --partitions 6     partitions of twitter.newTweets
  --aof yes          Redis's appendonly during the drain (yes: as production runs; no: to see its share)
  --redis-port 16451 first port tried for the benchmark's own redis-server
  --out bench/results/fanout-drain.json`;

const { values } = parseArgs({
  options: {
    tweets: { type: 'string' },
    rate: { type: 'string' },
    users: { type: 'string' },
    partitions: { type: 'string' },
    'redis-port': { type: 'string' },
    aof: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const positive = (flag: string, value: string | undefined, fallback: number): number => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag} must be a positive integer, got "${value}"\n${USAGE}`);
  return n;
};
const TWEETS = positive('tweets', values.tweets, 60_000);
const RATE = positive('rate', values.rate, 5000);
const USERS = positive('users', values.users, 100_000);
const PARTITIONS = positive('partitions', values.partitions, 6);
const AOF = values.aof ?? 'yes';
if (AOF !== 'yes' && AOF !== 'no') throw new Error(`--aof must be yes or no, got "${AOF}"\n${USAGE}`);
const OUT = resolve(values.out ?? 'bench/results/fanout-drain.json');
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';

const log = (line: string): void => console.log(line);

const stack = new PipelineStack({ brokers: BROKERS, redisPort: positive('redis-port', values['redis-port'], 16451), partitions: PARTITIONS, log });
const stopOnSignal = (): void => {
  log('› interrupted: cleaning up…');
  void stack.close().then(() => process.exit(130));
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

try {
  await buildWorkers(log);
  await stack.startRedis();
  const redis = benchRedis(stack.redisUrl, 'bench-fanout-drain');
  await stack.createTopics();
  const graph = buildGraph({ users: USERS, meanFollowers: 75, alpha: 1.5, maxShare: 0.25, seed: 42 });
  const followers = degreeStats(graph.followerCount);
  log(
    `› graph: ${fmt(USERS)} users, ${fmt(graph.edges)} follows (followers mean ${followers.mean.toFixed(1)}, median ${followers.median}, max ${fmt(followers.max)})`,
  );
  await redis.config('SET', 'appendonly', 'no'); // on again before the drain (--aof), as production runs
  const loaded = await loadGraph(graph, stack.keys, { host: '127.0.0.1', port: stack.redisPort }, undefined, log);
  await redis.config('SET', 'appendonly', AOF);
  while (/aof_rewrite_(in_progress|scheduled):1/.test(await redis.info('persistence'))) await sleep(200);
  log(`› graph loaded in ${loaded.seconds.toFixed(1)} s`);

  const load = new KafkaLoad(stack.kafka, stack.topics.newTweets);
  await load.start();
  const make = tweetFactory(USERS, 7);
  const produced = await load.run(RATE, TWEETS / RATE, (now) => make(1, now), new AbortController().signal);
  await load.close();
  if (produced.failed > 0) throw new Error(`${produced.failed} of ${produced.sent} tweets were not acknowledged by Kafka`);
  log(`› produced ${fmt(produced.acked)} tweets in ${produced.seconds.toFixed(1)} s; starting the fanout worker`);

  const admin = stack.kafka.admin();
  await admin.connect();
  // The fanout's work is done when it has committed every tweet, every chunk of the large fan-outs
  // it handed to its own topic (twitter.fanout: it grows while the fanout drains) and every message
  // it set aside on its retry topic (committed on its source, not yet handled).
  const fanoutGroup = stack.groupId('fanout');
  const drainTopics = [stack.topics.newTweets, stack.topics.fanout, retryTopic(fanoutGroup)];
  const total = await topicEnd(admin, stack.topics.newTweets);
  const remaining = async (): Promise<{ tweets: number; work: number }> => {
    const offsets = await admin.fetchOffsets({ groupId: fanoutGroup, topics: drainTopics });
    let work = 0;
    let tweets = total;
    for (const topic of drainTopics) {
      const high = await topicEnd(admin, topic);
      const done = offsets.find((o) => o.topic === topic)!.partitions.reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
      work += high - done;
      if (topic === stack.topics.newTweets) tweets = high - done;
    }
    return { tweets, work };
  };
  // Everything the fanout makes Redis do is counted, from before it starts; the rate is timed from
  // its group join (start-up left out) to the last commit.
  const redisPid = stack.redis!.pid;
  const before = { redisCpu: cpuSecondsOf(redisPid)!, info: await redisInfo(redis) };
  await stack.startServices(['fanout']);
  const fanoutChild = stack.service('fanout').child;
  const fanoutPid = fanoutChild.pid!;
  await stack.joined(['fanout'], 60_000, undefined, log);
  const start = { at: Date.now(), fanoutCpu: cpuSecondsOf(fanoutPid)! };
  const deadline = Date.now() + 20 * 60_000;
  let nextNote = Date.now() + 10_000;
  for (;;) {
    if (fanoutChild.exitCode !== null || fanoutChild.signalCode !== null) {
      throw new Error(`the fanout worker exited (${fanoutChild.exitCode ?? fanoutChild.signalCode}) before it drained`);
    }
    const left = await remaining();
    if (left.work <= 0) break;
    if (Date.now() > deadline) throw new Error(`the fanout did not drain ${fmt(total)} tweets within 20 minutes (${fmt(left.work)} messages left)`);
    if (Date.now() > nextNote) {
      log(`  drained ${fmt(total - left.tweets)} of ${fmt(total)} tweets (${fmt(left.work)} messages left, chunks included)`);
      nextNote += 10_000;
    }
    await sleep(250);
  }
  const seconds = (Date.now() - start.at) / 1000;
  const after = await redisInfo(redis);
  // An AOF rewrite runs in a child of redis-server, whose CPU the parent's figure leaves out: count them.
  const rewrites = after.aofRewrites - before.info.aofRewrites;
  const deadLettered = await topicEnd(admin, deadLetterTopic(fanoutGroup));
  const tweets = total;
  const redisCpu = cpuSecondsOf(redisPid)! - before.redisCpu;
  const fanoutCpu = cpuSecondsOf(fanoutPid)! - start.fanoutCpu;
  await admin.disconnect();
  redis.disconnect();

  const delta = topCommands(before.info, after, Infinity).filter((c) => c.command !== 'info' && c.command !== 'config');
  const calls = (name: string): number => delta.find((c) => c.command === name)?.calls ?? 0;
  const fresh = calls('lpush');
  const late = calls('linsert') + calls('rpush');
  const pushes = fresh + late;
  const listReads = calls('lindex') + calls('lrange') + calls('llen');
  const result = {
    tweetsPerSec: tweets / seconds,
    pushesPerSec: pushes / seconds,
    pushesPerTweet: pushes / tweets,
    lateShare: pushes > 0 ? late / pushes : 0,
    listReadsPerPush: pushes > 0 ? listReads / pushes : 0,
    redisCpuPercent: (100 * redisCpu) / seconds,
    fanoutCpuPercent: (100 * fanoutCpu) / seconds,
    redisCpuMsPerTweet: (1000 * redisCpu) / tweets,
    redisCpuUsPerPush: pushes > 0 ? (1e6 * redisCpu) / pushes : 0,
    aofRewrites: rewrites,
    deadLettered,
  };
  log('\n## Fan-out drain (the fanout worker alone, behind a backlog)\n');
  log(
    markdownTable(
      [
        'tweets',
        'seconds',
        'tweets/s',
        'timeline pushes/s',
        'pushes per tweet',
        'late inserts',
        'list reads per push',
        'Redis CPU',
        'fanout CPU',
        'Redis CPU ms per tweet',
        'Redis CPU µs per push',
      ],
      [
        [
          fmt(tweets),
          seconds.toFixed(1),
          fmt(result.tweetsPerSec),
          fmt(result.pushesPerSec),
          result.pushesPerTweet.toFixed(1),
          `${(100 * result.lateShare).toFixed(1)}%`,
          result.listReadsPerPush.toFixed(2),
          `${result.redisCpuPercent.toFixed(0)}%`,
          `${result.fanoutCpuPercent.toFixed(0)}%`,
          result.redisCpuMsPerTweet.toFixed(3),
          result.redisCpuUsPerPush.toFixed(2),
        ],
      ],
    ),
  );
  log('\nRedis commands during the drain (INFO commandstats; a script call includes the commands it runs):\n');
  log(
    markdownTable(
      ['command', 'calls/s', 'calls per tweet', 'µs per call', 'wall s'],
      delta.slice(0, 12).map((c) => [c.command, fmt(c.calls / seconds), (c.calls / tweets).toFixed(2), c.usecPerCall.toFixed(2), c.seconds.toFixed(2)]),
    ),
  );
  log("\nlate inserts: LINSERT + RPUSH (a tweet older than the timeline's head) of all pushes; list reads: LINDEX + LRANGE + LLEN.");
  log(
    `AOF rewrites during the drain: ${rewrites}${rewrites > 0 ? " (their child process's CPU is not in Redis's figure)" : ''}; dead-lettered by the fanout: ${fmt(deadLettered)}.`,
  );
  mkdirSync(dirname(OUT), { recursive: true });
  const json = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model },
    parameters: { tweets: TWEETS, rate: RATE, users: USERS, partitions: PARTITIONS, aof: AOF, meanFollowers: 75, alpha: 1.5, everyUserActive: true },
    graph: { edges: graph.edges, followers },
    drain: { tweets, seconds, ...result },
    commands: delta,
  };
  writeFileSync(OUT, `${JSON.stringify(json, null, 2)}\n`);
  log(`› wrote ${OUT}`);
} finally {
  await stack.close();
}
