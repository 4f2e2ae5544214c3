import { describe, expect, it } from 'vitest';
import { createTestContext, signUp, waitFor } from '@chirp/testkit';
import { TAGS } from '@chirp/core';
import type { KafkaMessage } from 'kafkajs';

const ctx = await createTestContext();
const [api] = await Promise.all([ctx.startService('api'), ctx.startService('saver'), ctx.startService('tagger')]);
const url = `http://127.0.0.1:${api.port}`;
const reader = await signUp(url, 'reader');

describe('tagger worker with the default (offline) configuration', () => {
  it('a posted tweet carries tags on GET /api/tweets/:id within 2 s, and the verdict is on twitter.tweetTags', async () => {
    const t0 = Date.now();
    const res = await reader.fetch(`${url}/api/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'reader', text: 'Just finished a new novel, can not wait for book club on Friday' }),
    });
    const { id } = (await res.json()) as { id: string };
    const tweet = await waitFor(
      async () => {
        const r = await fetch(`${url}/api/tweets/${id}`);
        const body = r.status === 200 ? ((await r.json()) as { tags?: string[] }) : null;
        return body?.tags ? body : null;
      },
      { what: 'tags on the tweet', timeoutMs: 2000, intervalMs: 20 },
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(tweet.tags).toContain('bookworms');
    expect(tweet.tags!.every((t) => (TAGS as readonly string[]).includes(t))).toBe(true);

    const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}verdicts` });
    ctx.onCleanup(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: ctx.topics.tweetTags, fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await waitFor(() => seen.length > 0, { what: 'a verdict on tweetTags', timeoutMs: 20_000 });
    expect(seen[0]!.key!.toString()).toBe(id);
    expect(JSON.parse(seen[0]!.value!.toString())).toMatchObject({ tweetId: id, provider: 'local', model: null, tags: tweet.tags });
  });

  it('stores an empty list when nothing fits, rather than leaving the tweet pending', async () => {
    const res = await reader.fetch(`${url}/api/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'reader', text: 'ok see you at 5' }),
    });
    const { id } = (await res.json()) as { id: string };
    const tweet = await waitFor(
      async () => {
        const body = (await (await fetch(`${url}/api/tweets/${id}`)).json()) as { tags?: string[] };
        return body.tags ? body : null;
      },
      { what: 'a tags field', timeoutMs: 5000 },
    );
    expect(tweet.tags).toEqual([]);
  });
});
