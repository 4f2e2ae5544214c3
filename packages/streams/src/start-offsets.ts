import type { Kafka } from 'kafkajs';
import { backoffMs, isRetriable, sleep } from '@chirp/core';

/**
 * Where a group starts on a partition it has no committed offset for (defect 11 of issue 11).
 *
 * Kafka forgets an idle group's offsets after `offsets.retention.minutes`, and kafkajs' answer to
 * "no offset" is the earliest one: a group idle too long would replay all of `twitter.newTweets`
 * (kept forever), while the idempotency markers that make a replay harmless live 7 days. So a
 * partition without a committed offset starts at the first message of the last `windowMs` (the
 * idempotency window, found by offsets-by-timestamp): the processor commits past the older
 * messages of its first batches without handling them. Only an explicit `fromBeginning` (a
 * rebuild into an empty Redis) reads all history.
 *
 * Read-only on the group (no admin offset writes, which race with members joining): returns, per
 * `topic|partition` without a committed offset, the first offset inside the window.
 */
export async function windowStartOffsets(kafka: Kafka, groupId: string, topics: readonly string[], windowMs: number): Promise<Map<string, bigint>> {
  // A broker that has just started (or failed over) answers "coordinator not available" / "not the
  // correct coordinator" for a while: retriable, so wait it out instead of failing the worker's start.
  const deadline = Date.now() + 120_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await readWindowStarts(kafka, groupId, topics, windowMs);
    } catch (error) {
      if (!isRetriable(error) || Date.now() > deadline) throw error;
      await sleep(backoffMs(attempt, { baseMs: 200, capMs: 5000 }));
    }
  }
}

async function readWindowStarts(kafka: Kafka, groupId: string, topics: readonly string[], windowMs: number): Promise<Map<string, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const starts = new Map<string, bigint>();
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      const missing = new Set(partitions.filter((p) => Number(p.offset) < 0).map((p) => p.partition));
      if (missing.size === 0) continue;
      for (const p of await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - windowMs)) {
        if (missing.has(p.partition) && BigInt(p.offset) > 0n) starts.set(`${topic}|${p.partition}`, BigInt(p.offset));
      }
    }
    return starts;
  } finally {
    await admin.disconnect();
  }
}
