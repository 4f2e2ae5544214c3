import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore, HomeTimeline, TweetStore } from '@chirp/store';
import { createRegistry } from '@chirp/telemetry';
import type { Emitter } from '@chirp/streams';
import type { WorkerRuntime } from '@chirp/worker';
import type { FanoutChunkMessage, Tweet } from '@chirp/core';
import { Fanout } from '../src/fanout.ts';

const ctx = await createTestContext();
const tweets = new TweetStore(ctx.redis, ctx.keys);
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const home = new HomeTimeline(ctx.redis, ctx.keys, tweets);
const rt = { redis: ctx.redis, keys: ctx.keys, registry: createRegistry('fanout-test') } as unknown as WorkerRuntime;
const noChunks = {
  emitMany: async () => {
    throw new Error('no chunked fan-out expected');
  },
} as unknown as Emitter<FanoutChunkMessage>;
const fanout = new Fanout(rt, { timelineCap: 800, chunkSize: 2000, pullThreshold: 4 }, noChunks);

describe('fan-out of an author between half the pull threshold and the threshold (issue 11, defect 5b)', () => {
  it('is not both pushed and pulled: every page shows each tweet once', async () => {
    for (const fan of ['p1', 'p2', 'p3', 'reader']) await graph.follow(fan, 'pop', Date.now() - 60_000);
    const post = async (id: string, secondsAgo: number): Promise<Tweet> => {
      const t = { id, author: 'pop', text: id, createdAt: new Date(Date.now() - secondsAgo * 1000).toISOString() };
      await tweets.save(t);
      await fanout.plan(t);
      return t;
    };
    expect((await post('pop1', 30)).id).toBe('pop1'); // 4 followers: recorded as pulled
    await graph.unfollow('p3', 'pop', Date.now() - 20_000); // 3 followers: between 2 and 4
    await post('pop2', 10);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await home.page('reader', cursor, 1);
      seen.push(...page.tweets.map((t) => t.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['pop2', 'pop1']);
  });
});
