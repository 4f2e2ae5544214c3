import { describe, expect, it } from 'vitest';
import type { KafkaMessage } from 'kafkajs';
import { clickSchema } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { createKafka } from '@chirp/streams';
import { createTestContext, signUp, waitFor } from '@chirp/testkit';
import { startApi, topicSize } from './helpers.ts';

const ctx = await createTestContext();
const { url } = await startApi(ctx);
const ann = await signUp(url, 'ann');
// A topic created a moment ago may not have a known leader yet: wait until its offsets can be read.
await waitFor(() => topicSize(ctx, ctx.topics.clicks).then(() => true), { what: 'the clicks topic to be readable' });
const post = (body: unknown, base = url): Promise<Response> =>
  ann.fetch(`${base}/api/clicks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const good = { user: 'ann', tweetId: 'abc123', kind: 'like' };
// Clicks are accepted only on tweets that exist: save the ones the tests click on.
const saved = new TweetStore(ctx.redis, ctx.keys);
for (const id of ['abc123', ...Array.from({ length: 100 }, (_, i) => `t${i}`)]) {
  await saved.save({ id, author: 'zed', text: `tweet ${id}`, createdAt: new Date().toISOString() });
}

describe('POST /api/clicks', () => {
  const cases: [string, unknown, string][] = [
    ['a missing user', { tweetId: 'abc', kind: 'open' }, 'user'],
    ['an invalid handle', { ...good, user: 'not a handle' }, 'user'],
    ['a bad tweet id', { ...good, tweetId: 'a/b' }, 'tweetId'],
    ['an unknown kind', { ...good, kind: 'stare' }, 'kind'],
    ['an empty batch', { clicks: [] }, 'clicks'],
    ['a batch of 101', { clicks: Array.from({ length: 101 }, () => good) }, 'clicks'],
    ['a bad click inside a batch', { clicks: [good, { ...good, kind: 'nope' }] }, 'clicks.1.kind'],
    ['clicks that is not an array', { clicks: 'many' }, 'clicks'],
    ['an array body', [good], 'body'],
    ['invalid JSON', '{"user": ', 'body'],
  ];

  it.each(cases)('%s → 400 naming the field, nothing produced', async (_name, body, field) => {
    const before = await topicSize(ctx, ctx.topics.clicks);
    const res = await post(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; field: string };
    expect(answer.field).toBe(field);
    expect(answer.error).not.toMatch(/\n\s+at /);
    expect(await topicSize(ctx, ctx.topics.clicks)).toBe(before);
  });

  it('accepts one click and a batch of 100 with 202 once Kafka acked, each with its own id and time, keyed by user', async () => {
    const before = await topicSize(ctx, ctx.topics.clicks);
    const one = await post(good);
    expect(one.status).toBe(202);
    expect(await one.json()).toEqual({ accepted: 1 });
    const batch = Array.from({ length: 100 }, (_, i) => ({ user: 'ann', tweetId: `t${i}`, kind: (['open', 'like', 'share', 'dwell'] as const)[i % 4] }));
    const many = await post({ clicks: batch });
    expect(many.status).toBe(202);
    expect(await many.json()).toEqual({ accepted: 100 });
    expect(await topicSize(ctx, ctx.topics.clicks)).toBe(before + 101);

    const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}click-reader` });
    ctx.onCleanup(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic: ctx.topics.clicks, fromBeginning: true });
    const seen: KafkaMessage[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    await waitFor(() => seen.length >= before + 101, { what: 'the clicks on the topic', timeoutMs: 20_000 });
    const clicks = seen.map((m) => ({ key: m.key!.toString(), click: clickSchema.parse(JSON.parse(m.value!.toString())) }));
    expect(clicks.every(({ key, click }) => key === click.user)).toBe(true);
    expect(new Set(clicks.map((c) => c.click.clickId)).size).toBe(clicks.length);
    const last = clicks.find((c) => c.click.tweetId === 't99')!.click;
    expect(last).toMatchObject({ user: 'ann', kind: 'dwell' });
    expect(Math.abs(Date.now() - Date.parse(last.at))).toBeLessThan(60_000);
  });

  it.each([
    ['one click', (user: string) => ({ user, tweetId: 'nosuchtweet', kind: 'open' }), 'tweetId'],
    [
      'a batch with one unknown tweet',
      (user: string) => ({
        clicks: [
          { ...good, user },
          { user, tweetId: 'nosuchtweet', kind: 'like' },
        ],
      }),
      'clicks.1.tweetId',
    ],
  ])('a click on a tweet that does not exist (%s) → 404 naming the field, nothing produced', async (_name, body, field) => {
    const before = await topicSize(ctx, ctx.topics.clicks);
    const res = await post(body('ann'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/nosuchtweet/) as unknown, field });
    expect(await topicSize(ctx, ctx.topics.clicks)).toBe(before);
  });

  it('answers 503 when Kafka does not acknowledge', async () => {
    const nowhere = createKafka({
      brokers: '127.0.0.1:1',
      clientId: 'nowhere',
      connectionTimeoutMs: 300,
      retry: { retries: 1, initialRetryTime: 50, maxRetryTime: 100 },
    });
    const { url: down } = await startApi(ctx, { kafka: nowhere }); // same Redis: ann's token is valid there
    const res = await post({ clicks: [good] }, down);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: string }).error).toMatch(/Kafka/);
  });
});
