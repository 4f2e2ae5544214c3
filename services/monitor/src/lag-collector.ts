import { AssignerProtocol, type Admin, type GroupDescription, type Kafka } from 'kafkajs';
import { groupLag, type CommittedOffsets, type GroupLag, type TopicWatermarks } from './lag.ts';

export interface LagCollectorOptions {
  kafka: Kafka;
  /** Only topics and consumer groups whose names start with this are read (the system's TOPIC_PREFIX). */
  prefix: string;
}

/** One read of the cluster, everything under the prefix. */
export interface ClusterSnapshot {
  /** When the read finished (ms since the epoch). */
  at: number;
  brokers: number;
  topics: TopicWatermarks[];
  groups: GroupLag[];
}

function isUnknownTopic(error: unknown): boolean {
  for (let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined; e;) {
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/** Topics assigned to a live consumer member; other protocols' assignments are not ours to decode. */
function assignedTopics(description: GroupDescription | undefined): string[] {
  if (!description || description.protocolType !== 'consumer') return [];
  const topics = new Set<string>();
  for (const member of description.members) {
    try {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      for (const topic of Object.keys(decoded?.assignment ?? {})) topics.add(topic);
    } catch {
      // A member mid-rebalance may carry an empty assignment.
    }
  }
  return [...topics];
}

/**
 * Reads lag through the admin API: groups (listGroups, describeGroups), their committed offsets
 * (fetchOffsets) and every topic's low and high watermarks (fetchTopicOffsets). It reads only what
 * the broker keeps, so the numbers are right while a group's workers are down.
 */
export class LagCollector {
  constructor(private readonly options: LagCollectorOptions) {}

  private owns(name: string): boolean {
    return name.startsWith(this.options.prefix) && !name.startsWith('__');
  }

  /**
   * A fresh admin client per read: kafkajs' admin keeps every topic it was ever asked about in its
   * metadata requests, so one topic deleted under a long-lived client fails every later read.
   */
  async collect(): Promise<ClusterSnapshot> {
    const admin = this.options.kafka.admin();
    try {
      await admin.connect();
      const [cluster, topicNames, listed] = await Promise.all([admin.describeCluster(), admin.listTopics(), admin.listGroups()]);
      const topics = (
        await Promise.all(
          topicNames
            .filter((t) => this.owns(t))
            .sort()
            .map((t) => this.watermarks(admin, t)),
        )
      ).filter((t): t is TopicWatermarks => t !== undefined);
      const marks = new Map(topics.map((t) => [t.topic, t]));
      const groupIds = listed.groups
        .map((g) => g.groupId)
        .filter((g) => this.owns(g))
        .sort();
      const described = groupIds.length > 0 ? (await admin.describeGroups(groupIds)).groups : [];
      const byId = new Map(described.map((d) => [d.groupId, d]));
      const groups = await Promise.all(
        groupIds.map(async (group) => {
          const description = byId.get(group);
          return groupLag(
            {
              group,
              members: description?.members.length ?? 0,
              committed: await this.committedOrLast(admin, group),
              assignedTopics: assignedTopics(description),
            },
            marks,
          );
        }),
      );
      return { at: Date.now(), brokers: cluster.brokers.length, topics, groups };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Undefined when the topic was deleted between listing and reading it. */
  private async watermarks(admin: Admin, topic: string): Promise<TopicWatermarks | undefined> {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return {
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) })).sort((a, b) => a.partition - b.partition),
      };
    } catch (error) {
      if (isUnknownTopic(error)) return undefined;
      throw error;
    }
  }

  private readonly lastCommitted = new Map<string, CommittedOffsets>();

  /**
   * A group whose offsets cannot be read this round (its coordinator is moving, the broker is
   * busy) keeps its last known offsets rather than failing the whole read or vanishing.
   */
  private async committedOrLast(admin: Admin, group: string): Promise<CommittedOffsets> {
    try {
      const committed = await this.committed(admin, group);
      this.lastCommitted.set(group, committed);
      return committed;
    } catch (error) {
      const last = this.lastCommitted.get(group);
      if (!last) throw error;
      return last;
    }
  }

  /** Without a topic list the broker answers every partition the group has committed on. */
  private async committed(admin: Admin, group: string): Promise<CommittedOffsets> {
    const result = new Map<string, Map<number, number>>();
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
      const offsets = new Map<number, number>();
      for (const p of partitions) {
        const offset = Number(p.offset);
        if (offset >= 0) offsets.set(p.partition, offset); // -1: no commit
      }
      if (offsets.size > 0) result.set(topic, offsets);
    }
    return result;
  }
}
