import { describe, expect, it } from 'vitest';
import { createTestContext, readTimelines, signUpAll, waitFor, type ServiceProcess } from '@chirp/testkit';
import { Emitter, jsonCodec } from '@chirp/streams';
import { tweetSchema, type Tweet } from '@chirp/core';
import { entryId, timelineEntry } from '@chirp/store';

// One context per scenario: each gets its own consumer groups, so workers of one never serve another.
const [crashCtx, sharedCtx, pullCtx] = await Promise.all([1, 2, 3].map(() => createTestContext({ partitions: 4 })));
let ctx = crashCtx!;
const FOLLOWERS = 50_000;

/** Writes a follower set straight into Redis in bulk, with the distinct scores follow.lua gives. */
async function addFollowers(author: string, count: number, prefix: string): Promise<void> {
  for (let start = 0; start < count; start += 5000) {
    const args: (string | number)[] = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) args.push(1_000_000 + i, `${prefix}${i}`);
    await ctx.redis.zadd(ctx.keys.followers(author), ...args);
  }
}

const post = async (id: string, author: string, createdAt = new Date()): Promise<Tweet> => {
  const tweet = { id, author, text: `tweet ${id}`, createdAt: createdAt.toISOString() };
  const emitter = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
  await emitter.emit(author, tweet);
  return tweet;
};

/** How many of the followers hold the tweet, and whether any holds it twice. */
async function census(tweet: Tweet, prefix: string, count: number): Promise<{ holders: number; doubled: number }> {
  const entry = timelineEntry(Date.parse(tweet.createdAt), tweet.id);
  let holders = 0;
  let doubled = 0;
  const timelines = await readTimelines(
    ctx,
    Array.from({ length: count }, (_, i) => `${prefix}${i}`),
  );
  for (const entries of timelines) {
    const n = entries.filter((e) => e === entry).length;
    if (n >= 1) holders++;
    if (n > 1) doubled++;
  }
  return { holders, doubled };
}

function metric(text: string, name: string): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
}

