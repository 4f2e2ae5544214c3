import type { Kafka } from 'kafkajs';
import {
  analyticsEnv,
  changelogTopic,
  deadLetterTopic,
  groupId as groupIdOf,
  kafkaEnv,
  loadConfig,
  notifyEnv,
  retryTopic,
  timelineEnv,
  tweetTagsSchema,
} from '@chirp/core';
import { closeRedis, PreferencesStore, TweetStore } from '@chirp/store';
import { batchInput, deleteTopics, highWatermarks, jsonCodec, PartitionReader, tableRecordCodec } from '@chirp/streams';
import type { Processor } from '@chirp/streams';
import { createWorkerRuntime, workerProcessor, type WorkerRuntime } from '@chirp/worker';
import { userStateSchema, type UserState } from '@chirp/analytics';
import { createFanout } from '../services/fanout/src/fanout-processor.ts';
import type { FanoutOptions } from '../services/fanout/src/fanout.ts';
import { createGraph } from '../services/graph/src/graph.ts';
import { notifyInputs } from '../services/notify/src/notify.ts';
import { createSaver } from '../services/saver/src/saver.ts';

export interface RebuildProgress {
  phase: string;
  /** Offsets read so far, summed over the phase's partitions. */
  done: bigint;
  /** High watermarks captured when the phase began, minus where each partition starts. */
  total: bigint;
}

export interface RebuildOptions {
  env?: NodeJS.ProcessEnv;
  onProgress?: (p: RebuildProgress) => void;
  /** How often progress is polled. */
  intervalMs?: number;
}

export interface RebuildReport {
  phases: { phase: string; messages: bigint; seconds: number }[];
}

type Targets = Map<string, Map<number, bigint>>;

async function marks(kafka: Kafka, topics: readonly string[]): Promise<{ low: Targets; high: Targets }> {
  const low: Targets = new Map();
  const high: Targets = new Map();
  for (const topic of topics) {
    const m = await highWatermarks(kafka, topic);
    low.set(topic, new Map([...m].map(([p, w]) => [p, w.low])));
    high.set(topic, new Map([...m].map(([p, w]) => [p, w.high])));
  }
  return { low, high };
}

