import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, PartitionAssigner, Producer } from 'kafkajs';
import { ChirpError, deadLetterTopic, isRetriable, retriesInPlace, retryTopic } from '@chirp/core';
import { processorMetrics, type Logger, type ProcessorMetrics, type Registry } from '@chirp/telemetry';
import { backoffMs, sleep } from './backoff.ts';
import { carryHeaders, HEADER, headerString } from './headers.ts';
import { createProducer } from './kafka.ts';
import type { Input } from './message.ts';
import { checkInt, DEFAULT_FAILURE, type FailureOptions } from './options.ts';
import { Semaphore } from './semaphore.ts';
import { ensureTopics, waitForTopics } from './topics-admin.ts';

export interface ProcessorOptions {
  kafka: Kafka;
  groupId: string;
  inputs: Input[];
  registry: Registry;
  logger: Logger;
  /** Bound on messages handled at once across all partitions. Order per key is kept regardless. */
  concurrency?: number;
  failure?: Partial<FailureOptions>;
  /** Where a group with no committed offset starts. */
  fromBeginning?: boolean;
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
  /** How partitions are spread over members; kafkajs' round robin unless given (stateful groups co-partition). */
  partitionAssigners?: PartitionAssigner[];
}

/**
 * A consumer group with a handler per input topic: goka's processor, at-least-once.
 *
 * Pull loop per batch: group messages by key, handle key groups concurrently (bounded by a
 * semaphore shared across partitions), each key's messages in order; commit the offset after the
 * last message of the contiguous done prefix. A failing message is retried in place with backoff,
 * then sent to `<group>.retry` (tried again after a delay, by this same group), and after the last
 * round to `<group>.dlq` with the error and its origin in headers. An undecodable message goes to
 * the DLQ at once. The shared input topic is never written.
 */
export class Processor {
  readonly groupId: string;
  readonly retryTopic: string;
  readonly deadLetterTopic: string;
  private readonly options: ProcessorOptions;
  private readonly failure: FailureOptions;
  private readonly metrics: ProcessorMetrics;
  private readonly log: Logger;
  private readonly inputs: Map<string, Input>;
  private readonly semaphore: Semaphore;
  private readonly abort = new AbortController();
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private closing: Promise<void> | undefined;
  private joinedOnce: Promise<void>;
  private markJoined: () => void = () => {};
  private assigned: Record<string, number[]> = {};

