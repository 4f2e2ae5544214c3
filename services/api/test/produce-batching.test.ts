import { describe, expect, it } from 'vitest';
import { countProduceRequests, createTestContext, signUpAll } from '@chirp/testkit';
import { startApi, topicSize } from './helpers.ts';

const ctx = await createTestContext();
const api = await startApi(ctx);
const authors = Object.values(await signUpAll(api.url, ['batcher0', 'batcher1', 'batcher2', 'batcher3', 'batcher4', 'batcher5', 'batcher6']));

describe('API produce batching', () => {
  it('concurrent POST /api/tweets share produce requests, each 201 only after the ack', async () => {
    const post = (i: number): Promise<Response> =>
      fetch(`${api.url}/api/tweets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${authors[(i + 7) % 7]!.token}` },
        body: JSON.stringify({ text: `tweet ${i}` }),
      });
    await (await post(-1)).arrayBuffer(); // connects the producer
    const before = await topicSize(ctx, ctx.topics.newTweets);
    const counter = countProduceRequests(api.publisher.producer);
    try {
      const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => post(i)));
      expect(responses.map((r) => r.status)).toEqual(Array(60).fill(201));
      // Every acknowledged tweet is in the log already when its 201 arrived.
      expect((await topicSize(ctx, ctx.topics.newTweets)) - before).toBe(60);
      // In-process clients trickle in on a loaded machine; under wrk batches are far larger (docs/benchmarks.md).
      expect(counter.count).toBeLessThan(60);
    } finally {
      counter.stop();
    }
  });
});