/** Committed offsets of a group, with a partition that has none counted at its low watermark. */
async function committed(kafka: Kafka, groupId: string, low: Targets): Promise<Targets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const out: Targets = new Map();
    for (const t of await admin.fetchOffsets({ groupId, topics: [...low.keys()] })) {
      out.set(t.topic, new Map(t.partitions.map((p) => [p.partition, p.offset === '-1' ? low.get(t.topic)!.get(p.partition)! : BigInt(p.offset)])));
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

const sum = (t: Targets, minus?: Targets): bigint => {
  let s = 0n;
  for (const [topic, ps] of t) for (const [p, o] of ps) s += o - (minus?.get(topic)?.get(p) ?? 0n);
  return s;
};

/**
 * Runs a worker's own processor under a fresh consumer group from the beginning of its input
 * topics until it has committed the high watermarks they had when the phase began.
 */
async function runToWatermarks(phase: string, kafka: Kafka, processors: { processor: Processor; topics: string[] }[], o: RebuildOptions): Promise<bigint> {
  const state = await Promise.all(processors.map(async (x) => ({ ...x, ...(await marks(kafka, x.topics)) })));
  const total = state.reduce((s, x) => s + sum(x.high, x.low), 0n);
  if (total === 0n) {
    // Nothing to read: no group to join (a join costs seconds).
    await Promise.all(processors.map((x) => x.processor.close()));
    return 0n;
  }
  const progress = async (): Promise<bigint> => {
    let done = 0n;
    for (const x of state) {
      const c = await committed(kafka, x.processor.groupId, x.low);
      for (const [topic, ps] of x.high)
        for (const [p, h] of ps) done += ((c.get(topic)?.get(p) ?? 0n) < h ? (c.get(topic)?.get(p) ?? 0n) : h) - x.low.get(topic)!.get(p)!;
    }
    return done;
  };
  await Promise.all(processors.map((x) => x.processor.start()));
  try {
    for (;;) {
      const done = await progress();
      o.onProgress?.({ phase, done, total });
      if (done >= total) return total;
      await new Promise((r) => setTimeout(r, o.intervalMs ?? 250));
    }
  } finally {
    await Promise.all(processors.map((x) => x.processor.close()));
  }
}

/** The runtime of a worker under a rebuild group of its own: same topics, keys and handlers. */
function rebuildRuntime(name: string, env: NodeJS.ProcessEnv, stamp: string): WorkerRuntime {
  const rt = createWorkerRuntime(name, { ...env, LOG_LEVEL: env.LOG_LEVEL ?? 'warn' });
  return { ...rt, groupId: `${rt.groupId}.rebuild-${stamp}`, fromBeginning: true };
}

/**
 * Rebuilds every Redis view from Kafka into an empty Redis, with the workers' own handlers, in the
 * order the views depend on each other: the graph (follows) first, so the fan-out of every tweet
 * finds the followers; then tweets (saver and fanout together: bodies, author lists, timelines,
 * pulled authors, replies; with the deletes, retweets and likes the fanout group applies); then tags (the compacted verdicts of twitter.tweetTags, never tagged again);
 * then preferences (the analytics group table's changelog, latest record per user).
 */
export async function rebuild(o: RebuildOptions = {}): Promise<RebuildReport> {
  const env = o.env ?? process.env;
  const stamp = Date.now().toString(36);
  const timeline = loadConfig(timelineEnv, env);
  const fanoutOptions = { timelineCap: timeline.TIMELINE_CAP, chunkSize: timeline.FANOUT_CHUNK_SIZE, pullThreshold: timeline.FANOUT_PULL_THRESHOLD };
  const runtimes: WorkerRuntime[] = [];
  const runtime = (name: string): WorkerRuntime => {
    const rt = rebuildRuntime(name, env, stamp);
    runtimes.push(rt);
    return rt;
  };
  const report: RebuildReport = { phases: [] };
  const timed = async (phase: string, run: () => Promise<bigint>): Promise<void> => {
    const t0 = Date.now();
    const messages = await run();
    report.phases.push({ phase, messages, seconds: (Date.now() - t0) / 1000 });
  };
  try {
    const graphRt = runtime('graph');
    const { kafka, topics } = graphRt;
    await timed('graph', () => runToWatermarks('graph', kafka, [{ processor: createGraph(graphRt, timeline.TIMELINE_CAP), topics: [topics.follows] }], o));

    const saverRt = runtime('saver');
    const fanoutRt = runtime('fanout');
    const fanout = createFanout(fanoutRt, fanoutOptions);
    await fanout.producer.connect();
    // Old chunks on twitter.fanout belong to old plans: the rebuild's planner makes its own, so its group starts at the end there.
    await skipTo(kafka, fanoutRt.groupId, topics.fanout);
    try {
      await timed('tweets', () =>
        runToWatermarks(
          'tweets',
          kafka,
          [
            { processor: createSaver(saverRt), topics: [topics.newTweets] },
            // The fanout group also applies issue 18's tombstones, retweets and likes (services/fanout/src/social.ts):
            // order between them and the tweets does not matter (the tombstone is checked by every script that could resurrect).
            { processor: fanout.processor, topics: [topics.newTweets, topics.tweetDeletes, topics.retweets, topics.likes] },
          ],
          o,
        ),
      );
    } finally {
      await fanout.producer.disconnect();
    }
    // A runtime of its own (a fresh metrics registry), in the same rebuild group as the tweets phase's fanout.
    await timed('fan-out chunks', () => drainChunks(runtime('fanout'), fanoutOptions, o));

    const tagsRt = runtime('tagger');
    const store = new TweetStore(tagsRt.redis, tagsRt.keys);
    const tags = workerProcessor(tagsRt, [
      batchInput(topics.tweetTags, jsonCodec(tweetTagsSchema), async (messages) => {
        const bodies = await store.getMany(messages.map((m) => m.value.tweetId));
        const createdAt = new Map(bodies.map((b) => [b.id, Date.parse(b.createdAt)]));
        // A verdict without a body is of a deleted tweet (the tweets phase saved every other): not indexed again.
        for (const { value } of messages) if (createdAt.has(value.tweetId)) await store.saveTags(value.tweetId, value.tags, createdAt.get(value.tweetId)!);
      }),
    ]);
    await timed('tags', () => runToWatermarks('tags', kafka, [{ processor: tags, topics: [topics.tweetTags] }], o));

    const prefsRt = runtime('analytics');
    await timed('preferences', () => rebuildPreferences(prefsRt, env, o));

    // Mutes and blocks first, so a mention by a blocked user is turned away on replay as it was live.
    const notify = { cap: loadConfig(notifyEnv, env).NOTIFICATIONS_CAP };
    const relationsRt = runtime('notify');
    const only = (rt: WorkerRuntime, wanted: string[]): Processor =>
      workerProcessor(
        rt,
        notifyInputs(rt, notify).filter((i) => wanted.includes(i.topic)),
      );
    await timed('relations', () => runToWatermarks('relations', kafka, [{ processor: only(relationsRt, [topics.relations]), topics: [topics.relations] }], o));
    const notifyRt = runtime('notify');
    const feeds = [topics.newTweets, topics.follows, topics.likes, topics.retweets, topics.notificationReads];
    await timed('notifications', () => runToWatermarks('notifications', kafka, [{ processor: only(notifyRt, feeds), topics: feeds }], o));
    return report;
  } finally {
    await cleanup(runtimes);
  }
}

async function skipTo(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const m = await highWatermarks(kafka, topic);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId, topic, partitions: [...m].map(([partition, w]) => ({ partition, offset: w.high.toString() })) });
  } finally {
    await admin.disconnect();
  }
}

