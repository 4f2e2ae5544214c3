import type { KafkaMessage } from 'kafkajs';
import { ChirpError, retriesInPlace, type Semaphore } from '@chirp/core';
import type { Logger, ProcessorMetrics } from '@chirp/telemetry';
import { afterMessageFailure, classifyFailure, dependencyDelayMs, type FailureOptions } from './failure-policy.ts';
import type { FailureSink, Origin } from './failure-sink.ts';
import { carryHeaders, HEADER, headerString } from './headers.ts';
import type { HandlerContext, Input, Message } from './message.ts';
import type { PartitionGate, PauseReason } from './partition-gate.ts';

export interface DeliveryOptions {
  group: string;
  inputs: ReadonlyMap<string, Input>;
  policy: FailureOptions;
  sink: FailureSink;
  gate: PartitionGate;
  /** Bounds handler calls in flight across all partitions. */
  semaphore: Semaphore;
  maxBatchSize: number;
  metrics: ProcessorMetrics;
  log: Logger;
  /** Aborts when the processor closes. */
  signal: AbortSignal;
}

/** A fetched batch of one partition, and how to keep its session alive. */
export interface FetchedBatch {
  topic: string;
  partition: number;
  messages: readonly KafkaMessage[];
  heartbeat(): Promise<void>;
  /** False once the processor closes or kafkajs revoked the partition. */
  alive(): boolean;
}

/** How far delivery got: the first `done` messages are finished (handled, retried or dead-lettered); `wait` pauses the partition. */
export interface DeliveryOutcome {
  done: number;
  wait?: { reason: PauseReason; ms: number };
}

interface Decoded {
  raw: KafkaMessage;
  origin: Origin;
  round: number;
  edge: Input;
  message: Message<unknown>;
}

interface Step {
  /** Messages finished from the current position. */
  n: number;
  wait?: DeliveryOutcome['wait'];
}

/**
 * Delivers a fetched batch to the handlers under the failure policy (failure-policy.ts):
 * consecutive decodable messages go to `handleBatch` in one call (at most `maxBatchSize`), an
 * undecodable one to the DLQ in its place, a failing batch is split into single messages to find
 * the culprit. Retry-topic messages are handled one at a time, each when it is due. Delivery
 * stops at the first message that must wait, and says how long.
 */
export class BatchDelivery {
  constructor(private readonly o: DeliveryOptions) {}

  async deliver(batch: FetchedBatch): Promise<DeliveryOutcome> {
    const { topic, partition, messages } = batch;
    const fromRetry = topic === this.o.sink.retryTopic;
    let done = 0;
    while (done < messages.length && batch.alive()) {
      const raw = messages[done]!;
      let step: Step;
      if (fromRetry) {
        const due = Number(headerString(raw.headers, HEADER.notBefore) ?? 0) - Date.now();
        if (due > 0) return { done, wait: { reason: 'retry-delay', ms: due } };
        step = await this.single(batch, raw);
      } else if (this.o.gate.suspect(topic, partition)?.offset === raw.offset) {
        step = await this.single(batch, raw); // the culprit of an earlier split: alone again
      } else {
        step = await this.run(batch, done);
      }
      done += step.n;
      if (step.wait) return { done, wait: step.wait };
      if (step.n === 0) break; // shutting down mid-call
    }
    return { done };
  }

  /** Decodable messages from `start` as one handler call; a failure splits them. */
  private async run(batch: FetchedBatch, start: number): Promise<Step> {
    const chunk: Decoded[] = [];
    for (let j = start; j < batch.messages.length && chunk.length < this.o.maxBatchSize; j++) {
      const d = this.decode(batch, batch.messages[j]!);
      if (!('error' in d)) {
        chunk.push(d);
        continue;
      }
      if (chunk.length > 0) break; // deliver what precedes it first
      return this.finish(batch, d.raw, () => this.o.sink.deadLetter(d.raw, d.origin, d.error));
    }
    const error = await this.call(batch, chunk);
    if (error === undefined) {
      this.o.gate.progressed(batch.topic, batch.partition);
      return { n: chunk.length };
    }
    if (this.o.signal.aborted) return { n: 0 };
    const kind = classifyFailure(error);
    if (kind.kind === 'dependency') return this.dependencyWait(batch, error);
    if (chunk.length === 1) return this.failed(batch, chunk[0]!, error, kind.permanent);
    let n = 0;
    for (const d of chunk) {
      if (!batch.alive()) break;
      const step = await this.alone(batch, d);
      n += step.n;
      if (step.wait || step.n === 0) return { n, wait: step.wait };
    }
    return { n };
  }

  private async single(batch: FetchedBatch, raw: KafkaMessage): Promise<Step> {
    const d = this.decode(batch, raw);
    if ('error' in d) return this.finish(batch, raw, () => this.o.sink.deadLetter(raw, d.origin, d.error));
    return this.alone(batch, d);
  }

