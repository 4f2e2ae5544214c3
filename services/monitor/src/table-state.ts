import { parseSamples } from '@chirp/telemetry';

/** What packages/streams' group table exports per held partition (state-metrics.ts). */
const RUNNING = 'chirp_table_partition_running';
const RECORDS = 'chirp_table_partition_restore_records';
const SECONDS = 'chirp_table_partition_restore_seconds';

/** One table partition as the member holding it reports it. */
export interface TablePartitionState {
  group: string;
  partition: number;
  state: 'recovering' | 'running';
  /** Changelog records read by its latest restore (so far, while recovering). */
  restoredRecords: number;
  /** Duration of its latest restore (so far, while recovering). */
  restoreSeconds: number;
  /** restoredRecords ÷ restoreSeconds; null for a restore that took no measurable time. */
  restoreRate: number | null;
  /** The /metrics URL it was read from (the member holding it). */
  source: string;
}

/** The table partitions one worker's /metrics text reports. */
export function tablePartitions(text: string, source: string): TablePartitionState[] {
  const byKey = new Map<string, { group: string; partition: number; running?: number; records?: number; seconds?: number }>();
  for (const s of parseSamples(text, (name) => name === RUNNING || name === RECORDS || name === SECONDS)) {
    const group = s.labels.group;
    const partition = Number(s.labels.partition);
    if (group === undefined || !Number.isInteger(partition)) continue;
    const key = `${group}\u0000${partition}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { group, partition }));
    if (s.name === RUNNING) entry.running = s.value;
    else if (s.name === RECORDS) entry.records = s.value;
    else entry.seconds = s.value;
  }
  return [...byKey.values()]
    .filter((e) => e.running !== undefined)
    .map((e) => {
      const restoredRecords = e.records ?? 0;
      const restoreSeconds = e.seconds ?? 0;
      return {
        group: e.group,
        partition: e.partition,
        state: e.running === 1 ? 'running' : 'recovering',
        restoredRecords,
        restoreSeconds,
        restoreRate: restoreSeconds > 0 ? restoredRecords / restoreSeconds : null,
        source,
      };
    });
}

export interface TableStateReaderOptions {
  /** The workers' /metrics URLs (the monitor's scrape targets). */
  targets: readonly string[];
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Reads the group table partitions every worker holds from its /metrics. A target that does not
 * answer is left out of the round (the latency scrape already logs it); its partitions show again
 * with its next answer, or under the member that took them over.
 */
export class TableStateReader {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: TableStateReaderOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async read(signal?: AbortSignal): Promise<TablePartitionState[]> {
    const rounds = await Promise.all(
      this.options.targets.map(async (target) => {
        try {
          const timeout = AbortSignal.timeout(this.options.timeoutMs);
          const response = await this.fetch(target, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: 'text/plain' } });
          return response.ok ? tablePartitions(await response.text(), target) : [];
        } catch {
          return [];
        }
      }),
    );
    return rounds.flat();
  }
}
