import { Counter, Gauge, Histogram, type Registry } from '@chirp/telemetry';

/** Metrics of group tables and stateful processing, by group (a small fixed set, never a key). */
export interface StateMetrics {
  partitions: Gauge<'group'>;
  restoreDuration: Histogram<'group'>;
  restoredRecords: Counter<'group'>;
  duplicates: Counter<'group'>;
  viewRecords: Counter<'topic'>;
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
    };
    cache.set(registry, m);
  }
  return m;
}
