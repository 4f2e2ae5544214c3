import { groupId, loadConfig, kafkaEnv, redisEnv, commonEnv, processorEnv, topicNames, type TopicNames } from '@chirp/core';
import { createKeys, createRedis, closeRedis, waitForReplicas, type ChirpRedis, type Keys } from '@chirp/store';
import { createLogger, createRegistry, redisErrors, startMetricsServer, closeAll, type Logger, type Registry, type MetricsServer } from '@chirp/telemetry';
import type { Kafka } from 'kafkajs';
import { createKafka, DEFAULT_FAILURE, Processor, type FailureOptions, type Input, type ProcessorHandle } from '@chirp/streams';
import { workerReady } from './health.ts';

export const workerEnv = { ...kafkaEnv, ...redisEnv, ...commonEnv, ...processorEnv };

/** What every worker process needs, built from the validated environment. */
export interface WorkerRuntime {
  /** Replicas that confirm a batch's Redis writes before its offsets commit (REDIS_WAIT_REPLICAS). */
  replicas: number;
  name: string;
  groupId: string;
  topics: TopicNames;
  kafka: Kafka;
  redis: ChirpRedis;
  keys: Keys;
  registry: Registry;
  logger: Logger;
  concurrency: number;
  failure: FailureOptions;
  partitions: number;
  /** A group with no committed offset reads all history (a rebuild); unset = the processor's default. */
  fromBeginning?: boolean;
}

export function createWorkerRuntime(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): WorkerRuntime & { config: ReturnType<typeof loadConfig<typeof workerEnv>> } {
  const config = loadConfig(workerEnv, env);
  const logger = createLogger(name, config.LOG_LEVEL);
  const registry = createRegistry(name);
  const redisErr = redisErrors(registry);
  const redis = createRedis({
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    name: `chirp-${name}`,
    onError: (error) => {
      redisErr.inc({ kind: (error as NodeJS.ErrnoException).code ?? 'error' });
      logger.warn({ err: error }, 'redis error');
    },
  });
  return {
    name,
    config,
    groupId: groupId(config.TOPIC_PREFIX, name),
    topics: topicNames(config.TOPIC_PREFIX),
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? `chirp-${name}`, logger }),
    redis,
    keys: createKeys(config.REDIS_PREFIX, { hashTags: config.REDIS_CLUSTER_NODES !== undefined }),
    replicas: config.REDIS_WAIT_REPLICAS ?? (config.REDIS_CLUSTER_NODES ? 1 : 0),
    registry,
    logger,
    concurrency: config.PROCESSOR_CONCURRENCY,
    partitions: config.TOPIC_PARTITIONS,
    failure: {
      ...DEFAULT_FAILURE,
      retries: config.PROCESSOR_RETRIES,
      retryRounds: config.PROCESSOR_RETRY_ROUNDS,
      retryTopicDelayMs: config.PROCESSOR_RETRY_DELAY_MS,
    },
  };
}

/** The worker's consumer group over the given inputs, with the runtime's bounds and failure policy. */
export function workerProcessor(rt: WorkerRuntime, inputs: Input[]): Processor {
  return new Processor({
    kafka: rt.kafka,
    groupId: rt.groupId,
    registry: rt.registry,
    logger: rt.logger,
    concurrency: rt.concurrency,
    failure: rt.failure,
    inputs,
    // Offsets commit only once a replica holds the batch's writes (Redis Cluster; docs/guarantees.md).
    ...(rt.replicas > 0 ? { beforeCommit: () => waitForReplicas(rt.redis, rt.replicas) } : {}),
    ...(rt.fromBeginning === undefined ? {} : { fromBeginning: rt.fromBeginning }),
  });
}

/** Starts the processor and the metrics server; returns one close for the entry point. */
export async function startWorker(
  rt: WorkerRuntime,
  processor: ProcessorHandle,
  metricsPort: number,
): Promise<{ close(): Promise<void>; metrics: MetricsServer }> {
  const metrics = await startMetricsServer({
    registry: rt.registry,
    port: metricsPort,
    ready: () => workerReady(rt.redis, rt.kafka, processor),
  });
  await processor.start();
  rt.logger.info({ group: rt.groupId, metricsPort: metrics.port }, 'worker started');
  let closing: Promise<void> | undefined;
  return {
    metrics,
    close() {
      closing ??= closeAll(rt.logger, [
        ['processor', () => processor.close()],
        ['redis', () => closeRedis(rt.redis)],
        ['metrics', () => metrics.close()],
      ]);
      return closing;
    },
  };
}