describe('celebrity-scale fan-out', () => {
  it('50,000 followers: SIGKILL mid-fan-out, restart: every follower has the tweet exactly once', async () => {
    await addFollowers('celeb', FOLLOWERS, 'c');
    const env = { FANOUT_CHUNK_SIZE: '250', PROCESSOR_CONCURRENCY: '2' };
    const first = await ctx.startService('fanout', env);
    const tweets = await Promise.all(['k1', 'k2', 'k3'].map((id) => post(id, 'celeb')));
    // Kill once chunks of the first tweet are partly applied (its pending counter is counting down).
    await waitFor(
      async () => {
        const pending = Number(await ctx.redis.get(ctx.keys.fanoutPending('k1')));
        return pending > 0 && pending < 190;
      },
      { what: 'the fan-out to be part-way', timeoutMs: 30_000, intervalMs: 5 },
    );
    await first.kill();
    const partial = await census(tweets[0]!, 'c', FOLLOWERS);
    expect(partial.holders).toBeLessThan(FOLLOWERS);

    await ctx.startService('fanout', env);
    for (const t of tweets) {
      await waitFor(async () => (await census(t, 'c', FOLLOWERS)).holders === FOLLOWERS, { what: `${t.id} everywhere`, timeoutMs: 60_000, intervalMs: 500 });
      expect(await census(t, 'c', FOLLOWERS)).toEqual({ holders: FOLLOWERS, doubled: 0 });
    }
    expect((await ctx.redis.lrange(ctx.keys.timeline('celeb'), 0, -1)).map(entryId)).toEqual(expect.arrayContaining(['k1', 'k2', 'k3']));
  }, 180_000);

  it('two fanout instances share one celebrity tweet chunks', async () => {
    ctx = sharedCtx!;
    await addFollowers('star', 20_000, 's');
    const env = { FANOUT_CHUNK_SIZE: '500' };
    const a = await ctx.startService('fanout', env);
    const b = await ctx.startService('fanout', env);
    const holdsFanoutPartitions = (svc: ServiceProcess): boolean => {
      const joins = svc
        .logs()
        .split('\n')
        .filter((l) => l.includes('"joined group"'));
      const last = joins[joins.length - 1];
      return last !== undefined && ((JSON.parse(last) as { assignment: Record<string, number[] | undefined> }).assignment[ctx.topics.fanout] ?? []).length > 0;
    };
    await waitFor(() => holdsFanoutPartitions(a) && holdsFanoutPartitions(b), {
      what: 'both instances to hold fanout partitions',
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    const shared = await post('shared1', 'star');
    await waitFor(async () => (await census(shared, 's', 20_000)).holders === 20_000, {
      what: 'the shared tweet everywhere',
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const [ma, mb] = await Promise.all([a, b].map(async (s) => (await fetch(`http://127.0.0.1:${s.port}/metrics`)).text()));
    const pushedA = metric(ma!, 'chirp_fanout_timelines_total');
    const pushedB = metric(mb!, 'chirp_fanout_timelines_total');
    expect(pushedA).toBeGreaterThan(0);
    expect(pushedB).toBeGreaterThan(0);
    expect(pushedA + pushedB).toBeGreaterThanOrEqual(20_000);
    expect(await census(shared, 's', 20_000)).toEqual({ holders: 20_000, doubled: 0 });
    await Promise.all([a.stop(), b.stop()]);
  }, 180_000);

  it('an author above the pull threshold is merged at read time, in place; after unfollowing it is gone', async () => {
    ctx = pullCtx!;
    const env = { FANOUT_PULL_THRESHOLD: '3' };
    const [api] = await Promise.all([ctx.startService('api', env), ctx.startService('saver'), ctx.startService('fanout', env), ctx.startService('graph', env)]);
    const url = `http://127.0.0.1:${api.port}`;
    const users = await signUpAll(url, ['fan1', 'fan2', 'fan3', 'reader']);
    const follow = (u: keyof typeof users, t: string, method = 'PUT'): Promise<Response> => users[u].fetch(`${url}/api/users/${u}/following/${t}`, { method });
    for (const fan of ['fan1', 'fan2', 'fan3', 'reader'] as const) expect((await follow(fan, 'bigshot')).status).toBe(204);
    expect((await follow('reader', 'friend')).status).toBe(204);
    await waitFor(async () => ((await (await fetch(`${url}/api/users/bigshot`)).json()) as { followers: number }).followers === 4, {
      what: 'bigshot followers',
    });
    const now = Date.now();
    await post('f-old', 'friend', new Date(now - 3000));
    await post('b-mid', 'bigshot', new Date(now - 2000));
    await post('f-new', 'friend', new Date(now - 1000));
    const timeline = async (): Promise<string[]> =>
      ((await (await users.reader.fetch(`${url}/api/timelines/reader`)).json()) as { tweets: { id: string }[] }).tweets.map((t) => t.id);
    await waitFor(async () => (await timeline()).length === 3, { what: 'three tweets on the reader timeline' });
    expect(await timeline()).toEqual(['f-new', 'b-mid', 'f-old']);
    // No fan-out ran for bigshot: the id is in nobody's timeline list, only its own.
    expect((await ctx.redis.lrange(ctx.keys.timeline('reader'), 0, -1)).map(entryId)).not.toContain('b-mid');
    expect((await ctx.redis.lrange(ctx.keys.timeline('fan1'), 0, -1)).map(entryId)).not.toContain('b-mid');
    // Paging keeps the merge: one per page.
    const p1 = (await (await users.reader.fetch(`${url}/api/timelines/reader?limit=1`)).json()) as { tweets: { id: string }[]; nextCursor: string };
    const p2 = (await (await users.reader.fetch(`${url}/api/timelines/reader?limit=1&cursor=${encodeURIComponent(p1.nextCursor)}`)).json()) as {
      tweets: { id: string }[];
      nextCursor: string;
    };
    const p3 = (await (await users.reader.fetch(`${url}/api/timelines/reader?limit=1&cursor=${encodeURIComponent(p2.nextCursor)}`)).json()) as {
      tweets: { id: string }[];
    };
    expect([p1, p2, p3].map((p) => p.tweets.map((t) => t.id)).flat()).toEqual(['f-new', 'b-mid', 'f-old']);

    expect((await follow('reader', 'bigshot', 'DELETE')).status).toBe(204);
    await waitFor(async () => !(await timeline()).includes('b-mid'), { what: 'bigshot tweet gone after unfollow' });
    expect(await timeline()).toEqual(['f-new', 'f-old']);
  }, 120_000);
});
