/** Offsets of one partition: the oldest still kept (low) and the next to be written (high). */
export interface PartitionWatermarks {
  partition: number;
  low: number;
  high: number;
}

export interface TopicWatermarks {
  topic: string;
  partitions: PartitionWatermarks[];
}

/** A group's committed offsets: topic → partition → offset. Partitions without a commit are absent. */
export type CommittedOffsets = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** What the cluster says about one consumer group. */
export interface GroupState {
  group: string;
  members: number;
  committed: CommittedOffsets;
  /** Topics assigned to live members: a group that has not committed yet still consumes them. */
  assignedTopics: readonly string[];
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
  /** The committed offset, or null when the group never committed on this partition. */
  currentOffset: number | null;
}

export interface GroupLag {
  group: string;
  members: number;
  lag: number;
  partitions: PartitionLag[];
}

/**
 * Messages the group still has to read on one partition. Without a commit the group starts at the
 * oldest kept offset (our processors read from the beginning), so the whole retained log is lag; a
 * commit below the oldest kept offset is reset to it as well, so deleted messages never count.
 */
export function partitionLag(watermarks: PartitionWatermarks, committed: number | null): number {
  const position = committed === null ? watermarks.low : Math.max(committed, watermarks.low);
  return Math.max(0, watermarks.high - position);
}

/**
 * Lag on every partition of every topic the group has committed on or is assigned. Topics missing
 * from `watermarks` (outside the prefix, or deleted) are left out.
 */
export function groupLag(state: GroupState, watermarks: ReadonlyMap<string, TopicWatermarks>): GroupLag {
  const topics = [...new Set([...state.committed.keys(), ...state.assignedTopics])].sort();
  const partitions: PartitionLag[] = [];
  for (const topic of topics) {
    const topicMarks = watermarks.get(topic);
    if (!topicMarks) continue;
    const commits = state.committed.get(topic);
    for (const marks of topicMarks.partitions) {
      const committed = commits?.get(marks.partition) ?? null;
      partitions.push({ topic, partition: marks.partition, lag: partitionLag(marks, committed), currentOffset: committed });
    }
  }
  return { group: state.group, members: state.members, lag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
}

/** Per topic totals of a group, as kafka_exporter's `_sum` series. Offset sum only over committed partitions. */
export function topicTotals(group: GroupLag): { topic: string; lag: number; currentOffset: number | null }[] {
  const totals = new Map<string, { topic: string; lag: number; currentOffset: number | null }>();
  for (const p of group.partitions) {
    let t = totals.get(p.topic);
    if (!t) totals.set(p.topic, (t = { topic: p.topic, lag: 0, currentOffset: null }));
    t.lag += p.lag;
    if (p.currentOffset !== null) t.currentOffset = (t.currentOffset ?? 0) + p.currentOffset;
  }
  return [...totals.values()];
}
