import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TweetStore } from '@chirp/store';
import { createTestContext, startService, waitFor } from '@chirp/testkit';
import { buildWorkers, workersStale } from '../build-workers.ts';
import { compiledEntryPath, SERVICES } from '../services.ts';

const ctx = await createTestContext();

describe('compiled workers', () => {
  it('npm start runs plain JavaScript: the bundle has no TypeScript loader, and the compiled saver stores a tweet', async () => {
    await buildWorkers();
    expect(workersStale()).toBe(false);
    const saver = SERVICES.find((s) => s.name === 'saver')!;
    expect(readFileSync(compiledEntryPath(saver), 'utf8')).not.toMatch(/from ['"]tsx/);
    const proc = await startService('saver', ctx.env(), 60_000, ['--enable-source-maps', compiledEntryPath(saver)]);
    ctx.onCleanup(() => proc.stop());
    const producer = await ctx.producer();
    const tweet = { id: 'compiled1', author: 'js', text: 'from compiled JavaScript', createdAt: new Date().toISOString() };
    await producer.send({ topic: ctx.topics.newTweets, acks: -1, messages: [{ key: tweet.author, value: JSON.stringify(tweet) }] });
    const stored = await waitFor(() => new TweetStore(ctx.redis, ctx.keys).get(tweet.id), { what: 'the tweet saved by the compiled saver', timeoutMs: 30_000 });
    expect(stored).toMatchObject(tweet);
  });
});
