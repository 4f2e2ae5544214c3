import type { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { createSemaphore, failureTopics } from '@chirp/core';
import { processorMetrics, type Logger, type ProcessorMetrics } from '@chirp/telemetry';
import { BatchDelivery, type DeliveryOutcome } from './batch-delivery.ts';
import { FailureSink } from './failure-sink.ts';
import { createProducer } from './kafka.ts';
import type { Input } from './message.ts';
import { resolveProcessorOptions, type ProcessorOptions, type ResolvedProcessorOptions } from './options.ts';
import { PartitionGate, type PausedPartition } from './partition-gate.ts';
import { windowStartOffsets } from './start-offsets.ts';
import { ensureTopics, waitForTopics } from './topics-admin.ts';

export type { ProcessorOptions } from './options.ts';

/** Pause after an unexpected error of the delivery itself (a bug here, not in a handler). */
const INTERNAL_ERROR_PAUSE_MS = 1000;

/**
 * A consumer group with a handler per input topic: goka's processor, at-least-once.
 *
 * Pull loop per partition batch: decoded messages go to the edge's `handleBatch` in calls of at
 * most `maxBatchSize`, consecutive and in offset order (so in order per key); handler calls across
 * partitions are bounded by one semaphore. The offset committed is the one after the last message
 * finished, and `resolveOffset` moves kafkajs' fetch position with it. Failures follow the failure
 * policy (failure-policy.ts): a dependency failure pauses the partition until it answers, a
 * message failure isolates the message, retries it in place, then through `<group>.retry`, then
 * `<group>.dlq`. Any wait pauses only its partition (partition-gate.ts).
 */
export class Processor {
  readonly groupId: string;
  readonly retryTopic: string;
  readonly deadLetterTopic: string;
  private readonly o: ResolvedProcessorOptions;
  private readonly metrics: ProcessorMetrics;
  private readonly log: Logger;
  private readonly inputs: Map<string, Input>;
  private readonly abort = new AbortController();
  private readonly gate: PartitionGate;
  private readonly producer: Producer;
  private readonly delivery: BatchDelivery;
  private readonly inFlight = new Set<Promise<void>>();
  private consumer: Consumer | undefined;
  private closing: Promise<void> | undefined;
  private readonly joinedOnce: Promise<void>;
  private markJoined: () => void = () => {};
  private assigned: Record<string, number[]> = {};
  /** First offset to handle, per `topic|partition` that had no committed offset (start-offsets.ts). */
  private startAt = new Map<string, bigint>();

  constructor(options: ProcessorOptions) {
    this.o = resolveProcessorOptions(options);
    this.groupId = options.groupId;
    this.metrics = processorMetrics(options.registry);
    this.log = options.logger.child({ group: options.groupId });
    this.inputs = new Map(options.inputs.map((i) => [i.topic, i]));
    this.producer = createProducer(options.kafka);
    const sink = new FailureSink(this.groupId, this.producer, this.metrics, this.log);
    this.retryTopic = sink.retryTopic;
    this.deadLetterTopic = sink.deadLetterTopic;
    this.gate = new PartitionGate(this.metrics.pausedPartitions, this.groupId);
    this.delivery = new BatchDelivery({
      group: this.groupId,
      inputs: this.inputs,
      policy: this.o.failure,
      sink,
      gate: this.gate,
      semaphore: createSemaphore(this.o.concurrency),
      maxBatchSize: this.o.maxBatchSize,
      metrics: this.metrics,
      log: this.log,
      signal: this.abort.signal,
    });
    this.joinedOnce = new Promise((resolve) => (this.markJoined = resolve));
  }

  /** Resolves once the consumer has joined its group and been given partitions (or none). */
  joined(): Promise<void> {
    return this.joinedOnce;
  }

  /** Partitions this instance holds now, by topic. */
  assignment(): Record<string, number[]> {
    return this.assigned;
  }

  /** Partitions the failure policy paused, and why (for /readyz and introspection). */
  paused(): PausedPartition[] {
    return this.gate.paused();
  }

  /** True while some partition waits for a dependency (Redis, Kafka, the LLM) to answer. */
  waitingOnDependency(): boolean {
    return this.gate.paused().some((p) => p.reason === 'dependency');
  }

  async start(): Promise<void> {
    const { kafka } = this.o;
    await ensureTopics(kafka, failureTopics(this.groupId, this.o.failurePartitions));
    await waitForTopics(kafka, [...this.inputs.keys(), this.retryTopic, this.deadLetterTopic]);
    await this.producer.connect();
    const subscribed = [...this.inputs.keys(), this.retryTopic];
    if (!this.o.fromBeginning) {
      this.startAt = await windowStartOffsets(kafka, this.groupId, subscribed, this.o.startWindowMs);
      if (this.startAt.size > 0)
        this.log.info({ partitions: [...this.startAt.keys()], windowMs: this.o.startWindowMs }, 'no committed offset: starting at the idempotency window');
    }
    const consumer = kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.o.sessionTimeoutMs,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.o.maxBytesPerPartition,
      // Kafka's own fetch.max.wait.ms (kafkajs waits 5 s): a fetch that waits for data holds up a
      // partition resumed meanwhile, a rebalance and the shutdown for that long (5 s per stop).
      maxWaitTimeInMs: 500,
      ...(this.o.partitionAssigners ? { partitionAssigners: this.o.partitionAssigners } : {}),
    });
    this.consumer = consumer;
    this.gate.attach(consumer);
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      this.assigned = e.payload.memberAssignment;
      this.gate.retain(this.assigned);
      this.log.info({ assignment: this.assigned }, 'joined group');
      try {
        this.o.onAssignment?.(this.assigned, e.payload.memberId);
      } catch (error) {
        this.log.error({ err: error }, 'onAssignment failed');
      }
      this.markJoined();
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.metrics.kafkaErrors.inc({ kind: 'consumer_crash' });
      this.log.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer crashed');
    });
    await consumer.connect();
    // Earliest for anything still without an offset (never skip a message): see start-offsets.ts.
    await consumer.subscribe({ topics: subscribed, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: Math.max(1, Math.min(this.o.concurrency, 64)),
      eachBatch: (payload) => this.track(this.onBatch(payload)),
    });
  }

  /** close() waits for every batch in flight: they commit what they finished before the consumer stops. */
  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    const forget = (): void => void this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const heartbeat = (): Promise<void> => payload.heartbeat();
    const isStale = (): boolean => payload.isStale();
    const isRunning = (): boolean => payload.isRunning();
    const resolveOffset = (offset: string): void => payload.resolveOffset(offset);
    if (this.closing || batch.messages.length === 0) return;
    const alive = (): boolean => isRunning() && !isStale() && !this.abort.signal.aborted;
    const beat = setInterval(() => void heartbeat().catch(() => undefined), 2000);
    const skipped = this.skipBeforeWindow(batch.topic, batch.partition, batch.messages);
    let outcome: DeliveryOutcome = { done: 0 };
    try {
      const messages = skipped > 0 ? batch.messages.slice(skipped) : batch.messages;
      if (messages.length > 0) outcome = await this.delivery.deliver({ topic: batch.topic, partition: batch.partition, messages, heartbeat, alive });
    } catch (error) {
      this.log.error({ err: error, topic: batch.topic, partition: batch.partition }, 'batch delivery failed; partition paused');
      outcome = { done: 0, wait: { reason: 'dependency', ms: INTERNAL_ERROR_PAUSE_MS } };
    } finally {
      clearInterval(beat);
    }
    if (outcome.done > 0 && this.o.beforeCommit) {
      try {
        await this.o.beforeCommit();
      } catch (error) {
        this.log.warn({ err: error, topic: batch.topic, partition: batch.partition }, 'writes not durable yet; nothing committed, partition paused');
        outcome = { done: 0, wait: { reason: 'dependency', ms: INTERNAL_ERROR_PAUSE_MS } };
      }
    }
    if (outcome.wait && !this.abort.signal.aborted && !isStale()) this.gate.pause(batch.topic, batch.partition, outcome.wait.reason, outcome.wait.ms);
    await this.commit(batch.topic, batch.partition, batch.messages, skipped + outcome.done, isStale, resolveOffset);
  }

  /** How many messages at the head of the batch are older than the start window (skipped, committed). */
  private skipBeforeWindow(topic: string, partition: number, messages: KafkaMessage[]): number {
    const start = this.startAt.get(`${topic}|${partition}`);
    if (start === undefined) return 0;
    let n = 0;
    while (n < messages.length && BigInt(messages[n]!.offset) < start) n++;
    if (n < messages.length) this.startAt.delete(`${topic}|${partition}`);
    return n;
  }

  /** Commits after the last of the first `done` messages of the batch. */
  private async commit(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    done: number,
    isStale: () => boolean,
    resolveOffset: (offset: string) => void,
  ): Promise<void> {
    if (done === 0 || isStale()) return;
    // Moves kafkajs' fetch position: the next fetch starts after what is done, not at the batch start.
    resolveOffset(messages[done - 1]!.offset);
    const offset = (BigInt(messages[done - 1]!.offset) + 1n).toString();
    try {
      await this.consumer!.commitOffsets([{ topic, partition, offset }]);
    } catch (error) {
      // Lost the partition in a rebalance: its new owner redelivers from the last commit.
      this.metrics.kafkaErrors.inc({ kind: 'commit' });
      this.log.warn({ err: error, topic, partition, offset }, 'commit failed; messages will be redelivered');
    }
  }

  /**
   * Stops intake (every partition paused, waits cancelled), lets the handler calls in flight
   * finish and their batches commit — while the consumer still runs, because kafkajs drops
   * commits once it is stopping — then leaves the group and disconnects. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      this.gate.close();
      try {
        this.consumer?.pause([...this.inputs.keys(), this.retryTopic].map((topic) => ({ topic })));
      } catch {
        // not running yet: nothing to pause
      }
      await Promise.allSettled([...this.inFlight]);
      try {
        await this.consumer?.disconnect();
      } catch (error) {
        this.log.warn({ err: error }, 'consumer disconnect failed');
      }
      try {
        await this.producer.disconnect();
      } catch (error) {
        this.log.warn({ err: error }, 'producer disconnect failed');
      }
    })();
    return this.closing;
  }
}
