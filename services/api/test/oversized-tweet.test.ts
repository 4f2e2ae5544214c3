import { describe, expect, it } from 'vitest';
import { deadLetterTopic, groupId } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { createTestContext, waitFor } from '@chirp/testkit';
import { topicSize } from './helpers.ts';

const ctx = await createTestContext({ partitions: 1 });

describe('saver: a producer that bypasses the API cannot store an oversized tweet (issue 11, defect 8)', () => {
  it('dead-letters 100 graphemes of 121 code points and saves the valid tweet after it', async () => {
    const saver = await ctx.startService('saver');
    const createdAt = new Date().toISOString();
    const oversized = { id: 'zalgo1', author: 'mallory', text: ('a' + '\u0301'.repeat(120)).repeat(100), createdAt };
    const fine = { id: 'fine1', author: 'ann', text: 'hello', createdAt };
    const producer = await ctx.producer();
    // Raw bytes, as a foreign producer would send them: no codec on this side.
    await producer.send({ topic: ctx.topics.newTweets, acks: -1, messages: [oversized, fine].map((t) => ({ key: t.id, value: JSON.stringify(t) })) });
    const tweets = new TweetStore(ctx.redis, ctx.keys);
    await waitFor(() => tweets.get('fine1'), { timeoutMs: 30_000, what: 'the valid tweet saved' });
    const dlq = deadLetterTopic(groupId(ctx.prefix, 'saver'));
    await waitFor(async () => (await topicSize(ctx, dlq)) === 1, { timeoutMs: 30_000, what: `the oversized tweet in ${dlq}` });
    expect(await tweets.get('zalgo1')).toBeNull();
    await waitFor(() => /dead-letter/.test(saver.logs()), { timeoutMs: 10_000, what: 'the saver to log the dead letter' });
    expect(saver.logs()).toMatch(/does not match schema: text must be at most 1120 bytes/);
  });
});
