import type { KafkaMessage, Producer } from 'kafkajs';
import { ChirpError, deadLetterTopic, retryTopic } from '@chirp/core';
import type { Logger, ProcessorMetrics } from '@chirp/telemetry';
import { carryHeaders, HEADER } from './headers.ts';

/** Where a message came from before any retry round: what the failure headers record. */
export interface Origin {
  topic: string;
  partition: string;
  offset: string;
}

/**
 * Writes a group's retry and dead-letter topics (the failure policy decides which, see
 * failure-policy.ts). Every write waits for all in-sync replicas: the input offset is committed
 * only after it.
 */
export class FailureSink {
  readonly retryTopic: string;
  readonly deadLetterTopic: string;

  constructor(
    private readonly group: string,
    private readonly producer: Producer,
    private readonly metrics: ProcessorMetrics,
    private readonly log: Logger,
  ) {
    this.retryTopic = retryTopic(group);
    this.deadLetterTopic = deadLetterTopic(group);
  }

  async retry(raw: KafkaMessage, origin: Origin, round: number, delayMs: number, error: unknown): Promise<void> {
    const headers = { ...this.headers(raw, origin, error), [HEADER.round]: String(round), [HEADER.notBefore]: String(Date.now() + delayMs) };
    await this.producer.send({ topic: this.retryTopic, acks: -1, messages: [{ key: raw.key, value: raw.value, headers }] });
    this.metrics.retried.inc({ group: this.group, topic: origin.topic });
    this.log.warn({ err: error, origin, round }, 'message sent to retry topic');
  }

  async deadLetter(raw: KafkaMessage, origin: Origin, error: unknown): Promise<void> {
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [{ key: raw.key, value: raw.value, headers: this.headers(raw, origin, error) }],
    });
    this.metrics.deadLettered.inc({ group: this.group, topic: origin.topic });
    this.log.error({ err: error, origin }, 'message sent to dead-letter topic');
  }

  private headers(raw: KafkaMessage, origin: Origin, error: unknown): Record<string, string> {
    const err = error instanceof Error ? error : new Error(String(error));
    return {
      ...carryHeaders(raw.headers),
      [HEADER.originalTopic]: origin.topic,
      [HEADER.originalPartition]: origin.partition,
      [HEADER.originalOffset]: origin.offset,
      [HEADER.error]: err.message.slice(0, 1000),
      [HEADER.errorCode]: error instanceof ChirpError ? error.code : err.name,
      [HEADER.group]: this.group,
    };
  }
}
