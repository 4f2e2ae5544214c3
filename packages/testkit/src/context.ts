import { randomBytes } from 'node:crypto';
import { inject, afterAll, expect } from 'vitest';
import type { Kafka, Producer } from 'kafkajs';
import { systemTopics, topicNames, type TopicNames } from '@chirp/core';
import type { Cluster } from 'ioredis';
import { closeRedis, createKeys, createRedis, isCluster, type ChirpRedis, type Keys } from '@chirp/store';
import { createKafka, createProducer, deleteTopics, ensureTopics } from '@chirp/streams';
import { startService, type ServiceProcess } from './service-process.ts';

export interface TestContext {
  brokers: string;
  redisUrl: string;
  /** Topic and consumer-group prefix of this suite, e.g. `t3f9a1c.`. */
  prefix: string;
  redisPrefix: string;
  /** REDIS_CLUSTER_NODES of the cluster topology (cluster-global-setup.ts); undefined on one server. */
  redisClusterNodes: string | undefined;
  topics: TopicNames;
  kafka: Kafka;
  redis: ChirpRedis;
  keys: Keys;
  /** True on the cluster topology: `redis` is a Redis Cluster client and keys carry hash tags. */
  cluster: boolean;
  /** Another client of this suite's Redis, on the same topology as `redis`; closed after the suite. */
  createRedis(name: string): ChirpRedis;
  /** The environment a service of this suite runs with. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  startService(name: string, extra?: NodeJS.ProcessEnv): Promise<ServiceProcess>;
  producer(): Promise<Producer>;
  /** Registers a cleanup step, run in reverse order after the suite. */
  onCleanup: (step: () => unknown) => void;
}

/**
 * A suite's own corner of the real Kafka and Redis: fresh topics (created up front), groups and
 * keys under a random prefix, removed after the suite; every resource registers its cleanup the
 * moment it is made. Call at the top of a describe block.
 */
export async function createTestContext(options: { partitions?: number } = {}): Promise<TestContext> {
  if (expect.getState().currentTestName !== undefined) {
    // afterAll registered from inside a running test never runs: processes and topics would leak.
    throw new Error('createTestContext() must be called at module or describe level, not inside a test');
  }
  const brokers = inject('brokers');
  const redisUrl = inject('redisUrl');
  // The cluster topology (cluster-global-setup.ts): a Redis Cluster client, keys with hash tags.
  const redisClusterNodes = inject('redisClusterNodes') || undefined;
  const id = randomBytes(4).toString('hex');
  const prefix = `t${id}.`;
  const redisPrefix = `t${id}:`;
  // The context's own steps (its topics, its Redis keys) run last, in reverse order; what the suite
  // registered (services, consumers, producers, views) is independent and stops all at once: one at
  // a time, each Kafka client's leave cost seconds, 20-35 s per suite.
  const own: (() => unknown)[] = [];
  const suite: (() => unknown)[] = [];
  const onCleanup = (step: () => unknown): void => void suite.push(step);
  const runStep = async (step: () => unknown): Promise<void> => {
    try {
      await step();
    } catch (error) {
      console.warn('cleanup step failed', error);
    }
  };
  afterAll(async () => {
    await Promise.all(suite.reverse().map(runStep));
    for (const step of own.reverse()) await runStep(step);
  }, 60_000);

  const kafka = createKafka({ brokers, clientId: `test-${id}` });
  const partitions = options.partitions ?? 4;
  const topics = topicNames(prefix);
  await ensureTopics(kafka, systemTopics(prefix, partitions));
  own.push(async () => {
    const admin = kafka.admin();
    await admin.connect();
    const all = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    await admin.disconnect();
    await deleteTopics(kafka, all);
  });
  const redis = createRedis({ url: redisUrl, clusterNodes: redisClusterNodes, name: `test-${id}` });
  own.push(async () => {
    await deleteMatching(redis, `${redisPrefix}*`);
    await closeRedis(redis);
  });
  // A variable given as undefined in `extra` is left out (REDIS_CLUSTER_NODES: undefined runs a
  // service on one server, e.g. a suite's private Redis, also on the cluster topology).
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv =>
    definedOnly({
      KAFKA_BROKERS: brokers,
      REDIS_URL: redisUrl,
      ...(redisClusterNodes ? { REDIS_CLUSTER_NODES: redisClusterNodes } : {}),
      TOPIC_PREFIX: prefix,
      REDIS_PREFIX: redisPrefix,
      TOPIC_PARTITIONS: String(partitions),
      PROCESSOR_RETRY_DELAY_MS: '200',
      RATE_LIMIT_PER_MINUTE: '0',
      ...extra,
    });
  let sharedProducer: Producer | undefined;
  return {
    brokers,
    redisUrl,
    prefix,
    redisPrefix,
    redisClusterNodes,
    topics,
    kafka,
    redis,
    keys: createKeys(redisPrefix, { hashTags: redisClusterNodes !== undefined }),
    cluster: redisClusterNodes !== undefined,
    createRedis(name) {
      const client = createRedis({ url: redisUrl, clusterNodes: redisClusterNodes, name });
      onCleanup(() => closeRedis(client));
      return client;
    },
    env,
    onCleanup,
    async startService(name, extra) {
      const svc = await startService(name, env(extra));
      onCleanup(() => svc.stop());
      return svc;
    },
    async producer() {
      if (!sharedProducer) {
        // Idempotent, so a retried send the broker had already appended is not written twice: tests
        // count records exactly (lag figures, redelivery counts), and a busy machine retries often.
        const p = createProducer(kafka, { idempotent: true });
        await p.connect();
        onCleanup(() => p.disconnect());
        sharedProducer = p;
      }
      return sharedProducer;
    },
  };
}

function definedOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

/**
 * Deletes the keys matching a SCAN pattern and says how many there were. SCAN is per node: on a
 * cluster every master is scanned, and keys go one by one (their slots differ).
 */
export async function deleteMatching(redis: ChirpRedis, pattern: string): Promise<number> {
  const nodes = isCluster(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
  let deleted = 0;
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) {
        const counts = await (isCluster(redis) ? Promise.all(keys.map((k) => redis.unlink(k))) : [await redis.unlink(...keys)]);
        deleted += counts.reduce((a, b) => a + b, 0);
      }
      cursor = next;
    } while (cursor !== '0');
  }
  return deleted;
}
