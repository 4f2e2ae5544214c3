import { Counter, Histogram, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** A registry of one process's own: default process metrics, every series labelled with `service`. */
export function createRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Metrics every processor reports, by consumer group and topic (small fixed sets, never ids). */
export interface ProcessorMetrics {
  consumed: Counter<'group' | 'topic'>;
  succeeded: Counter<'group' | 'topic'>;
  failed: Counter<'group' | 'topic'>;
  retried: Counter<'group' | 'topic'>;
  deadLettered: Counter<'group' | 'topic'>;
  handlerDuration: Histogram<'group' | 'topic'>;
  kafkaErrors: Counter<'kind'>;
  /** Partitions paused by the failure policy, by reason (dependency, backoff, retry-delay). */
  pausedPartitions: Gauge<'group' | 'reason'>;
}

const cache = new WeakMap<Registry, ProcessorMetrics>();

export function processorMetrics(registry: Registry): ProcessorMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const labelNames = ['group', 'topic'] as const;
  const m: ProcessorMetrics = {
    consumed: new Counter({ name: 'chirp_messages_consumed_total', help: 'Messages fetched by a consumer group', labelNames, registers: [registry] }),
    succeeded: new Counter({ name: 'chirp_messages_succeeded_total', help: 'Messages handled successfully', labelNames, registers: [registry] }),
    failed: new Counter({ name: 'chirp_messages_failed_total', help: 'Handler attempts that threw', labelNames, registers: [registry] }),
    retried: new Counter({ name: 'chirp_messages_retried_total', help: 'Messages sent to the group retry topic', labelNames, registers: [registry] }),
    deadLettered: new Counter({
      name: 'chirp_messages_dead_lettered_total',
      help: 'Messages sent to the group dead-letter topic',
      labelNames,
      registers: [registry],
    }),
    handlerDuration: new Histogram({
      name: 'chirp_handler_duration_seconds',
      help: 'Handler duration per message',
      labelNames,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    kafkaErrors: new Counter({ name: 'chirp_kafka_errors_total', help: 'Kafka client errors by kind', labelNames: ['kind'], registers: [registry] }),
    pausedPartitions: new Gauge({
      name: 'chirp_processor_paused_partitions',
      help: 'Partitions paused by the failure policy, by reason',
      labelNames: ['group', 'reason'],
      registers: [registry],
    }),
  };
  cache.set(registry, m);
  return m;
}

export type Stage = 'saved' | 'fanned_out' | 'tagged' | 'analysed' | 'graph_applied';

const e2eCache = new WeakMap<Registry, Histogram<'stage'>>();
/** Time from a tweet's (or click's) creation to a stage being done: the article's lag metric. */
export function e2eLatency(registry: Registry): Histogram<'stage'> {
  let h = e2eCache.get(registry);
  if (!h) {
    h = new Histogram({
      name: 'chirp_e2e_latency_seconds',
      help: 'End-to-end latency from creation to a pipeline stage',
      labelNames: ['stage'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
    e2eCache.set(registry, h);
  }
  return h;
}

const redisCache = new WeakMap<Registry, Counter<'kind'>>();
export function redisErrors(registry: Registry): Counter<'kind'> {
  let c = redisCache.get(registry);
  if (!c) {
    c = new Counter({ name: 'chirp_redis_errors_total', help: 'Redis client errors', labelNames: ['kind'], registers: [registry] });
    redisCache.set(registry, c);
  }
  return c;
}

export { Counter, Gauge, Histogram, Registry };
