import { Kafka, logLevel, Partitioners, type Producer, type LogEntry } from 'kafkajs';
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

/**
 * A producer that waits for every in-sync replica (acks=-1 is set per send) and never creates
 * topics by accident; the Java-compatible murmur2 partitioner keeps keys where other clients put them.
 */
export function createProducer(kafka: Kafka, options: { idempotent?: boolean } = {}): Producer {
  return kafka.producer({
    allowAutoTopicCreation: false,
    // Idempotent: the broker drops a retried batch it already appended (kafkajs then allows one
    // request in flight per broker connection).
    ...(options.idempotent ? { idempotent: true, maxInFlightRequests: 1 } : {}),
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 2000 },
  });
}