  constructor(options: ProcessorOptions) {
    if (!options.groupId) throw new ChirpError('CONFIG', 'groupId is required');
    if (options.inputs.length === 0) throw new ChirpError('CONFIG', 'inputs must name at least one topic');
    this.options = options;
    this.groupId = options.groupId;
    this.retryTopic = retryTopic(options.groupId);
    this.deadLetterTopic = deadLetterTopic(options.groupId);
    this.failure = { ...DEFAULT_FAILURE, ...options.failure };
    checkInt('failure.retries', this.failure.retries, 0);
    checkInt('failure.retryRounds', this.failure.retryRounds, 0);
    checkInt('concurrency', options.concurrency ?? 16, 1);
    this.semaphore = new Semaphore(options.concurrency ?? 16);
    this.metrics = processorMetrics(options.registry);
    this.log = options.logger.child({ group: options.groupId });
    this.inputs = new Map(options.inputs.map((i) => [i.topic, i]));
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

  async start(): Promise<void> {
    const { kafka } = this.options;
    const partitions = this.options.failurePartitions ?? 3;
    await ensureTopics(kafka, [
      { topic: this.retryTopic, partitions },
      { topic: this.deadLetterTopic, partitions, retentionMs: 30 * 24 * 3600 * 1000 },
    ]);
    await waitForTopics(kafka, [...this.inputs.keys(), this.retryTopic, this.deadLetterTopic]);
    this.producer = createProducer(kafka);
    await this.producer.connect();
    const consumer = kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3000,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 1024 * 1024,
      ...(this.options.partitionAssigners ? { partitionAssigners: this.options.partitionAssigners } : {}),
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      this.assigned = e.payload.memberAssignment;
      this.log.info({ assignment: this.assigned }, 'joined group');
      try {
        this.options.onAssignment?.(this.assigned, e.payload.memberId);
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
    await consumer.subscribe({ topics: [...this.inputs.keys(), this.retryTopic], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: Math.max(1, Math.min(this.options.concurrency ?? 16, 64)),
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const messages = batch.messages;
    if (messages.length === 0) return;
    const done = new Array<boolean>(messages.length).fill(false);
    const alive = (): boolean => isRunning() && !isStale() && !this.abort.signal.aborted;
    const beat = setInterval(() => void heartbeat().catch(() => undefined), 2000);
    try {
      if (batch.topic === this.retryTopic) {
        // Retry messages are in time order: wait for each one's moment, one at a time.
        for (let i = 0; i < messages.length && alive(); i++) {
          const notBefore = Number(headerString(messages[i]!.headers, HEADER.notBefore) ?? 0);
          await sleep(notBefore - Date.now(), this.abort.signal);
          if (!alive()) break;
          await this.semaphore.run(() => this.handleOne(batch.topic, batch.partition, messages[i]!, heartbeat));
          done[i] = true;
        }
      } else {
        const byKey = new Map<string, number[]>();
        messages.forEach((m, i) => {
          const k = m.key?.toString('utf8') ?? `\u0000${i}`;
          const list = byKey.get(k);
          if (list) list.push(i);
          else byKey.set(k, [i]);
        });
        await Promise.all(
          [...byKey.values()].map(async (indexes) => {
            for (const i of indexes) {
              if (!alive()) return;
              await this.semaphore.run(() => this.handleOne(batch.topic, batch.partition, messages[i]!, heartbeat));
              done[i] = true;
            }
          }),
        );
      }
    } finally {
      clearInterval(beat);
      await this.commitPrefix(batch.topic, batch.partition, messages, done, isStale, resolveOffset);
    }
  }

  /** Commits after the last message of the contiguous done prefix of the batch. */
  private async commitPrefix(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    done: boolean[],
    isStale: () => boolean,
    resolveOffset: (offset: string) => void,
  ): Promise<void> {
    let n = 0;
    while (n < done.length && done[n]) n++;
    if (n === 0 || isStale()) return;
    // Moves kafkajs' fetch position: the next fetch starts after the done prefix, not at the batch start.
    resolveOffset(messages[n - 1]!.offset);
    const offset = (BigInt(messages[n - 1]!.offset) + 1n).toString();
    try {
      await this.consumer!.commitOffsets([{ topic, partition, offset }]);
    } catch (error) {
      // Lost the partition in a rebalance: its new owner redelivers from the last commit.
      this.metrics.kafkaErrors.inc({ kind: 'commit' });
      this.log.warn({ err: error, topic, partition, offset }, 'commit failed; messages will be redelivered');
    }
  }

  private async handleOne(batchTopic: string, partition: number, raw: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const fromRetry = batchTopic === this.retryTopic;
    const origin = {
      topic: fromRetry ? (headerString(raw.headers, HEADER.originalTopic) ?? '') : batchTopic,
      partition: fromRetry ? (headerString(raw.headers, HEADER.originalPartition) ?? '') : String(partition),
      offset: fromRetry ? (headerString(raw.headers, HEADER.originalOffset) ?? '') : raw.offset,
    };
    const round = fromRetry ? Number(headerString(raw.headers, HEADER.round) ?? 1) : 0;
    const labels = { group: this.groupId, topic: origin.topic };
    this.metrics.consumed.inc(labels);
    const edge = this.inputs.get(origin.topic);
    let value: unknown;
    try {
      if (!edge) throw new ChirpError('DECODE', `no input edge for topic ${origin.topic}`);
      value = edge.codec.decode(raw.value);
    } catch (error) {
      await this.deadLetter(raw, origin, error);
      return;
    }
    const message = {
      topic: origin.topic,
      partition: Number(origin.partition),
      offset: origin.offset,
      key: raw.key?.toString('utf8') ?? null,
      value,
      timestamp: Number(raw.timestamp),
      headers: carryHeaders(raw.headers),
    };
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.failure.retries; attempt++) {
      const end = this.metrics.handlerDuration.startTimer(labels);
      try {
        await edge!.handleBatch([message], { signal: this.abort.signal, heartbeat });
        end();
        this.metrics.succeeded.inc(labels);
        return;
      } catch (error) {
        end();
        lastError = error;
        this.metrics.failed.inc(labels);
        if (this.abort.signal.aborted) throw error; // shutting down: leave it uncommitted
        if (!isRetriable(error) || !retriesInPlace(error)) break; // NOT_READY: straight to the delayed retry topic
        if (attempt < this.failure.retries) await sleep(backoffMs(attempt + 1, this.failure.retryBaseMs), this.abort.signal);
      }
    }
    if (isRetriable(lastError) && round < this.failure.retryRounds) {
      await this.sendRetry(raw, origin, round + 1, lastError);
    } else {
      await this.deadLetter(raw, origin, lastError);
    }
  }

  private failureHeaders(raw: KafkaMessage, origin: { topic: string; partition: string; offset: string }, error: unknown): Record<string, string> {
    const err = error instanceof Error ? error : new Error(String(error));
    return {
      ...carryHeaders(raw.headers),
      [HEADER.originalTopic]: origin.topic,
      [HEADER.originalPartition]: origin.partition,
      [HEADER.originalOffset]: origin.offset,
      [HEADER.error]: err.message.slice(0, 1000),
      [HEADER.errorCode]: error instanceof ChirpError ? error.code : err.name,
      [HEADER.group]: this.groupId,
    };
  }

  private async sendRetry(raw: KafkaMessage, origin: { topic: string; partition: string; offset: string }, round: number, error: unknown): Promise<void> {
    const delay = this.failure.retryTopicDelayMs * 2 ** (round - 1);
    await this.producer!.send({
      topic: this.retryTopic,
      acks: -1,
      messages: [{
        key: raw.key,
        value: raw.value,
        headers: { ...this.failureHeaders(raw, origin, error), [HEADER.round]: String(round), [HEADER.notBefore]: String(Date.now() + delay) },
      }],
    });
    this.metrics.retried.inc({ group: this.groupId, topic: origin.topic });
    this.log.warn({ err: error, origin, round }, 'message sent to retry topic');
  }

  private async deadLetter(raw: KafkaMessage, origin: { topic: string; partition: string; offset: string }, error: unknown): Promise<void> {
    await this.producer!.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: raw.key, value: raw.value, headers: this.failureHeaders(raw, origin, error) }],
    });
    this.metrics.deadLettered.inc({ group: this.groupId, topic: origin.topic });
    this.log.error({ err: error, origin }, 'message sent to dead-letter topic');
  }

  /** Stops fetching, lets in-flight work finish (backoffs end early), commits, leaves the group. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      try {
        await this.consumer?.disconnect();
      } catch (error) {
        this.log.warn({ err: error }, 'consumer disconnect failed');
      }
      try {
        await this.producer?.disconnect();
      } catch (error) {
        this.log.warn({ err: error }, 'producer disconnect failed');
      }
    })();
    return this.closing;
  }
}
