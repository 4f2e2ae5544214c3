import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { systemTopics } from '@chirp/core';
import { closeRedis, createRedis, type ChirpRedis } from '@chirp/store';
import { createKafka, deleteTopics, ensureTopics } from '@chirp/streams';
// Not '@chirp/testkit': its index pulls in the vitest-only test context.
import { startService, type ServiceProcess } from '../../packages/testkit/src/service-process.ts';
import { startStack, type Stack, type StackOptions } from './stack.ts';

const PARTITIONS = 4;

export interface StandaloneConfig {
  brokers: string;
  redisUrl: string;
}

/** A script's one read of process.env: the dev broker and Redis that `npm start` serves, by default. */
export function readStandaloneConfig(env: NodeJS.ProcessEnv): StandaloneConfig {
  const brokers = env.KAFKA_BROKERS ?? '127.0.0.1:19092';
  const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:16379';
  if (!brokers.split(',').every((b) => /^[^\s:,]+:\d{1,5}$/.test(b.trim()))) {
    throw new Error(`KAFKA_BROKERS must be host:port[,host:port…], got "${brokers}"`);
  }
  if (!/^rediss?:\/\/\S+$/.test(redisUrl)) throw new Error(`REDIS_URL must be a redis:// URL, got "${redisUrl}"`);
  return { brokers, redisUrl };
}

type Step = () => unknown;

export interface Cleanup {
  add: (step: Step) => void;
  /** Runs every step once, newest first, each on its own so one failure does not strand the rest. */
  run(): Promise<void>;
  readonly closed: boolean;
}

export function createCleanup(): Cleanup {
  const steps: Step[] = [];
  let running: Promise<void> | undefined;
  return {
    add: (step) => void steps.push(step),
    get closed() {
      return running !== undefined;
    },
    run() {
      running ??= (async () => {
        for (const step of steps.reverse()) {
          try {
            await step();
          } catch (error) {
            console.warn('cleanup step failed:', error);
          }
        }
      })();
      return running;
    },
  };
}

async function removeKafkaResources(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix));
    if (groups.length > 0) await admin.deleteGroups(groups);
    await deleteTopics(
      kafka,
      (await admin.listTopics()).filter((t) => t.startsWith(prefix)),
    );
  } finally {
    await admin.disconnect();
  }
}

async function removeRedisKeys(redis: ChirpRedis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export interface StandaloneStack extends Stack {
  /** Topic and consumer-group prefix, e.g. `demo3f9a1c2b.`. */
  prefix: string;
}

/**
 * The stack of startStack outside vitest: its own topics, groups and keys under a fresh prefix on
 * the given Kafka and Redis, every process and every name removed by `cleanup`.
 */
export async function startStandaloneStack(
  config: StandaloneConfig,
  cleanup: Cleanup,
  options: StackOptions & { name?: string } = {},
): Promise<StandaloneStack> {
  const id = `${options.name ?? 'demo'}${randomBytes(4).toString('hex')}`;
  const prefix = `${id}.`;
  const redisPrefix = `${id}:`;
  const kafka = createKafka({ brokers: config.brokers, clientId: id });
  cleanup.add(() => removeKafkaResources(kafka, prefix));
  await ensureTopics(kafka, systemTopics(prefix, PARTITIONS));
  const redis = createRedis({ url: config.redisUrl, name: id });
  cleanup.add(async () => {
    await removeRedisKeys(redis, redisPrefix);
    await closeRedis(redis);
  });
  const env: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: config.brokers,
    REDIS_URL: config.redisUrl,
    TOPIC_PREFIX: prefix,
    REDIS_PREFIX: redisPrefix,
    TOPIC_PARTITIONS: String(PARTITIONS),
    RATE_LIMIT_PER_MINUTE: '0',
  };
  const stack = await startStack(
    {
      async startService(name, extra): Promise<ServiceProcess> {
        const svc = await startService(name, { ...env, ...extra });
        if (cleanup.closed)
          await svc.stop(); // started while a sibling's failure was already cleaning up
        else cleanup.add(() => svc.stop());
        return svc;
      },
    },
    options,
  );
  return { ...stack, prefix };
}
