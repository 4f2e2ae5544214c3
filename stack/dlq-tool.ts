import type { Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopic, retryTopic } from '@chirp/core';
import { createProducer, HEADER, headerString, highWatermarks, PartitionReader, REPLAYED_FROM } from '@chirp/streams';
import type { Logger } from '@chirp/telemetry';

/** One dead letter as an operator reads it. */
export interface DeadLetter {
  partition: number;
  offset: string;
  key: string | null;
  originalTopic: string;
  originalPartition: string;
  originalOffset: string;
  errorCode: string;
  error: string;
  value: string;
  /** Already moved back by an earlier replay (its offset is below the replay group's commit). */
  replayed: boolean;
}

export interface DlqOptions {
  kafka: Kafka;
  /** The worker's consumer group id, e.g. `twitter.fanout`. */
  groupId: string;
  logger: Logger;
}

/**
 * The replay position is the DLQ's own consumer offsets, committed in this group after each replay:
 * a dead letter below them was moved back already, so replaying twice moves nothing the second time.
 */
export function replayGroupId(groupId: string): string {
  return `${groupId}.dlq-replay`;
}

async function replayedUpTo(kafka: Kafka, groupId: string, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: replayGroupId(groupId), topics: [topic] });
    return new Map((offsets?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset === '-1' ? 0 : p.offset)]));
  } finally {
    await admin.disconnect();
  }
}

/** Every message of the DLQ up to the high watermarks it has now, in offset order per partition. */
async function readAll(o: DlqOptions, topic: string): Promise<Map<number, KafkaMessage[]>> {
  const out = new Map<number, KafkaMessage[]>();
  const marks = await highWatermarks(o.kafka, topic);
  if ([...marks.values()].every((m) => m.low === m.high)) return out;
  const reader = new PartitionReader({
    kafka: o.kafka,
    topic,
    mode: 'catch-up',
    logger: o.logger,
    onMessages: (partition, messages) =>
      void out.set(partition, [...(out.get(partition) ?? []), ...messages.filter((m) => BigInt(m.offset) < reader.target(partition))]),
  });
  await reader.start();
  await reader.caughtUp();
  await reader.close();
  return out;
}

export async function listDeadLetters(o: DlqOptions): Promise<DeadLetter[]> {
  const topic = deadLetterTopic(o.groupId);
  const [messages, done] = await Promise.all([readAll(o, topic), replayedUpTo(o.kafka, o.groupId, topic)]);
  const out: DeadLetter[] = [];
  for (const [partition, list] of [...messages].sort(([a], [b]) => a - b)) {
    for (const m of list) {
      out.push({
        partition,
        offset: m.offset,
        key: m.key?.toString('utf8') ?? null,
        originalTopic: headerString(m.headers, HEADER.originalTopic) ?? '',
        originalPartition: headerString(m.headers, HEADER.originalPartition) ?? '',
        originalOffset: headerString(m.headers, HEADER.originalOffset) ?? '',
        errorCode: headerString(m.headers, HEADER.errorCode) ?? '',
        error: headerString(m.headers, HEADER.error) ?? '',
        value: m.value?.toString('utf8') ?? '',
        replayed: BigInt(m.offset) < (done.get(partition) ?? 0n),
      });
    }
  }
  return out;
}

/**
 * Moves the dead letters not replayed yet back to the group's own retry topic (never the shared
 * input topic: only this group sees them again), due now and with every retry round available
 * again, then commits the DLQ offsets of the replay group. A crash between the two replays those
 * messages once more, which the group's idempotent handlers absorb.
 */
export async function replayDeadLetters(o: DlqOptions): Promise<{ replayed: number; skipped: number }> {
  const topic = deadLetterTopic(o.groupId);
  const [messages, done] = await Promise.all([readAll(o, topic), replayedUpTo(o.kafka, o.groupId, topic)]);
  const producer = createProducer(o.kafka);
  await producer.connect();
  let replayed = 0;
  let skipped = 0;
  const commits: { partition: number; offset: string }[] = [];
  try {
    for (const [partition, list] of messages) {
      const fresh = list.filter((m) => BigInt(m.offset) >= (done.get(partition) ?? 0n));
      skipped += list.length - fresh.length;
      if (fresh.length === 0) continue;
      await producer.send({
        topic: retryTopic(o.groupId),
        acks: -1,
        messages: fresh.map((m) => ({
          key: m.key,
          value: m.value,
          headers: { ...stringHeaders(m), [HEADER.round]: '0', [HEADER.notBefore]: String(Date.now()), [REPLAYED_FROM]: `${topic}/${partition}/${m.offset}` },
        })),
      });
      replayed += fresh.length;
      commits.push({ partition, offset: (BigInt(fresh.at(-1)!.offset) + 1n).toString() });
    }
  } finally {
    await producer.disconnect();
  }
  if (commits.length > 0) {
    const admin = o.kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: replayGroupId(o.groupId), topic, partitions: commits });
    } finally {
      await admin.disconnect();
    }
  }
  return { replayed, skipped };
}

function stringHeaders(m: KafkaMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(m.headers ?? {})) {
    const v = headerString(m.headers, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
