import type { Kafka } from 'kafkajs';
import type { Logger } from '@chirp/telemetry';

/**
 * Where a group starts on a partition it has no committed offset for (defect 11 of issue 11).
 *
 * Kafka forgets an idle group's offsets after `offsets.retention.minutes`, and kafkajs' answer to
 * "no offset" is the earliest one: a group idle too long would replay all of `twitter.newTweets`
 * (kept forever), while the idempotency markers that make a replay harmless live 7 days. So a
 * partition without a committed offset starts at the first message of the last `windowMs` (the
 * idempotency window), found by offsets-by-timestamp, and that offset is committed for the group
 * before it joins. Only an explicit `fromBeginning` (a rebuild into an empty Redis) reads all history.
 *
 * The commit needs the group to have no live member; when another instance is already running it
 * has started (or will start) the group itself, so a refusal is logged and ignored.
 */
export async function commitWindowStart(kafka: Kafka, groupId: string, topics: readonly string[], windowMs: number, log: Logger): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      const missing = new Set(partitions.filter((p) => Number(p.offset) < 0).map((p) => p.partition));
      if (missing.size === 0) continue;
      const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - windowMs);
      const start = byTime.filter((p) => missing.has(p.partition)).map((p) => ({ partition: p.partition, offset: p.offset }));
      try {
        await admin.setOffsets({ groupId, topic, partitions: start });
        if (start.some((p) => Number(p.offset) > 0)) log.info({ topic, start, windowMs }, 'no committed offset: starting at the idempotency window');
      } catch (error) {
        log.info({ err: error, topic }, 'start offsets not set: another member of the group is running');
      }
    }
  } finally {
    await admin.disconnect();
  }
}