  private async alone(batch: FetchedBatch, d: Decoded): Promise<Step> {
    const error = await this.call(batch, [d]);
    if (error === undefined) {
      this.o.gate.progressed(batch.topic, batch.partition, d.raw.offset);
      return { n: 1 };
    }
    if (this.o.signal.aborted) return { n: 0 };
    const kind = classifyFailure(error);
    if (kind.kind === 'dependency') return this.dependencyWait(batch, error);
    return this.failed(batch, d, error, kind.permanent);
  }

  /** An isolated message failed on its own account: in place again, retry topic, or DLQ. */
  private async failed(batch: FetchedBatch, d: Decoded, error: unknown, permanent: boolean): Promise<Step> {
    const { topic, partition } = batch;
    const prior = this.o.gate.suspect(topic, partition);
    const attempts = (prior?.offset === d.raw.offset ? prior.attempts : 0) + 1;
    const step = afterMessageFailure(this.o.policy, { attempts, round: d.round, permanent, inPlace: retriesInPlace(error) });
    switch (step.action) {
      case 'retry-in-place':
        this.o.gate.setSuspect(topic, partition, d.raw.offset, attempts);
        return { n: 0, wait: { reason: 'backoff', ms: step.delayMs } };
      case 'retry-topic':
        return this.finish(batch, d.raw, () => this.o.sink.retry(d.raw, d.origin, step.round, step.delayMs, error));
      case 'dead-letter': {
        const done = await this.finish(batch, d.raw, () => this.o.sink.deadLetter(d.raw, d.origin, error));
        if (done.n === 1) await this.tellDeadLettered(d);
        return done;
      }
    }
  }

  /** The letter is written, so its input may forget it; failing that changes nothing of the delivery. */
  private async tellDeadLettered(d: Decoded): Promise<void> {
    try {
      await d.edge.onDeadLetter?.(d.message);
    } catch (error) {
      this.o.log.warn({ err: error, origin: d.origin }, 'dead-lettered message: its input could not forget it was pending');
    }
  }

  /** A retry or DLQ write finishes the message; if Kafka does not take it, the partition waits like any dependency failure. */
  private async finish(batch: FetchedBatch, raw: KafkaMessage, write: () => Promise<void>): Promise<Step> {
    try {
      await write();
    } catch (error) {
      this.o.metrics.kafkaErrors.inc({ kind: 'failure_topic' });
      return this.dependencyWait(batch, error);
    }
    this.o.gate.progressed(batch.topic, batch.partition, raw.offset);
    return { n: 1 };
  }

  private dependencyWait(batch: FetchedBatch, error: unknown): Step {
    const probes = this.o.gate.probeFailed(batch.topic, batch.partition);
    const ms = dependencyDelayMs(this.o.policy, probes);
    const fields = { err: error, topic: batch.topic, partition: batch.partition, probes, waitMs: ms };
    if (probes === 1) this.o.log.warn(fields, 'dependency unavailable: partition paused');
    else this.o.log.debug(fields, 'dependency still unavailable: partition paused');
    return { n: 0, wait: { reason: 'dependency', ms } };
  }

  /** One handler call under the shared bound; returns the error it threw, if any. */
  private async call(batch: FetchedBatch, chunk: readonly Decoded[]): Promise<unknown> {
    const edge = chunk[0]!.edge;
    const labels = { group: this.o.group, topic: edge.topic };
    const context: HandlerContext = { signal: this.o.signal, heartbeat: () => batch.heartbeat() };
    try {
      await this.o.semaphore.run(async () => {
        const end = this.o.metrics.handlerDuration.startTimer(labels);
        try {
          await edge.handleBatch(
            chunk.map((d) => d.message),
            context,
          );
        } finally {
          end();
        }
      });
      this.o.metrics.succeeded.inc(labels, chunk.length);
      return undefined;
    } catch (error) {
      this.o.metrics.failed.inc(labels);
      return error ?? new Error('handler threw a nullish value');
    }
  }

  private decode(batch: FetchedBatch, raw: KafkaMessage): Decoded | { raw: KafkaMessage; origin: Origin; error: unknown } {
    const fromRetry = batch.topic === this.o.sink.retryTopic;
    const origin: Origin = fromRetry
      ? {
          topic: headerString(raw.headers, HEADER.originalTopic) ?? '',
          partition: headerString(raw.headers, HEADER.originalPartition) ?? '',
          offset: headerString(raw.headers, HEADER.originalOffset) ?? '',
        }
      : { topic: batch.topic, partition: String(batch.partition), offset: raw.offset };
    this.o.metrics.consumed.inc({ group: this.o.group, topic: origin.topic });
    const edge = this.o.inputs.get(origin.topic);
    try {
      if (!edge) throw new ChirpError('DECODE', `no input edge for topic ${origin.topic}`);
      const value = edge.codec.decode(raw.value);
      const message: Message<unknown> = {
        topic: origin.topic,
        partition: Number(origin.partition),
        offset: origin.offset,
        key: raw.key?.toString('utf8') ?? null,
        value,
        timestamp: Number(raw.timestamp),
        headers: carryHeaders(raw.headers),
      };
      return { raw, origin, round: fromRetry ? Number(headerString(raw.headers, HEADER.round) ?? 1) : 0, edge, message };
    } catch (error) {
      return { raw, origin, error };
    }
  }
}
