import type { Message as KafkaMessage, Producer } from 'kafkajs';
import { ChirpError } from '@chirp/core';

export interface ProduceBatcherOptions {
  producer: Producer;
  /** How long the first send of a batch waits for company, in ms (0: the rest of this event-loop turn). */
  lingerMs?: number;
  /** A batch is sent at once when it holds this many messages. */
  maxMessages?: number;
  /** Produce requests in flight at once; while all are out, new sends gather into the next batch. */
  maxInFlight?: number;
}

interface Pending {
  topic: string;
  messages: KafkaMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Groups concurrent sends, of any topics, into one `sendBatch` with acks=-1 (Kafka's linger.ms and
 * batch.size). Each send resolves only once its batch is acknowledged; a batch that fails rejects
 * exactly its own sends. A send issued after another resolved goes in a later request, so causal
 * order per key is kept.
 */
export class ProduceBatcher {
  private readonly producer: Producer;
  private readonly lingerMs: number;
  private readonly maxMessages: number;
  private readonly maxInFlight: number;
  private queue: Pending[] = [];
  private queued = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(options: ProduceBatcherOptions) {
    this.producer = options.producer;
    this.lingerMs = options.lingerMs ?? 1;
    this.maxMessages = options.maxMessages ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 2;
    for (const [field, value, min] of [
      ['lingerMs', this.lingerMs, 0],
      ['maxMessages', this.maxMessages, 1],
      ['maxInFlight', this.maxInFlight, 1],
    ] as const) {
      if (!Number.isInteger(value) || value < min) throw new ChirpError('VALIDATION', `${field} must be an integer ≥ ${min}`, { field });
    }
  }

  send(topic: string, messages: KafkaMessage[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, messages, resolve, reject });
      this.queued += messages.length;
      if (this.queued >= this.maxMessages) this.flush();
      else this.timer ??= this.lingerMs === 0 ? setImmediate(() => this.flush()) : setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = undefined;
    }
    // All requests out: the queue keeps growing and goes when one comes back.
    if (this.queue.length === 0 || this.inFlight >= this.maxInFlight) return;
    const batch = this.queue;
    this.queue = [];
    this.queued = 0;
    this.inFlight++;
    const byTopic = new Map<string, KafkaMessage[]>();
    for (const p of batch) {
      const list = byTopic.get(p.topic);
      if (list) list.push(...p.messages);
      else byTopic.set(p.topic, [...p.messages]);
    }
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    this.producer.sendBatch({ acks: -1, topicMessages }).then(
      () => {
        for (const p of batch) p.resolve();
        this.done();
      },
      (cause: unknown) => {
        const error = new ChirpError('KAFKA_UNAVAILABLE', `Kafka did not acknowledge ${[...byTopic.keys()].join(', ')}`, { cause, retriable: true });
        for (const p of batch) p.reject(error);
        this.done();
      },
    );
  }

  private done(): void {
    this.inFlight--;
    if (this.queue.length > 0) this.flush();
  }
}
