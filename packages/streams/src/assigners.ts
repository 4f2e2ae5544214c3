import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

function encode(assignment: Record<string, number[]>): Buffer {
  return AssignerProtocol.MemberAssignment.encode({ version: 0, assignment, userData: Buffer.alloc(0) });
}

function metadata(topics: string[]): Buffer {
  return AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) });
}

/**
 * Partition p of every subscribed topic goes to the same member (goka's and Kafka Streams'
 * co-partitioning): a stateful group's input p, its retry topic p and its table partition p stay
 * together, so the one member that owns a key's state also gets that key's retried messages.
 */
export function copartitionedAssigner(): PartitionAssigner {
  return ({ cluster }) => ({
    name: 'ChirpCopartitioned',
    version: 0,
    async assign({ members, topics }) {
      const ids = members.map((m) => m.memberId).sort();
      const plan = new Map<string, Record<string, number[]>>(ids.map((id) => [id, {}]));
      for (const topic of topics) {
        for (const { partitionId } of cluster.findTopicPartitionMetadata(topic)) {
          const member = plan.get(ids[partitionId % ids.length]!)!;
          (member[topic] ??= []).push(partitionId);
        }
      }
      return ids.map((memberId) => ({ memberId, memberAssignment: encode(plan.get(memberId)!) }));
    },
    protocol({ topics }) {
      return { name: 'ChirpCopartitioned', metadata: metadata(topics) };
    },
  });
}

/**
 * Hands exactly `partitions` of `topic` to the group's (single) member: with a group id of its
 * own, a consumer reads the partitions it is told to, which kafkajs has no `assign()` for.
 */
export function fixedAssigner(topic: string, partitions: readonly number[]): PartitionAssigner {
  return () => ({
    name: 'ChirpFixed',
    version: 0,
    async assign({ members }) {
      return members.map((m, i) => ({ memberId: m.memberId, memberAssignment: encode(i === 0 ? { [topic]: [...partitions] } : {}) }));
    },
    protocol({ topics }) {
      return { name: 'ChirpFixed', metadata: metadata(topics) };
    },
  });
}