/** The chunks the rebuild's planner emitted, applied by the fanout group's own chunk handler. */
async function drainChunks(rt: WorkerRuntime, fanoutOptions: FanoutOptions, o: RebuildOptions): Promise<bigint> {
  const { processor, producer } = createFanout(rt, fanoutOptions);
  const { high } = await marks(rt.kafka, [rt.topics.fanout]);
  const start = await committed(rt.kafka, rt.groupId, high);
  const total = sum(high, start);
  if (total === 0n) return 0n;
  await producer.connect();
  await processor.start();
  try {
    for (;;) {
      const c = await committed(rt.kafka, rt.groupId, high);
      const done = sum(c, start);
      o.onProgress?.({ phase: 'fan-out chunks', done: done > total ? total : done, total });
      if (done >= total) return total;
      await new Promise((r) => setTimeout(r, o.intervalMs ?? 250));
    }
  } finally {
    await processor.close();
    await producer.disconnect();
  }
}

/** prefs:<user> from the latest changelog record of each user: the values the analytics worker mirrors. */
async function rebuildPreferences(rt: WorkerRuntime, env: NodeJS.ProcessEnv, o: RebuildOptions): Promise<bigint> {
  loadConfig(analyticsEnv, env); // the same validated settings the worker would start with
  const topic = changelogTopic(groupIdOf(loadConfig(kafkaEnv, env).TOPIC_PREFIX, 'analytics'));
  const marksNow = await highWatermarks(rt.kafka, topic).catch(() => new Map<number, { low: bigint; high: bigint }>());
  const total = [...marksNow.values()].reduce((s, m) => s + m.high - m.low, 0n);
  if (total === 0n) return 0n;
  const codec = tableRecordCodec(userStateSchema);
  const latest = new Map<string, UserState | null>();
  let done = 0n;
  const reader = new PartitionReader({
    kafka: rt.kafka,
    topic,
    mode: 'catch-up',
    logger: rt.logger,
    onMessages: (partition, messages) => {
      for (const m of messages) {
        if (BigInt(m.offset) >= reader.target(partition) || !m.key) continue;
        latest.set(m.key.toString('utf8'), m.value ? codec.decode(m.value).value : null);
        done++;
      }
      o.onProgress?.({ phase: 'preferences', done, total });
    },
  });
  await reader.start();
  await reader.caughtUp();
  await reader.close();
  const entries = [...latest].filter((e): e is [string, UserState] => e[1] !== null).map(([user, value]) => ({ user, scores: value.affinity }));
  await new PreferencesStore(rt.redis, rt.keys).write(entries);
  o.onProgress?.({ phase: 'preferences', done: total, total });
  return total;
}

/** The rebuild groups' own retry and DLQ topics go, and their connections close. */
async function cleanup(runtimes: WorkerRuntime[]): Promise<void> {
  const groups = runtimes.map((rt) => rt.groupId);
  if (runtimes[0]) {
    await deleteTopics(
      runtimes[0].kafka,
      groups.flatMap((g) => [retryTopic(g), deadLetterTopic(g)]),
    ).catch(() => undefined);
    const admin = runtimes[0].kafka.admin();
    await admin.connect();
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }
  for (const rt of runtimes) await closeRedis(rt.redis).catch(() => undefined);
}
