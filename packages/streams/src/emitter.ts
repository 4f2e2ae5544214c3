import type { Producer } from 'kafkajs';
import { ChirpError } from '@chirp/core';
import type { Codec } from './codec.ts';
import { ProduceBatcher } from './produce-batcher.ts';

export interface EmitOptions {
  headers?: Record<string, string>;
  /** Message timestamp in ms; defaults to now. */
  timestamp?: number;
}

export interface EmitterOptions<T> {
  /** A batcher lets emits of many callers (and topics) share produce requests. */
  producer: Producer | ProduceBatcher;
  topic: string;
  codec: Codec<T>;
}

/** A typed producer for one topic. `emit` resolves once every in-sync replica has the message. */
export class Emitter<T> {
  readonly topic: string;
  private readonly producer: Producer | ProduceBatcher;
  private readonly codec: Codec<T>;

  constructor(options: EmitterOptions<T>) {
    this.topic = options.topic;
    this.producer = options.producer;
    this.codec = options.codec;
  }

  async emit(key: string, value: T, options: EmitOptions = {}): Promise<void> {
    await this.emitMany([{ key, value, ...options }]);
  }

  async emitMany(messages: readonly ({ key: string; value: T } & EmitOptions)[]): Promise<void> {
    if (messages.length === 0) return;
    const encoded = messages.map((m) => ({
      key: m.key,
      value: this.codec.encode(m.value),
      headers: m.headers,
      timestamp: String(m.timestamp ?? Date.now()),
    }));
    if (this.producer instanceof ProduceBatcher) return this.producer.send(this.topic, encoded); // fails as KAFKA_UNAVAILABLE itself
    try {
      await this.producer.send({ topic: this.topic, acks: -1, messages: encoded });
    } catch (cause) {
      throw new ChirpError('KAFKA_UNAVAILABLE', `Kafka did not acknowledge ${this.topic}`, { cause, retriable: true });
    }
  }
}
