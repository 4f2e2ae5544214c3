import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { createKafka, createProducer, ProduceBatcher } from '@chirp/streams';
import { startKafkaCluster, type KafkaCluster } from '../kafka-cluster.ts';
import { portOpen, waitFor } from '../wait.ts';

// `npm run test:cluster -- --project cluster stack/test/kafka-leader-move`: a send whose partition's
// leader moved, between the producer's last metadata and the send, to another broker of the same
// request. kafkajs 2.2.4 keeps one response per broker across its retries (sendMessages.js,
// `brokersWithoutResponse`): on the retry the moved partition's new leader already answered for its
// own partitions, so the partition is sent nowhere and the send resolves. An acknowledged message
// that is not in the log is the one thing at-least-once cannot allow.
const BASE = 24092; // below the kernel's ephemeral range; nodes on 24092, 24094, 24096 (+1 controllers)
const dir = mkdtempSync(join(tmpdir(), 'chirp-leader-move-'));
let cluster: KafkaCluster;
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  for (let p = BASE; p < BASE + 6; p++) if (await portOpen(p)) throw new Error(`port ${p} is taken`);
  cluster = await startKafkaCluster({ basePort: BASE, stateDir: dir, logDir: join(dir, 'logs') }, () => {});
  // The admin is its own client: the producer's metadata must stay as it was before the move.
  admin = createKafka({ brokers: cluster.brokers, clientId: 'leader-move-admin' }).admin();
  await admin.connect();
  kafka = createKafka({ brokers: cluster.brokers, clientId: 'leader-move' });
});

afterAll(async () => {
  await admin?.disconnect();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The partitions' high watermarks, read once the admin's own metadata caught up with the move. */
async function highWatermarks(topic: string): Promise<Record<string, number>> {
  let read: Record<string, number> = {};
  await waitFor(async () => {
    const offsets = await admin.fetchTopicOffsets(topic);
    read = Object.fromEntries(offsets.map((o) => [`p${o.partition}`, Number(o.high)]));
    return true;
  }, `${topic}'s high watermarks`);
  return read;
}

/** Partition 0 led by node 1, partition 1 by node 2; then partition 1's leadership moves to node 1. */
async function topicWithMovedLeader(topic: string, producer: Producer): Promise<void> {
  await admin.createTopics({
    waitForLeaders: false,
    topics: [
      {
        topic,
        replicaAssignment: [
          { partition: 0, replicas: [1, 2, 3] },
          { partition: 1, replicas: [2, 3, 1] },
        ],
      },
    ],
  });
  await waitFor(
    async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.every((p) => p.leader === p.replicas[0]),
    `${topic}'s preferred leaders`,
  );
  // One message to each partition: the producer now holds metadata with partition 1 on node 2.
  await producer.send({
    topic,
    acks: -1,
    messages: [
      { partition: 0, value: 'warm-0' },
      { partition: 1, value: 'warm-1' },
    ],
  });
  await admin.alterPartitionReassignments({ topics: [{ topic, partitionAssignment: [{ partition: 1, replicas: [1, 3] }] }] });
  await waitFor(async () => {
    const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    const p1 = meta!.partitions.find((p) => p.partitionId === 1)!;
    const moving = await admin.listPartitionReassignments({ topics: [{ topic, partitions: [1] }] });
    return p1.leader === 1 && moving.topics.length === 0;
  }, `${topic}'s partition 1 led by node 1`);
}

/** Moves `topic`'s partition 1 under a connected producer, sends with it, and reads what was written. */
async function sendAfterMove(topic: string, send: (producer: Producer) => Promise<unknown>): Promise<Record<string, number>> {
  const producer = createProducer(kafka);
  await producer.connect();
  try {
    await topicWithMovedLeader(topic, producer);
    await send(producer);
    return await highWatermarks(topic);
  } finally {
    await producer.disconnect();
  }
}

describe('a partition whose leader moved to a broker of the same request', () => {
  it('send: every acknowledged message is in the log', async () => {
    const written = await sendAfterMove('leader-move-send', (producer) =>
      producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic: 'leader-move-send',
            messages: [
              { partition: 0, value: 'a' },
              { partition: 1, value: 'b' },
            ],
          },
        ],
      }),
    );
    // The retry may write partition 0's message again (at-least-once); partition 1's must be there.
    expect({ p0: written.p0! >= 2, p1: written.p1 }).toEqual({ p0: true, p1: 2 });
  });

  it('through a ProduceBatcher (the API and the tagger): every acknowledged message is in the log', async () => {
    const written = await sendAfterMove('leader-move-batcher', (producer) => {
      const batcher = new ProduceBatcher({ producer });
      return Promise.all([
        batcher.send('leader-move-batcher', [{ partition: 0, value: 'a' }]),
        batcher.send('leader-move-batcher', [{ partition: 1, value: 'b' }]),
      ]);
    });
    // The retry may write partition 0's message again (at-least-once); partition 1's must be there.
    expect({ p0: written.p0! >= 2, p1: written.p1 }).toEqual({ p0: true, p1: 2 });
  });
});
