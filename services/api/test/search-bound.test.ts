import { describe, expect, it } from 'vitest';
import { tweetDeleteSchema, tweetSchema, type Tweet } from '@chirp/core';
import { Emitter, jsonCodec } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { createTestContext, waitFor } from '@chirp/testkit';
import { LogSearchIndex } from '../src/search-index.ts';

/**
 * The search index is held in every API process: unbounded, it grew with every tweet ever read
 * (947 MiB RSS after ~529k tweets in bench:pipeline). It holds the most recent `maxTweets` tweets
 * read from the log; older ones leave it. One partition, so the log's order is the order produced.
 */
const ctx = await createTestContext({ partitions: 1 });
const MAX = 5;
const tweets = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
const deletes = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
const t0 = Date.parse('2026-12-04T10:00:00Z');
const tweet = (i: number): Tweet => ({
  id: `bound${i}`,
  author: 'maria',
  text: `boundedsearch tweet number ${i}`,
  createdAt: new Date(t0 + i * 1000).toISOString(),
});
const ids = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => `bound${from + k}`);

const index = new LogSearchIndex({
  kafka: ctx.kafka,
  topic: ctx.topics.newTweets,
  deletesTopic: ctx.topics.tweetDeletes,
  logger: createLogger('search-bound-test', 'silent'),
  maxTweets: MAX,
});
ctx.onCleanup(() => index.close());

const found = (): string[] =>
  index
    .search('boundedsearch', 50)
    .tweets.map((t) => t.id)
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));

describe('the search index holds the most recent maxTweets tweets (SEARCH_MAX_TWEETS)', () => {
  it('built from a log longer than the bound, it holds the last maxTweets read, and says so in its progress', async () => {
    await tweets.emitMany(Array.from({ length: 12 }, (_, i) => ({ key: 'maria', value: tweet(i) })));
    void index.start();
    await waitFor(() => index.progress().ready, { timeoutMs: 30_000, what: 'the index caught up' });
    expect(found()).toEqual(ids(7, 11));
    expect(index.progress()).toEqual({ ready: true, indexed: 12, total: 12, held: MAX, max: MAX });
  });

  it('following the log, each new tweet pushes the oldest out; a delete frees a place until the next tweet', async () => {
    await tweets.emitMany([12, 13, 14].map((i) => ({ key: 'maria', value: tweet(i) })));
    await waitFor(() => found().includes('bound14'), { timeoutMs: 20_000, what: 'bound14 indexed' });
    expect(found()).toEqual(ids(10, 14));
    expect(index.progress().held).toBe(MAX);

    const t = tweet(12);
    await deletes.emit('maria', { tweetId: t.id, author: t.author, createdAt: t.createdAt, at: new Date().toISOString() });
    await waitFor(() => !found().includes('bound12'), { timeoutMs: 20_000, what: 'bound12 out of search' });
    expect(found()).toEqual(['bound10', 'bound11', 'bound13', 'bound14']);
    expect(index.progress().held).toBe(MAX - 1);

    await tweets.emit('maria', tweet(15));
    await waitFor(() => found().includes('bound15'), { timeoutMs: 20_000, what: 'bound15 indexed' });
    // The deleted tweet's place was taken by the new one: nothing else had to leave.
    expect(found()).toEqual(['bound10', 'bound11', 'bound13', 'bound14', 'bound15']);
    expect(index.progress().held).toBe(MAX);
  });
});
