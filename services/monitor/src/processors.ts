import { changelogTopic, deadLetterTopic, retryTopic } from '@chirp/core';
import type { ClusterSnapshot } from './lag-collector.ts';
import type { TopicWatermarks } from './lag.ts';
import type { TablePartitionState } from './table-state.ts';

/** One partition a group reads: where it is, how far behind, and how fast both ends move. */
export interface ProcessorPartition {
  topic: string;
  partition: number;
  /** The committed offset, or null before the group's first commit there. */
  offset: number | null;
  /** The next offset to be written (the high watermark). */
  high: number;
  /** Messages behind: high − max(committed, low). */
  lag: number;
  /**
   * Seconds behind, estimated as lag ÷ consume rate over the rate window: 0 without lag, null
   * with lag but no progress in the window (stalled, or no window yet).
   */
  lagSeconds: number | null;
  /** Records written to the partition per second (high watermark advance over the window). */
  inputRate: number | null;
  /** Records the group moved past per second (committed offset advance over the window). */
  consumeRate: number | null;
}

export interface ProcessorGroupReport {
  group: string;
  members: number;
  lag: number;
  /** The largest lagSeconds of its partitions; null when any lagging partition has no rate. */
  lagSeconds: number | null;
  inputRate: number | null;
  consumeRate: number | null;
  /** The Kafka topics the group writes (its changelog, and the outputs chirp's processes table lists). */
  outputTopics: string[];
  /** Records per second written to those topics; null when it writes none or no window yet. */
  outputRate: number | null;
  /** Records kept in `<group>.retry` and `<group>.dlq` (high − low summed), null when the topic does not exist. */
  retryRecords: number | null;
  deadLetterRecords: number | null;
  /** A stateful group's table (`<group>-table`) with each partition's recovery state, as its members report it. */
  table: { topic: string; partitions: TablePartitionState[] } | null;
  partitions: ProcessorPartition[];
}

/** The body of GET /processors.json (the API serves it at /api/monitor/processors). */
export interface ProcessorsReport {
  updatedAt: string;
  /** Seconds between the two reads the rates are taken over (0 before there are two). */
  rateWindowSeconds: number;
  groups: ProcessorGroupReport[];
  /** Watermarks of every topic under the prefix (a view's lag is high − its position). */
  topics: TopicWatermarks[];
}

export interface ProcessorsInput {
  now: ClusterSnapshot;
  /** An earlier read, for the rates; undefined on the first. */
  before: ClusterSnapshot | undefined;
  /** Per group (full group id) the topics it writes besides its changelog. */
  outputs: ReadonlyMap<string, readonly string[]>;
  /** Table partitions as the workers' /metrics report them. */
  tables: readonly TablePartitionState[];
}

function highOf(topics: ReadonlyMap<string, TopicWatermarks>, topic: string, partition: number): { low: number; high: number } | undefined {
  return topics.get(topic)?.partitions.find((p) => p.partition === partition);
}

function recordsKept(topic: TopicWatermarks | undefined): number | null {
  return topic ? topic.partitions.reduce((sum, p) => sum + (p.high - p.low), 0) : null;
}

function totalHigh(topic: TopicWatermarks | undefined): number | undefined {
  return topic?.partitions.reduce((sum, p) => sum + p.high, 0);
}

function sumOrNull(values: (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

function perSecond(now: number, before: number | undefined, seconds: number): number | null {
  if (before === undefined || seconds <= 0) return null;
  return Math.max(0, now - before) / seconds;
}

/**
 * goka's monitor figures for every consumer group under the prefix, from two reads of the cluster
 * (offsets, watermarks) and the workers' table gauges. Pure: the monitor keeps the reads.
 */
export function processorsReport({ now, before, outputs, tables }: ProcessorsInput): ProcessorsReport {
  const seconds = before ? (now.at - before.at) / 1000 : 0;
  const topicsNow = new Map(now.topics.map((t) => [t.topic, t]));
  const topicsBefore = new Map((before?.topics ?? []).map((t) => [t.topic, t]));
  const groupsBefore = new Map((before?.groups ?? []).map((g) => [g.group, g]));

  const groups = now.groups.map((g): ProcessorGroupReport => {
    const previous = groupsBefore.get(g.group);
    const partitions = g.partitions.map((p): ProcessorPartition => {
      const marks = highOf(topicsNow, p.topic, p.partition) ?? { low: 0, high: p.lag };
      const marksBefore = highOf(topicsBefore, p.topic, p.partition);
      const prev = previous?.partitions.find((q) => q.topic === p.topic && q.partition === p.partition);
      // Without a commit the group is at the oldest kept offset (partitionLag's rule).
      const position = Math.max(p.currentOffset ?? marks.low, marks.low);
      const positionBefore = prev && marksBefore ? Math.max(prev.currentOffset ?? marksBefore.low, marksBefore.low) : undefined;
      const consumeRate = perSecond(position, positionBefore, seconds);
      const inputRate = perSecond(marks.high, marksBefore?.high, seconds);
      const lagSeconds = p.lag === 0 ? 0 : consumeRate ? p.lag / consumeRate : null;
      return { topic: p.topic, partition: p.partition, offset: p.currentOffset, high: marks.high, lag: p.lag, lagSeconds, inputRate, consumeRate };
    });
    const changelog = changelogTopic(g.group);
    const outputTopics = [...(topicsNow.has(changelog) ? [changelog] : []), ...(outputs.get(g.group) ?? []).filter((t) => topicsNow.has(t))];
    const outputRate =
      outputTopics.length === 0
        ? null
        : sumOrNull(outputTopics.map((t) => perSecond(totalHigh(topicsNow.get(t)) ?? 0, totalHigh(topicsBefore.get(t)), seconds)));
    const lagging = partitions.filter((p) => p.lag > 0);
    const tablePartitions = tables.filter((t) => t.group === g.group).sort((a, b) => a.partition - b.partition);
    return {
      group: g.group,
      members: g.members,
      lag: g.lag,
      lagSeconds: lagging.some((p) => p.lagSeconds === null) ? null : Math.max(0, ...lagging.map((p) => p.lagSeconds ?? 0)),
      inputRate: sumOrNull(partitions.map((p) => p.inputRate)),
      consumeRate: sumOrNull(partitions.map((p) => p.consumeRate)),
      outputTopics,
      outputRate,
      retryRecords: recordsKept(topicsNow.get(retryTopic(g.group))),
      deadLetterRecords: recordsKept(topicsNow.get(deadLetterTopic(g.group))),
      table: topicsNow.has(changelog) || tablePartitions.length > 0 ? { topic: changelog, partitions: tablePartitions } : null,
      partitions,
    };
  });
  return { updatedAt: new Date(now.at).toISOString(), rateWindowSeconds: seconds, groups, topics: now.topics };
}

/**
 * The reads the rates are taken over: every read is kept for `windowMs`, and a report compares the
 * newest with the oldest kept (so a rate covers about one window, not one jittery interval).
 */
export class SnapshotWindow {
  private readonly reads: ClusterSnapshot[] = [];

  constructor(private readonly windowMs: number) {}

  add(snapshot: ClusterSnapshot): void {
    this.reads.push(snapshot);
    while (this.reads.length > 2 && snapshot.at - this.reads[1]!.at >= this.windowMs) this.reads.shift();
  }

  newest(): ClusterSnapshot | undefined {
    return this.reads.at(-1);
  }

  oldest(): ClusterSnapshot | undefined {
    return this.reads.length > 1 ? this.reads[0] : undefined;
  }
}
