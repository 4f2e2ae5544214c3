import type { ClusterSnapshot } from './lag-collector.ts';
import type { StageLatency } from './latency-tracker.ts';

/** The body of GET /lag.json, which the API proxies at /api/pipeline for the web app. */
export interface LagReport {
  updatedAt: string;
  groups: { group: string; lag: number; partitions: { topic: string; partition: number; lag: number }[] }[];
  latency: StageLatency[];
}

export function lagReport(snapshot: ClusterSnapshot, latency: readonly StageLatency[]): LagReport {
  return {
    updatedAt: new Date(snapshot.at).toISOString(),
    groups: snapshot.groups.map((g) => ({
      group: g.group,
      lag: g.lag,
      partitions: g.partitions.map((p) => ({ topic: p.topic, partition: p.partition, lag: p.lag })),
    })),
    latency: latency.map((l) => ({ ...l })),
  };
}
