import { Kafka, logLevel, Partitioners, type LogEntry, type Producer, type RecordMetadata, type TopicMessages } from 'kafkajs';
import { backoffMs, ChirpError, DEFAULT_BACKOFF_CAP_MS, sleep, type BackoffOptions } from '@chirp/core';
import type { Logger } from '@chirp/telemetry';

export interface KafkaOptions {
  brokers: string[] | string;
  clientId: string;
  logger?: Logger;
  /** How long to wait for a broker connection before an operation fails. */
  connectionTimeoutMs?: number;
  /**
   * Retry budget of the client's connections and metadata requests. Workers keep the patient
   * default; a request path (the API) wants a small one, to answer 503 in seconds.
   */
  retry?: { retries: number; initialRetryTime: number; maxRetryTime: number };
}

export function parseBrokers(brokers: string[] | string): string[] {
  const list = Array.isArray(brokers) ? brokers : brokers.split(',');
  return list.map((b) => b.trim()).filter(Boolean);
}

/** A kafkajs client whose logs go to our logger (kafkajs' own INFO chatter is dropped). */
export function createKafka(options: KafkaOptions): Kafka {
  const log = options.logger;
  return new Kafka({
    clientId: options.clientId,
    brokers: parseBrokers(options.brokers),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: 10_000,
    retry: options.retry ?? { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!log) return;
      const { message, ...extra } = entry.log;
      const fields = { namespace: entry.namespace, ...extra };
      if (entry.level <= logLevel.ERROR) log.error(fields, message);
      else log.warn(fields, message);
    },
  });
}

export interface ProducerOptions {
  /**
   * Idempotent: the broker drops a retried batch it already appended. kafkajs requires its own
   * retries for it, and with them keeps the gap described below: for test fixtures only.
   */
  idempotent?: boolean;
  /** Tries of one whole produce request before its send fails (1: no retry); default 4. */
  attempts?: number;
  /** The wait between tries, on the project's backoff; default 100 ms doubling to 2 s. */
  backoff?: BackoffOptions;
}

/**
 * A producer that waits for every in-sync replica (acks=-1 is set per send) and never creates
 * topics by accident; the Java-compatible murmur2 partitioner keeps keys where other clients put them.
 *
 * A failed send is retried whole, here, and never by kafkajs: kafkajs 2.2.4 keeps one response per
 * broker across its retries (`brokersWithoutResponse` in producer/sendMessages.js), so when a
 * partition's leader moves to another broker of the same request, the retry sends that partition
 * nowhere and the send resolves: an acknowledged message missing from the log
 * (stack/test/kafka-leader-move.cluster.test.ts). A whole retry may write again what one broker
 * had already appended: a duplicate, which every consumer here absorbs (at-least-once).
 */
export function createProducer(kafka: Kafka, options: ProducerOptions = {}): Producer {
  const common = { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner };
  const attempts = options.attempts ?? 4;
  const backoff = options.backoff ?? { baseMs: 100, capMs: 2000 };
  if (!Number.isInteger(attempts) || attempts < 1) throw new ChirpError('VALIDATION', 'attempts must be an integer ≥ 1', { field: 'attempts' });
  if (options.idempotent) {
    // The same budget, spent by kafkajs; it then allows one request in flight per broker connection.
    const retry = { retries: attempts - 1, initialRetryTime: backoff.baseMs, maxRetryTime: backoff.capMs ?? DEFAULT_BACKOFF_CAP_MS };
    return kafka.producer({ ...common, idempotent: true, maxInFlightRequests: 1, retry });
  }
  const inner = kafka.producer({ ...common, retry: { retries: 0 } });
  async function whole(request: () => Promise<RecordMetadata[]>, acks: number | undefined, topicMessages: readonly TopicMessages[]): Promise<RecordMetadata[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const written = await request();
        if (acks !== 0) failOnUnwritten(topicMessages, written);
        return written;
      } catch (error) {
        // With no retries of its own, kafkajs reports a retriable failure as "retries exceeded"
        // (after refreshing its metadata): a lost connection, a timeout, a moved leader, too few
        // in-sync replicas, and also a topic that does not exist, which costs the tries before it
        // fails. Anything else fails at once: a message too large, a disconnected producer, a
        // metadata refresh that itself ran out of the client's connection retries, or a partition
        // left unwritten (below: kafkajs would send it nowhere again).
        if (attempt >= attempts || (error as Error).name !== 'KafkaJSNumberOfRetriesExceeded') throw error;
        await sleep(backoffMs(attempt, backoff));
      }
    }
  }
  return {
    ...inner,
    send: (record) => whole(() => inner.send(record), record.acks, [{ topic: record.topic, messages: record.messages }]),
    sendBatch: (batch) => whole(() => inner.sendBatch(batch), batch.acks, batch.topicMessages ?? []),
  };
}

/**
 * kafkajs sends a message with an explicit `partition` only where its metadata knows that partition
 * (`findLeaderForPartitions` in cluster/index.js skips the others) and resolves all the same: a
 * partition added since its last metadata, or one that does not exist, would lose the message with
 * no error. The broker's answer names every partition it appended to; a named partition missing
 * from it fails the send (packages/streams/test/explicit-partition.test.ts).
 */
function failOnUnwritten(topicMessages: readonly TopicMessages[], written: readonly RecordMetadata[]): void {
  let answered: Set<string> | undefined;
  const missing = new Set<string>();
  for (const { topic, messages } of topicMessages) {
    for (const m of messages) {
      if (m.partition === undefined || m.partition === null) continue;
      answered ??= new Set(written.map((w) => `${w.topicName}/${w.partition}`));
      if (!answered.has(`${topic}/${m.partition}`)) missing.add(`${topic}/${m.partition}`);
    }
  }
  if (missing.size > 0) {
    throw new ChirpError('KAFKA_UNAVAILABLE', `Kafka wrote nothing to ${[...missing].join(', ')}: a partition the producer's metadata does not have`, {
      retriable: true,
    });
  }
}
