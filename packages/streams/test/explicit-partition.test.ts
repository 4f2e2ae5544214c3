import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { createProducer } from '../src/index.ts';

const ctx = await createTestContext();

// kafkajs 2.2.4 sends a message with an explicit `partition` only where its metadata knows that
// partition (`findLeaderForPartitions` in cluster/index.js skips the others), and still resolves:
// a partition added since its last metadata, or one that does not exist, loses the message silently.
describe('a send to an explicit partition', () => {
  it('fails, naming the partition, when kafkajs wrote nothing there; the partitions it knows are written', async () => {
    const producer = createProducer(ctx.kafka);
    await producer.connect();
    ctx.onCleanup(() => producer.disconnect());
    const topic = ctx.topics.newTweets; // the context's topics have 6 partitions: 0…5
    await expect(
      producer.send({
        topic,
        acks: -1,
        messages: [
          { partition: 1, value: 'kept' },
          { partition: 9, value: 'lost' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'KAFKA_UNAVAILABLE', message: `Kafka wrote nothing to ${topic}/9: a partition the producer's metadata does not have` });
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const ends = await admin.fetchTopicOffsets(topic);
    expect(ends.find((o) => o.partition === 1)!.high).toBe('1');
  });
});
