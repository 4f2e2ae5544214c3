import { describe, expect, it } from 'vitest';
import { createTestContext, signUp, waitFor } from '@chirp/testkit';
import { deadLetterTopic, groupId } from '@chirp/core';
import { entryId } from '@chirp/store';
import type { KafkaMessage } from 'kafkajs';

const ctx = await createTestContext();
const GROUPS = ['saver', 'fanout', 'tagger'] as const;

describe('a malformed message on twitter.newTweets', () => {
  it('lands in each group DLQ with its error, and the next valid tweet is processed by every group', async () => {
    const services = await Promise.all([ctx.startService('api'), ctx.startService('saver'), ctx.startService('fanout'), ctx.startService('tagger')]);
    const api = `http://127.0.0.1:${services[0].port}`;
    const producer = await ctx.producer();
    // Same key (author) as the valid tweet, so both sit in one partition: the poison is in its way.
    await producer.send({ topic: ctx.topics.newTweets, messages: [{ key: 'ann', value: '{"id": "x", "author": "ann", "text": ' }] });
    const ann = await signUp(api, 'ann');
    const res = await ann.fetch(`${api}/api/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'ann', text: 'after the poison' }),
    });
    const tweet = (await res.json()) as { id: string };
    await waitFor(async () => (await ctx.redis.exists(ctx.keys.tweet(tweet.id))) === 1, { what: 'saver to save the valid tweet' });
    await waitFor(async () => (await ctx.redis.lrange(ctx.keys.timeline('ann'), 0, -1)).map(entryId).includes(tweet.id), {
      what: 'fanout to deliver the valid tweet',
    });
    await waitFor(async () => (await ctx.redis.exists(ctx.keys.tweetTags(tweet.id))) === 1, { what: 'tagger to tag the valid tweet' });

    for (const group of GROUPS) {
      const topic = deadLetterTopic(groupId(ctx.prefix, group));
      const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}dlq-reader-${group}` });
      ctx.onCleanup(() => consumer.disconnect());
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const seen: KafkaMessage[] = [];
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
      await waitFor(() => seen.length > 0, { what: `a message in ${topic}`, timeoutMs: 20_000 });
      expect(seen).toHaveLength(1);
      const h = seen[0]!.headers!;
      expect(h['x-original-topic']!.toString()).toBe(ctx.topics.newTweets);
      expect(h['x-error-code']!.toString()).toBe('DECODE');
      expect(h['x-error']!.toString()).toMatch(/not JSON/);
      expect(h['x-group']!.toString()).toBe(groupId(ctx.prefix, group));
      expect(seen[0]!.value!.toString()).toBe('{"id": "x", "author": "ann", "text": ');
    }
  });
});
