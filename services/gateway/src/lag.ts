import type { GatewayPositionStore } from '@chirp/store';
import { resumeVersion } from './positions.ts';
import type { TopicCatalog } from './topic-catalog.ts';

export interface GatewayGroupLag {
  topic: string;
  group: string;
  /** The version whose positions are reported (the newest that acked), null before any ack. */
  version: number | null;
  /** Records after the group's position (or the whole partition before any ack), summed over partitions. */
  lag: number;
  partitions: { partition: number; position: number | null; end: number | null; lag: number }[];
}

/** Lag of every gateway group: the gateway's `/lag.json`, which the API adds to `/api/pipeline`. */
export async function gatewayLag(positions: GatewayPositionStore, catalog: TopicCatalog): Promise<GatewayGroupLag[]> {
  const groups = await positions.groups();
  const marksByTopic = new Map<string, Awaited<ReturnType<TopicCatalog['watermarks']>>>();
  const result: GatewayGroupLag[] = [];
  for (const { topic, group } of groups.sort((a, b) => a.topic.localeCompare(b.topic) || a.group.localeCompare(b.group))) {
    let marks = marksByTopic.get(topic);
    if (!marks) marksByTopic.set(topic, (marks = await catalog.watermarks(topic)));
    const all = await positions.positions(topic, group);
    const version = resumeVersion(all, 0);
    const acked = version === undefined ? new Map<number, bigint>() : (all.get(version) ?? new Map<number, bigint>());
    const partitions = [...marks].map(([partition, m]) => {
      const position = acked.get(partition);
      const from = position === undefined ? m.low : position + 1n;
      const lag = m.high > from ? Number(m.high - from) : 0;
      return { partition, position: position === undefined ? null : Number(position), end: m.high > 0n ? Number(m.high - 1n) : null, lag };
    });
    result.push({ topic, group, version: version ?? null, lag: partitions.reduce((s, p) => s + p.lag, 0), partitions });
  }
  return result;
}
