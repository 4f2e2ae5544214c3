import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChirpError } from '@chirp/core';
import { createTestContext, waitFor } from '@chirp/testkit';
import { createLogger, createRegistry } from '@chirp/telemetry';
import { batchInput, Emitter, HEADER, input, jsonCodec, Processor, type Input } from '@chirp/streams';
import type { KafkaMessage } from 'kafkajs';

const ctx = await createTestContext({ partitions: 3 });
const schema = z.object({ n: z.number().int() });
const codec = jsonCodec(schema);
const logger = createLogger('test', 'silent');

function processor(group: string, inputs: Input[], failure = {}, extra: { maxBatchSize?: number } = {}): Processor {
  const p = new Processor({
    kafka: ctx.kafka,
    groupId: `${ctx.prefix}${group}`,
    inputs,
    registry: createRegistry(group),
    logger,
    concurrency: 8,
    ...extra,
    failure: { retries: 1, retryBaseMs: 10, retryRounds: 1, retryTopicDelayMs: 100, ...failure },
  });
  ctx.onCleanup(() => p.close());
  return p;
}

async function readAll(topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}reader-${Math.random()}` });
  ctx.onCleanup(() => consumer.disconnect());
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: KafkaMessage[] = [];
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
  await waitFor(() => seen.length >= count, { what: `${count} messages on ${topic}`, timeoutMs: 20_000 });
  await consumer.disconnect();
  return seen;
}

describe('Processor on the real broker', () => {
  it('consumes through a consumer group and commits offsets only after handling', async () => {
    const topic = ctx.topics.newTweets;
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    const handled: number[] = [];
    const p = processor('commit', [input(topic, codec, async (m) => void handled.push(m.value.n))]);
    await p.start();
    await emitter.emitMany(Array.from({ length: 30 }, (_, n) => ({ key: `k${n % 5}`, value: { n } })));
    await waitFor(() => handled.length >= 30, { what: 'all 30 handled' });
    expect(new Set(handled).size).toBe(30);
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const committed = await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: p.groupId, topics: [topic] });
        const sum = offsets!.partitions.reduce((s, x) => s + Math.max(0, Number(x.offset)), 0);
        return sum === 30 ? sum : 0;
      },
      { what: 'committed offsets to sum to 30' },
    );
    expect(committed).toBe(30);
  });

  it('keeps order per key while keys run concurrently', async () => {
    const topic = ctx.topics.clicks;
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    const seen = new Map<string, number[]>();
    const p = processor('order', [
      input(topic, codec, async (m) => {
        await new Promise((r) => setTimeout(r, (m.value.n * 7) % 5)); // uneven handler times
        const list = seen.get(m.key!) ?? [];
        list.push(m.value.n);
        seen.set(m.key!, list);
      }),
    ]);
    await p.start();
    await emitter.emitMany(Array.from({ length: 200 }, (_, n) => ({ key: `user${n % 7}`, value: { n } })));
    await waitFor(() => [...seen.values()].reduce((s, l) => s + l.length, 0) >= 200, { what: '200 handled' });
    for (const list of seen.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
  });

  it('sends an undecodable message straight to the group DLQ and keeps the partition moving', async () => {
    const topic = ctx.topics.follows;
    const producer = await ctx.producer();
    const handled: number[] = [];
    const p = processor('poison', [input(topic, codec, async (m) => void handled.push(m.value.n))]);
    await p.start();
    await producer.send({
      topic,
      messages: [
        { key: 'same', value: 'not json {' },
        { key: 'same', value: JSON.stringify({ n: 'x' }) },
        { key: 'same', value: JSON.stringify({ n: 7 }) },
      ],
    });
    await waitFor(() => handled.includes(7), { what: 'the valid message after the poison ones' });
    const dead = await readAll(p.deadLetterTopic, 2);
    expect(dead.map((m) => m.value?.toString())).toEqual(['not json {', JSON.stringify({ n: 'x' })]);
    expect(dead[0]!.headers?.[HEADER.originalTopic]?.toString()).toBe(topic);
    expect(dead[0]!.headers?.[HEADER.errorCode]?.toString()).toBe('DECODE');
    expect(dead[0]!.headers?.[HEADER.error]?.toString()).toMatch(/not JSON/);
    expect(dead[0]!.headers?.[HEADER.originalOffset]?.toString()).toMatch(/^\d+$/);
  });

  it('retries in place, then through the retry topic, then dead-letters; never writes the input topic', async () => {
    const topic = ctx.topics.tweetTags;
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    const attempts = new Map<number, number>();
    const p = processor(
      'retry',
      [
        input(topic, codec, async (m) => {
          const a = (attempts.get(m.value.n) ?? 0) + 1;
          attempts.set(m.value.n, a);
          // Message failures (a handler bug on that payload), not dependency ones: those pause instead (outage.test.ts).
          if (m.value.n === 1 && a <= 3) throw new Error('flaky on this payload'); // succeeds in the retry topic's 2nd try
          if (m.value.n === 2) throw new Error('always fails on this payload');
          if (m.value.n === 3) throw new ChirpError('VALIDATION', 'never retried', { retriable: false });
        }),
      ],
      {},
      { maxBatchSize: 1 },
    ); // one message per call, so attempts count exactly
    await p.start();
    await emitter.emitMany([
      { key: 'a', value: { n: 1 } },
      { key: 'b', value: { n: 2 } },
      { key: 'c', value: { n: 3 } },
      { key: 'd', value: { n: 4 } },
    ]);
    const dead = await readAll(p.deadLetterTopic, 2);
    const deadNs = dead.map((m) => (JSON.parse(m.value!.toString()) as { n: number }).n).sort();
    expect(deadNs).toEqual([2, 3]);
    expect(attempts.get(3)).toBe(1); // not retriable: one attempt only
    expect(attempts.get(2)).toBe(4); // 2 in place + 2 after one retry-topic round
    await waitFor(() => (attempts.get(1) ?? 0) >= 4, { what: 'n=1 to succeed from the retry topic' });
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((s, o) => s + Number(o.high), 0)).toBe(4); // nothing re-published to the input
  });
  it('hands a partition batch to handleBatch in one call, dead-letters poison in place and isolates a failing message', async () => {
    const topic = ctx.topics.fanout;
    const producer = await ctx.producer();
    // Produced before the processor starts, so they arrive as one fetched batch of one partition.
    const values = ['{"n":1}', '{"n":2}', 'not json', '{"n":3}', '{"n":13}', '{"n":4}', '{"n":5}'];
    await producer.send({ topic, messages: values.map((value) => ({ key: 'same', value })) });
    const calls: number[][] = [];
    const handled: number[] = [];
    const p = processor(
      'batches',
      [
        batchInput(topic, codec, async (messages) => {
          calls.push(messages.map((m) => m.value.n));
          if (messages.some((m) => m.value.n === 13)) throw new Error('a handler bug on 13');
          handled.push(...messages.map((m) => m.value.n));
        }),
      ],
      { retries: 0, retryRounds: 0 },
    );
    await p.start();
    const dead = await readAll(p.deadLetterTopic, 2);
    await waitFor(() => handled.length === 5, { what: 'the five good messages' });
    expect(handled).toEqual([1, 2, 3, 4, 5]); // in offset order, the culprit left out
    expect(calls[0]).toEqual([1, 2]); // one call for the run before the poison
    expect(calls.some((c) => c.length > 1 && c.includes(13))).toBe(true); // 13 first came in a batch...
    expect(calls.filter((c) => c.length === 1 && c[0] === 13)).toHaveLength(1); // ...then alone, once (retries 0)
    expect(dead.map((m) => m.value!.toString())).toEqual(['not json', '{"n":13}']);
  });
});
