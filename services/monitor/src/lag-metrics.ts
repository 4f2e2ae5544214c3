import { Counter, Gauge, type Registry } from '@chirp/telemetry';
import { topicTotals } from './lag.ts';
import type { ClusterSnapshot } from './lag-collector.ts';

type Labels = Record<string, string | number>;

interface Family {
  name: string;
  help: string;
  labelNames: string[];
  samples(snapshot: ClusterSnapshot): [Labels, number][];
}

/** kafka_exporter's names and labels, so its dashboards and alerts work unchanged. */
const FAMILIES: Family[] = [
  {
    name: 'kafka_brokers',
    help: 'Number of brokers in the Kafka cluster',
    labelNames: [],
    samples: (s) => [[{}, s.brokers]],
  },
  {
    name: 'kafka_topic_partitions',
    help: 'Number of partitions of a topic',
    labelNames: ['topic'],
    samples: (s) => s.topics.map((t) => [{ topic: t.topic }, t.partitions.length]),
  },
  {
    name: 'kafka_topic_partition_current_offset',
    help: 'High watermark (next offset to be written) of a partition',
    labelNames: ['topic', 'partition'],
    samples: (s) => s.topics.flatMap((t) => t.partitions.map((p): [Labels, number] => [{ topic: t.topic, partition: p.partition }, p.high])),
  },
  {
    name: 'kafka_topic_partition_oldest_offset',
    help: 'Oldest offset still kept on a partition',
    labelNames: ['topic', 'partition'],
    samples: (s) => s.topics.flatMap((t) => t.partitions.map((p): [Labels, number] => [{ topic: t.topic, partition: p.partition }, p.low])),
  },
  {
    name: 'kafka_consumergroup_current_offset',
    help: 'Committed offset of a consumer group on a partition (partitions without a commit are absent)',
    labelNames: ['consumergroup', 'topic', 'partition'],
    samples: (s) =>
      s.groups.flatMap((g) =>
        g.partitions.flatMap((p): [Labels, number][] =>
          p.currentOffset === null ? [] : [[{ consumergroup: g.group, topic: p.topic, partition: p.partition }, p.currentOffset]],
        ),
      ),
  },
  {
    name: 'kafka_consumergroup_current_offset_sum',
    help: 'Sum of a consumer group committed offsets over the partitions of a topic',
    labelNames: ['consumergroup', 'topic'],
    samples: (s) =>
      s.groups.flatMap((g) =>
        topicTotals(g).flatMap((t): [Labels, number][] => (t.currentOffset === null ? [] : [[{ consumergroup: g.group, topic: t.topic }, t.currentOffset]])),
      ),
  },
  {
    name: 'kafka_consumergroup_lag',
    help: 'Messages a consumer group has still to read on a partition (the whole retained log when it never committed)',
    labelNames: ['consumergroup', 'topic', 'partition'],
    samples: (s) =>
      s.groups.flatMap((g) => g.partitions.map((p): [Labels, number] => [{ consumergroup: g.group, topic: p.topic, partition: p.partition }, p.lag])),
  },
  {
    name: 'kafka_consumergroup_lag_sum',
    help: 'Lag of a consumer group summed over the partitions of a topic',
    labelNames: ['consumergroup', 'topic'],
    samples: (s) => s.groups.flatMap((g) => topicTotals(g).map((t): [Labels, number] => [{ consumergroup: g.group, topic: t.topic }, t.lag])),
  },
  {
    name: 'kafka_consumergroup_members',
    help: 'Members of a consumer group (0 when its workers are all down)',
    labelNames: ['consumergroup'],
    samples: (s) => s.groups.map((g): [Labels, number] => [{ consumergroup: g.group }, g.members]),
  },
];

export interface MonitorSelfMetrics {
  errors: Counter<'source'>;
  lastSuccess: Gauge<never>;
}

/**
 * Registers the lag families. Each is rebuilt from `current()` at every scrape, so a partition,
 * topic or group that vanished from the cluster vanishes from /metrics too; when `current()` has
 * nothing (no fresh read of the cluster) the families are empty rather than stale.
 */
export function registerLagMetrics(registry: Registry, current: () => ClusterSnapshot | undefined): MonitorSelfMetrics {
  for (const family of FAMILIES) {
    new Gauge({
      name: family.name,
      help: family.help,
      labelNames: family.labelNames,
      registers: [registry],
      collect(this: Gauge) {
        this.reset();
        const snapshot = current();
        if (!snapshot) return;
        for (const [labels, value] of family.samples(snapshot)) this.set(labels, value);
      },
    });
  }
  return {
    errors: new Counter({
      name: 'chirp_monitor_errors_total',
      help: 'Failed reads by the lag monitor, by source (kafka, scrape)',
      labelNames: ['source'],
      registers: [registry],
    }),
    lastSuccess: new Gauge({
      name: 'chirp_monitor_last_success_timestamp_seconds',
      help: 'When the lag monitor last read the cluster successfully',
      registers: [registry],
    }),
  };
}
