import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, waitFor } from '@chirp/testkit';
import { createLogger, createRegistry } from '@chirp/telemetry';
import { Emitter, input, jsonCodec, Processor, type FailureOptions, type Handler } from '@chirp/streams';

// Defects 2 and 3 of issue 11: waiting costs only the waiting partition; close() commits what was finished.
const ctx = await createTestContext({ partitions: 3 });
const schema = z.object({ n: z.number().int() });
const codec = jsonCodec(schema);
type N = z.infer<typeof schema>;

function processor(group: string, topic: string, handler: Handler<N>, failure: Partial<FailureOptions>): Processor {
  const p = new Processor({
    kafka: ctx.kafka,
    groupId: `${ctx.prefix}${group}`,
    inputs: [input(topic, codec, handler)],
    registry: createRegistry(group),
    logger: createLogger('test', 'silent'),
    concurrency: 4,
    maxBatchSize: 5,
    failure,
  });
  ctx.onCleanup(() => p.close());
  return p;
}

/** Keys that land on distinct partitions of a 3-partition topic (kafkajs' murmur2, checked by producing). */
async function keysByPartition(topic: string): Promise<Map<number, string>> {
  const producer = await ctx.producer();
  const out = new Map<number, string>();
  for (let i = 0; out.size < 3; i++) {
    const [meta] = await producer.send({ topic, messages: [{ key: `probe${i}`, value: JSON.stringify({ n: -1 }) }] });
    if (!out.has(meta!.partition)) out.set(meta!.partition, `probe${i}`);
  }
  return out;
}

describe('waiting costs only its partition', () => {
  it('an in-place backoff of one partition does not stall the others', async () => {
    const topic = ctx.topics.newTweets;
    const keys = await keysByPartition(topic);
    const [badKey, ...goodKeys] = [...keys.values()];
    let badAttempts = 0;
    const good: number[] = [];
    const p = processor(
      'stall-backoff',
      topic,
      async (m) => {
        if (m.value.n < 0) return;
        if (m.key === badKey) {
          badAttempts++;
          throw new Error('handler bug on this payload');
        }
        good.push(m.value.n);
      },
      { retries: 3, retryBaseMs: 20_000, retryRounds: 0 },
    );
    await p.start();
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    await emitter.emit(badKey!, { n: 0 });
    await waitFor(() => badAttempts >= 1, { what: 'the bad message to fail once', timeoutMs: 20_000 });
    const started = Date.now();
    await emitter.emitMany(Array.from({ length: 20 }, (_, i) => ({ key: goodKeys[i % 2]!, value: { n: i + 1 } })));
    await waitFor(() => good.length === 20, { what: '20 messages on the other partitions', timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a retry-topic message's delay does not stall the input partitions", async () => {
    const topic = ctx.topics.clicks;
    let bad = 0;
    const good: number[] = [];
    const p = processor(
      'stall-retry',
      topic,
      async (m) => {
        if (m.value.n === 0) {
          bad++;
          throw new Error('handler bug on this payload');
        }
        good.push(m.value.n);
      },
      { retries: 0, retryBaseMs: 10, retryRounds: 1, retryTopicDelayMs: 30_000 },
    );
    await p.start();
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    await emitter.emit('bad', { n: 0 });
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    await waitFor(async () => (await admin.fetchTopicOffsets(p.retryTopic)).some((o) => Number(o.high) > 0), {
      what: 'the message in the retry topic',
      timeoutMs: 20_000,
    });
    // Give the processor time to fetch the retry message (it is then waiting for its not-before time).
    await waitFor(
      async () => {
        const [o] = await admin.fetchOffsets({ groupId: p.groupId, topics: [topic] });
        return o!.partitions.some((x) => Number(x.offset) > 0);
      },
      { what: 'the input offset committed past the failed message', timeoutMs: 10_000 },
    );
    const started = Date.now();
    for (let round = 0; round < 3; round++) {
      const before = good.length;
      await emitter.emitMany(Array.from({ length: 10 }, (_, i) => ({ key: `user${i}`, value: { n: 1 + round * 10 + i } })));
      await waitFor(() => good.length === before + 10, { what: `round ${round}: 10 messages handled while the retry waits`, timeoutMs: 5000 });
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(bad).toBe(1);
  });
});

describe('a rebalance does not wait on a waiting partition', () => {
  it('a second member joins and handles its partitions while the first waits out a 20 s in-place backoff', async () => {
    const topic = ctx.topics.retweets;
    const keys = await keysByPartition(topic);
    const [badKey, ...goodKeys] = [...keys.values()];
    let badAttempts = 0;
    const handledBy = { a: [] as number[], b: [] as number[] };
    const handler =
      (who: 'a' | 'b'): Handler<N> =>
      async (m) => {
        if (m.value.n < 0) return;
        handledBy[who].push(m.value.n); // any message reaching b shows b joined, the bad one included
        if (m.key === badKey) {
          badAttempts++;
          throw new Error('handler bug on this payload');
        }
      };
    const failure = { retries: 3, retryBaseMs: 20_000, retryRounds: 0 };
    const a = processor('rebalance-wait', topic, handler('a'), failure);
    await a.start();
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    await emitter.emit(badKey!, { n: 1000 });
    await waitFor(() => badAttempts >= 1, { what: 'the bad message to fail once (its 20 s backoff begins)', timeoutMs: 20_000 });
    // A second member of the group: the rebalance must complete without waiting for the backoff.
    const started = Date.now();
    const b = processor('rebalance-wait', topic, handler('b'), failure);
    await b.start();
    let n = 1;
    await waitFor(
      async () => {
        await emitter.emitMany(goodKeys.map((key) => ({ key: key, value: { n: n++ } })));
        return handledBy.b.length > 0;
      },
      { what: 'the second member to handle messages of its partitions', timeoutMs: 15_000, intervalMs: 500 },
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(badAttempts).toBeLessThanOrEqual(3); // a's first try, perhaps b's after the move: no burst of retries
  });
});

describe('close()', () => {
  it('commits every message the handler finished during the drain', async () => {
    const topic = ctx.topics.follows;
    const finished: string[] = [];
    let partition = -1;
    const p = processor(
      'shutdown',
      topic,
      async (m) => {
        await new Promise((r) => setTimeout(r, 100)); // a slow handler
        partition = m.partition;
        finished.push(m.offset);
      },
      {},
    );
    await p.start();
    const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
    await emitter.emitMany(Array.from({ length: 40 }, (_, n) => ({ key: 'one-key', value: { n } })));
    await waitFor(() => finished.length >= 5, { what: '5 messages finished' });
    await p.close();
    const done = finished.length;
    expect(done).toBeLessThan(40); // closed mid-way
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const [offsets] = await admin.fetchOffsets({ groupId: p.groupId, topics: [topic] });
    const committed = Number(offsets!.partitions.find((x) => x.partition === partition)!.offset);
    expect(finished.map(Number)).toEqual(Array.from({ length: done }, (_, i) => i));
    expect(committed).toBe(done);
  });
});
