import type { Kafka } from 'kafkajs';
import { ChirpError } from '@chirp/core';
import type { Logger, Registry } from '@chirp/telemetry';
import { LagCollector, type ClusterSnapshot } from './lag-collector.ts';
import { lagReport, type LagReport } from './lag-report.ts';
import { registerLagMetrics, type MonitorSelfMetrics } from './lag-metrics.ts';
import { LatencyTracker, type StageLatency } from './latency-tracker.ts';
import { runEvery } from './loop.ts';
import { processorsReport, SnapshotWindow, type ProcessorsReport } from './processors.ts';
import { TableStateReader, type TablePartitionState } from './table-state.ts';

export interface LagMonitorOptions {
  kafka: Kafka;
  /** Topics and groups under this prefix are watched. */
  prefix: string;
  intervalMs: number;
  /** Workers' /metrics URLs for the end-to-end latency. */
  scrapeTargets: readonly string[];
  registry: Registry;
  logger: Logger;
  /** A read older than this is no longer exported as current. Default: three intervals, at least 15 s. */
  staleAfterMs?: number;
  /** Per group id the Kafka topics it writes besides its changelog (the processors page's output rate). */
  groupOutputs?: ReadonlyMap<string, readonly string[]>;
  /** The span the processors page's rates cover. Default: two intervals, at least 10 s. */
  rateWindowMs?: number;
}

/** fetch's own message is "fetch failed"; the cause says why (ECONNREFUSED, timeout). */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/**
 * Every interval: one read of the cluster's lag and one scrape of the workers' latency, side by
 * side. The last read backs /metrics (while fresh) and /lag.json (with its time, however old).
 */
export class LagMonitor {
  private readonly collector: LagCollector;
  private readonly latencyTracker: LatencyTracker;
  private readonly metrics: MonitorSelfMetrics;
  private readonly staleAfterMs: number;
  private readonly abort = new AbortController();
  private snapshot: ClusterSnapshot | undefined;
  private latency: StageLatency[] = [];
  private readonly window: SnapshotWindow;
  private readonly tableReader: TableStateReader;
  private tables: TablePartitionState[] = [];
  private kafkaFailing = false;
  private readonly downTargets = new Set<string>();
  private loop: Promise<void> | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: LagMonitorOptions) {
    if (!Number.isInteger(options.intervalMs) || options.intervalMs < 1)
      throw new ChirpError('CONFIG', `intervalMs must be a positive integer, got ${options.intervalMs}`);
    this.collector = new LagCollector({ kafka: options.kafka, prefix: options.prefix });
    this.latencyTracker = new LatencyTracker({ targets: options.scrapeTargets, timeoutMs: Math.min(options.intervalMs, 2000) });
    this.staleAfterMs = options.staleAfterMs ?? Math.max(3 * options.intervalMs, 15_000);
    this.window = new SnapshotWindow(options.rateWindowMs ?? Math.max(2 * options.intervalMs, 10_000));
    this.tableReader = new TableStateReader({ targets: options.scrapeTargets, timeoutMs: Math.min(options.intervalMs, 2000) });
    this.metrics = registerLagMetrics(options.registry, () => this.current());
  }

  start(): void {
    this.loop ??= runEvery(
      this.options.intervalMs,
      this.abort.signal,
      (signal) => this.tick(signal),
      (error) => this.options.logger.error({ err: error }, 'monitor tick failed'),
    );
  }

  /** The last read of the cluster while it is fresh; undefined before the first or when stale. */
  current(): ClusterSnapshot | undefined {
    return this.snapshot && Date.now() - this.snapshot.at <= this.staleAfterMs ? this.snapshot : undefined;
  }

  /** Ready once the cluster was read recently. */
  ready(): boolean {
    return this.current() !== undefined;
  }

  /** The /lag.json body: the last read, even a stale one (its updatedAt says so); undefined before the first. */
  report(): LagReport | undefined {
    return this.snapshot ? lagReport(this.snapshot, this.latency) : undefined;
  }

  /** The /processors.json body: per group offsets, lag in messages and seconds, rates, retry/DLQ, table state. */
  processors(): ProcessorsReport | undefined {
    const now = this.window.newest();
    return now ? processorsReport({ now, before: this.window.oldest(), outputs: this.options.groupOutputs ?? new Map(), tables: this.tables }) : undefined;
  }

  private async tick(signal: AbortSignal): Promise<void> {
    await Promise.all([this.readLag(), this.readLatency(signal), this.readTables(signal)]);
  }

  private async readTables(signal: AbortSignal): Promise<void> {
    this.tables = await this.tableReader.read(signal);
  }

  private async readLag(): Promise<void> {
    try {
      this.snapshot = await this.collector.collect();
      this.window.add(this.snapshot);
      this.metrics.lastSuccess.set(this.snapshot.at / 1000);
      if (this.kafkaFailing) this.options.logger.info('reading the cluster again');
      this.kafkaFailing = false;
    } catch (error) {
      this.metrics.errors.inc({ source: 'kafka' });
      // Once per outage, not once per interval.
      if (!this.kafkaFailing) this.options.logger.warn({ err: error }, 'cannot read consumer lag from Kafka; retrying every interval');
      this.kafkaFailing = true;
    }
  }

  private async readLatency(signal: AbortSignal): Promise<void> {
    const { latency, failures } = await this.latencyTracker.sample(signal);
    this.latency = latency;
    const failed = new Set(failures.map((f) => f.target));
    for (const f of failures) {
      this.metrics.errors.inc({ source: 'scrape' });
      if (!this.downTargets.has(f.target)) this.options.logger.warn({ target: f.target, reason: reason(f.error) }, 'latency target does not answer');
      this.downTargets.add(f.target);
    }
    for (const target of this.downTargets) {
      if (failed.has(target)) continue;
      this.downTargets.delete(target);
      this.options.logger.info({ target }, 'latency target answers again');
    }
  }

  /** Stops the loop; a read in flight finishes first. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      await this.loop;
    })();
    return this.closing;
  }
}
