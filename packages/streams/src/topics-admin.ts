import type { Kafka, ITopicConfig } from 'kafkajs';
import type { TopicSpec } from '@chirp/core';

/**
 * Creates the topics that do not exist yet; leaves existing ones alone. Safe to run concurrently:
 * a broker still creating a topic answers with retriable errors (UNKNOWN_TOPIC_OR_PARTITION,
 * LEADER_NOT_AVAILABLE) for a moment, so those are retried with backoff.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[], attempts = 8): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureTopicsOnce(kafka, specs);
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
    }
  }
}

async function ensureTopicsOnce(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = specs
      .filter((s) => !existing.has(s.topic))
      .map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions,
        replicationFactor: -1, // the broker's default.replication.factor
        configEntries: [
          ...(s.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : []),
          ...(s.retentionMs !== undefined ? [{ name: 'retention.ms', value: String(s.retentionMs) }] : []),
        ],
      }));
    if (missing.length > 0) {
      try {
        await admin.createTopics({ topics: missing, waitForLeaders: true });
      } catch (error) {
        // Another process may have created them between list and create.
        if (!String((error as Error).message).includes('already exists')) throw error;
      }
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    if (present.length > 0) await admin.deleteTopics({ topics: present, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Waits until every partition of the topics has a leader. A topic just created answers
 * UNKNOWN_TOPIC_OR_PARTITION for a moment; subscribing then crashes a consumer at start.
 */
export async function waitForTopics(kafka: Kafka, topics: readonly string[], timeoutMs = 30_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: [...topics] });
        if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      } catch (error) {
        if ((error as { retriable?: boolean }).retriable !== true && Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics not ready after ${timeoutMs} ms: ${topics.join(', ')}`);
      await new Promise((r) => setTimeout(r, Math.min(1000, 50 * attempt)));
    }
  } finally {
    await admin.disconnect();
  }
}
