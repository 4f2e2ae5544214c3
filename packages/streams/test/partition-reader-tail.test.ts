import { describe, expect, it } from 'vitest';
import { createLogger } from '@chirp/telemetry';
import { createTestContext } from '@chirp/testkit';
import { PartitionReader } from '@chirp/streams';

// A bounded view (the API's search index) reads only the last n messages of each partition, so its
// start costs n × partitions, not the topic's whole retention.
const ctx = await createTestContext({ partitions: 2 });

async function read(lastMessages: number | undefined): Promise<{ seen: Map<number, string[]>; skipped: number }> {
  const seen = new Map<number, string[]>([
    [0, []],
    [1, []],
  ]);
  const reader = new PartitionReader({
    kafka: ctx.kafka,
    topic: ctx.topics.newTweets,
    mode: 'catch-up',
    logger: createLogger('reader-tail', 'silent'),
    onMessages: (p, messages) => void seen.get(p)!.push(...messages.map((m) => m.value!.toString())),
    ...(lastMessages === undefined ? {} : { lastMessages }),
  });
  ctx.onCleanup(() => reader.close());
  await reader.start();
  await reader.caughtUp();
  return { seen, skipped: reader.skippedMessages() };
}

describe('PartitionReader lastMessages', () => {
  it('reads the last n messages of each partition, all of a shorter one, and everything without it', async () => {
    const producer = await ctx.producer();
    await producer.send({ topic: ctx.topics.newTweets, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ partition: 0, value: `a${i}` })) });
    await producer.send({ topic: ctx.topics.newTweets, acks: -1, messages: Array.from({ length: 2 }, (_, i) => ({ partition: 1, value: `b${i}` })) });

    const tail = await read(3);
    expect(tail.seen.get(0)).toEqual(['a7', 'a8', 'a9']);
    expect(tail.seen.get(1)).toEqual(['b0', 'b1']);
    // Sought, not fetched and dropped: the start costs the last n, not the partition.
    expect(tail.skipped).toBe(0);

    const all = await read(undefined);
    expect(all.seen.get(0)).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`));
    expect(all.seen.get(1)).toEqual(['b0', 'b1']);
  });

  it('refuses a lastMessages that is not an integer of at least 0', () => {
    for (const lastMessages of [-1, 1.5, Number.NaN])
      expect(
        () =>
          new PartitionReader({
            kafka: ctx.kafka,
            topic: 'unused',
            mode: 'follow',
            logger: createLogger('reader-tail', 'silent'),
            onMessages: () => undefined,
            lastMessages,
          }),
      ).toThrow(/lastMessages must be an integer of at least 0/);
  });
});
