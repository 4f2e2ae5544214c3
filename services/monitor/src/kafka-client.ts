import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@chirp/telemetry';

export interface MonitorKafkaOptions {
  brokers: string;
  clientId: string;
  logger?: Logger;
}

/**
 * The monitor's own kafkajs client: it depends on no worker package, so it keeps working (and
 * keeps reporting their lag) whatever state the workers are in. Retries are short: a slow read
 * only delays one collection, the next one tries again.
 */
export function createMonitorKafka(options: MonitorKafkaOptions): Kafka {
  const log = options.logger;
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    connectionTimeout: 3000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 100, retries: 2, maxRetryTime: 1000 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      if (!log) return;
      const { message, ...extra } = entry.log;
      const fields = { namespace: entry.namespace, ...extra };
      // A failed collection is reported once by the monitor; kafkajs' per-attempt errors are detail.
      log.debug({ ...fields, kafkaLevel: entry.label }, message);
    },
  });
}
