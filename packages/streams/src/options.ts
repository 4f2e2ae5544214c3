import type { Kafka, PartitionAssigner } from 'kafkajs';
import { ChirpError, IDEMPOTENCY_WINDOW_MS } from '@chirp/core';
import type { Logger, Registry } from '@chirp/telemetry';
import { DEFAULT_FAILURE, type FailureOptions } from './failure-policy.ts';
import type { Input } from './message.ts';

export interface ProcessorOptions {
  kafka: Kafka;
  groupId: string;
  inputs: Input[];
  registry: Registry;
  logger: Logger;
  /** Bound on handler calls in flight across all partitions. Order per key is kept regardless. */
  concurrency?: number;
  /** Most messages handed to one `handleBatch` call. */
  maxBatchSize?: number;
  failure?: Partial<FailureOptions>;
  /**
   * Where a partition with no committed offset starts: false (default) at the first message of the
   * last `startWindowMs` (start-offsets.ts); true at the beginning of the log (a rebuild).
   */
  fromBeginning?: boolean;
  /** How far back a group without committed offsets starts; the idempotency window by default. */
  startWindowMs?: number;
  /** Partitions of the group's retry and dead-letter topics. */
  failurePartitions?: number;
  sessionTimeoutMs?: number;
  /** Upper bound on bytes fetched per partition; smaller batches mean smaller redelivery after a crash. */
  maxBytesPerPartition?: number;
  /**
   * Called with this member's partitions every time it joins the group, before any message of them
   * is handled (kafkajs finishes in-flight batches before it rejoins). Stateful processors restore
   * the table partitions they gained here.
   */
  onAssignment?: (assignment: Record<string, number[]>, memberId: string) => void;
  /**
   * Awaited before every offset commit: the writes of the messages it covers must be durable
   * first (on Redis Cluster the worker waits for a replica: store's RedisRouting.waitForReplicas).
   * A rejection commits nothing and pauses the partition as a dependency wait; the messages are
   * redelivered, and their idempotent writes applied again.
   */
  beforeCommit?: () => Promise<void>;
  /** How partitions are spread over members; kafkajs' round robin unless given (stateful groups co-partition). */
  partitionAssigners?: PartitionAssigner[];
}

export const PROCESSOR_DEFAULTS = {
  concurrency: 16,
  maxBatchSize: 100,
  fromBeginning: false,
  startWindowMs: IDEMPOTENCY_WINDOW_MS,
  failurePartitions: 3,
  sessionTimeoutMs: 30_000,
  maxBytesPerPartition: 1024 * 1024,
} as const;

export type ResolvedProcessorOptions = ProcessorOptions & typeof PROCESSOR_DEFAULTS & { failure: FailureOptions };

export function checkInt(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ChirpError('CONFIG', `${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** Defaults filled in, every bound checked: a bad option fails at construction, naming the field. */
export function resolveProcessorOptions(options: ProcessorOptions): ResolvedProcessorOptions {
  if (!options.groupId) throw new ChirpError('CONFIG', 'groupId is required');
  if (options.inputs.length === 0) throw new ChirpError('CONFIG', 'inputs must name at least one topic');
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ProcessorOptions;
  const failure = { ...DEFAULT_FAILURE, ...Object.fromEntries(Object.entries(options.failure ?? {}).filter(([, v]) => v !== undefined)) };
  const o = { ...PROCESSOR_DEFAULTS, ...defined, failure } as ResolvedProcessorOptions;
  checkInt('concurrency', o.concurrency, 1);
  checkInt('maxBatchSize', o.maxBatchSize, 1);
  checkInt('failurePartitions', o.failurePartitions, 1);
  checkInt('startWindowMs', o.startWindowMs, 0);
  checkInt('failure.retries', failure.retries, 0);
  checkInt('failure.retryRounds', failure.retryRounds, 0);
  for (const name of ['retryBaseMs', 'retryTopicDelayMs', 'dependencyBaseMs', 'dependencyCapMs'] as const) checkInt(`failure.${name}`, failure[name], 0);
  return o;
}
