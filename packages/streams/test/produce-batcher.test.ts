import { describe, expect, it } from 'vitest';
import type { Producer, ProducerBatch } from 'kafkajs';
import { z } from 'zod';
import { createTestContext, recordSends } from '@chirp/testkit';
import { createProducer, Emitter, jsonCodec, ProduceBatcher } from '../src/index.ts';

const ctx = await createTestContext();

/** A stand-in producer for the pure grouping logic: records each sendBatch and settles it on demand. */
function fakeProducer(): { producer: Producer; calls: { batch: ProducerBatch; settle: (error?: Error) => void }[] } {
  const calls: { batch: ProducerBatch; settle: (error?: Error) => void }[] = [];
  const producer = {
    sendBatch: (batch: ProducerBatch) => new Promise((resolve, reject) => calls.push({ batch, settle: (error) => (error ? reject(error) : resolve([])) })),
  } as unknown as Producer;
  return { producer, calls };
}

const until = async (cond: () => boolean): Promise<void> => {
  const end = Date.now() + 2000;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met within 2 s');
    await new Promise((r) => setImmediate(r));
  }
};

describe('ProduceBatcher', () => {
  it('sends concurrent emits of several topics in one sendBatch against the real broker', async () => {
    // Idempotent: kafkajs retries a whole batch when one partition fails (a leader not ready just
    // after the topics were created, on a loaded broker), and without idempotence the broker
    // appends the partitions that had succeeded twice. The fresh clone saw 48 and 42 records here
    // for 30 and 30 sent, and 2 Produce requests where 1 was expected.
    const producer = createProducer(ctx.kafka, { idempotent: true });
    await producer.connect();
    ctx.onCleanup(() => producer.disconnect());
    // The batcher's contract is one sendBatch (kafkajs puts it in one Produce request per broker,
    // plus its own retries of that request, which is why the wire is not counted).
    const batches = recordSends(producer);
    const batcher = new ProduceBatcher({ producer, lingerMs: 5 });
    const codec = jsonCodec(z.object({ n: z.number() }));
    const a = new Emitter({ producer: batcher, topic: ctx.topics.newTweets, codec });
    const b = new Emitter({ producer: batcher, topic: ctx.topics.clicks, codec });
    await Promise.all(Array.from({ length: 60 }, (_, n) => (n % 2 ? a : b).emit(`k${n % 5}`, { n })));
    expect(batches).toEqual([[`${ctx.topics.clicks}:30`, `${ctx.topics.newTweets}:30`]]);
    const admin = ctx.kafka.admin();
    await admin.connect();
    const size = async (t: string): Promise<number> => (await admin.fetchTopicOffsets(t)).reduce((s, o) => s + Number(o.high), 0);
    expect([await size(ctx.topics.newTweets), await size(ctx.topics.clicks)]).toEqual([30, 30]);
    await admin.disconnect();
  });

  it('fails exactly the sends of a failed batch; sends that arrive while it is out go in the next one', async () => {
    const { producer, calls } = fakeProducer();
    const batcher = new ProduceBatcher({ producer, lingerMs: 0, maxInFlight: 1 });
    const first = [batcher.send('t', [{ value: '1' }]), batcher.send('t', [{ value: '2' }])];
    await until(() => calls.length === 1);
    const second = [batcher.send('t', [{ value: '3' }]), batcher.send('u', [{ value: '4' }])];
    calls[0]!.settle(new Error('broker away'));
    const firstResults = await Promise.allSettled(first);
    expect(firstResults.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((firstResults[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'KAFKA_UNAVAILABLE', retriable: true });
    await until(() => calls.length === 2);
    expect(calls[1]!.batch.topicMessages).toEqual([
      { topic: 't', messages: [{ value: '3' }] },
      { topic: 'u', messages: [{ value: '4' }] },
    ]);
    calls[1]!.settle();
    await expect(Promise.all(second)).resolves.toEqual([undefined, undefined]);
  });

  it('sends a full batch at once and keeps the order of sends within a topic', async () => {
    const { producer, calls } = fakeProducer();
    const batcher = new ProduceBatcher({ producer, lingerMs: 1000, maxMessages: 3 });
    const sends = [batcher.send('t', [{ value: 'a' }, { value: 'b' }]), batcher.send('t', [{ value: 'c' }])];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.batch.topicMessages![0]!.messages.map((m) => m.value)).toEqual(['a', 'b', 'c']);
    calls[0]!.settle();
    await Promise.all(sends);
    expect(() => new ProduceBatcher({ producer, maxInFlight: 0 })).toThrow(/maxInFlight/);
  });
});
