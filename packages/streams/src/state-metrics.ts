import { Counter, Gauge, Histogram, type Registry } from '@chirp/telemetry';

/** Metrics of group tables and stateful processing, by group (a small fixed set, never a key). */
export interface StateMetrics {
  partitions: Gauge<'group'>;
  restoreDuration: Histogram<'group'>;
  restoredRecords: Counter<'group'>;
  duplicates: Counter<'group'>;
  viewRecords: Counter<'topic'>;
  /** Per held partition (a partition is a small fixed set, never a key): 0 while restoring, 1 once running. */
  partitionRunning: Gauge<'group' | 'partition'>;
  /** Changelog records read by the partition's latest restore (rising while it runs). */
  partitionRestoreRecords: Gauge<'group' | 'partition'>;
  /** Seconds the partition's latest restore took (rising while it runs). */
  partitionRestoreSeconds: Gauge<'group' | 'partition'>;
}

const cache = new WeakMap<Registry, StateMetrics>();

export function stateMetrics(registry: Registry): StateMetrics {
  let m = cache.get(registry);
  if (!m) {
    m = {
      partitions: new Gauge({
        name: 'chirp_table_partitions',
        help: 'Group table partitions this instance holds',
        labelNames: ['group'],
        registers: [registry],
      }),
      restoreDuration: new Histogram({
        name: 'chirp_table_restore_duration_seconds',
        help: 'Time to restore one table partition from its changelog',
        labelNames: ['group'],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        registers: [registry],
      }),
      restoredRecords: new Counter({
        name: 'chirp_table_restored_records_total',
        help: 'Changelog records read while restoring',
        labelNames: ['group'],
        registers: [registry],
      }),
      duplicates: new Counter({
        name: 'chirp_state_duplicates_total',
        help: 'Redelivered messages a table had already applied (skipped)',
        labelNames: ['group'],
        registers: [registry],
      }),
      viewRecords: new Counter({ name: 'chirp_view_records_total', help: 'Records applied to a view', labelNames: ['topic'], registers: [registry] }),
      partitionRunning: new Gauge({
        name: 'chirp_table_partition_running',
        help: 'A held group table partition: 0 while it restores from its changelog, 1 once it runs',
        labelNames: ['group', 'partition'],
        registers: [registry],
      }),
      partitionRestoreRecords: new Gauge({
        name: 'chirp_table_partition_restore_records',
        help: "Changelog records read by the partition's latest restore",
        labelNames: ['group', 'partition'],
        registers: [registry],
      }),
      partitionRestoreSeconds: new Gauge({
        name: 'chirp_table_partition_restore_seconds',
        help: "Duration of the partition's latest restore (so far, while it runs)",
        labelNames: ['group', 'partition'],
        registers: [registry],
      }),
    };
    cache.set(registry, m);
  }
  return m;
}
