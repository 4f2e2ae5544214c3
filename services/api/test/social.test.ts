import { describe, expect, it } from 'vitest';
import { createTestContext, signUpAll, waitFor } from '@chirp/testkit';
import { entryId } from '@chirp/store';

const ctx = await createTestContext();
// The real processes, as `npm start` runs them: the fanout group applies deletes, retweets and likes.
const [api] = await Promise.all([ctx.startService('api'), ctx.startService('saver'), ctx.startService('fanout'), ctx.startService('graph')]);
const url = `http://127.0.0.1:${api.port}`;
const users = await signUpAll(url, ['ann', 'bob', 'cat', 'dan', 'eve', 'fay']);
type User = keyof typeof users;

interface Card {
  id: string;
  author: string;
  text: string;
  replyTo?: { id: string; author: string };
  counts: { likes: number; retweets: number; replies: number };
  liked?: boolean;
  retweeted?: boolean;
  retweetedBy?: string[];
}

const json = { 'content-type': 'application/json' };
const call = async (user: User, method: string, path: string, body?: unknown): Promise<Response> =>
  users[user].fetch(`${url}${path}`, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
const post = async (user: User, text: string, replyTo?: string): Promise<Card> => {
  const res = await call(user, 'POST', '/api/tweets', { text, ...(replyTo ? { replyTo } : {}) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Card;
};
const follow = async (user: User, target: User): Promise<void> => expect((await call(user, 'PUT', `/api/users/${user}/following/${target}`)).status).toBe(204);
const timeline = async (user: User): Promise<Card[]> => ((await (await call(user, 'GET', `/api/timelines/${user}`)).json()) as { tweets: Card[] }).tweets;
/** The raw list in Redis: what the fan-out and the walks wrote, with no read-time filtering. */
const rawIds = async (user: string): Promise<string[]> => (await ctx.redis.lrange(ctx.keys.timeline(user), 0, -1)).map(entryId);
const card = async (id: string, as?: User): Promise<Response> => (as ? users[as].fetch(`${url}/api/tweets/${id}`) : fetch(`${url}/api/tweets/${id}`));
const saved = async (id: string): Promise<Card> =>
  waitFor(async () => ((await card(id)).status === 200 ? ((await (await card(id)).json()) as Card) : null), { what: `${id} saved` });

// The graph: cat follows ann and bob; dan follows bob only; eve follows cat and dan; fay follows ann.
await Promise.all([follow('cat', 'ann'), follow('cat', 'bob'), follow('dan', 'bob'), follow('eve', 'cat'), follow('eve', 'dan'), follow('fay', 'ann')]);
await waitFor(async () => (await ctx.redis.zcard(ctx.keys.following('eve'))) === 2 && (await ctx.redis.zcard(ctx.keys.following('cat'))) === 2, {
  what: 'the follow graph applied',
});

describe('issue 18 part A through the API and the real workers', () => {
  it('delete: 403 for others, 404 unknown, 204 for the author; gone from every timeline, lists and GET', async () => {
    const t = await post('ann', 'to be deleted');
    await waitFor(async () => (await rawIds('cat')).includes(t.id) && (await rawIds('fay')).includes(t.id), { what: 'fan-out of the tweet' });
    await saved(t.id); // the fanout may push before the saver stores the body; the route reads the body (else 404)
    expect((await call('bob', 'DELETE', `/api/tweets/${t.id}`)).status).toBe(403);
    expect((await call('ann', 'DELETE', '/api/tweets/nosuchtweet')).status).toBe(404);
    expect((await fetch(`${url}/api/tweets/${t.id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await call('ann', 'DELETE', `/api/tweets/${t.id}`)).status).toBe(204);
    await waitFor(async () => (await card(t.id)).status === 404, { what: 'GET of the deleted tweet to be 404' });
    await waitFor(async () => !(await rawIds('cat')).includes(t.id) && !(await rawIds('fay')).includes(t.id) && !(await rawIds('ann')).includes(t.id), {
      what: 'the tweet gone from every timeline',
    });
    expect(await ctx.redis.zscore(ctx.keys.userTweets('ann'), t.id)).toBeNull();
    expect(await ctx.redis.exists(ctx.keys.tombstone(t.id))).toBe(1);
    // Deleted: a retweet, a like or a reply of it is a 404 and nothing is produced.
    expect((await call('bob', 'POST', `/api/tweets/${t.id}/retweets`)).status).toBe(404);
    expect((await call('bob', 'PUT', `/api/tweets/${t.id}/likes`)).status).toBe(404);
    const reply = await call('bob', 'POST', '/api/tweets', { text: 'late reply', replyTo: t.id });
    expect(reply.status).toBe(404);
    expect(await reply.json()).toMatchObject({ field: 'replyTo' });
  });

  it("replies: Twitter's rule for timelines, the thread (ancestors, replies, paged) and the reply count", async () => {
    const root = await post('ann', 'root of a thread');
    await saved(root.id);
    const reply = await post('bob', 'a reply to ann', root.id);
    expect(reply.replyTo).toEqual({ id: root.id, author: 'ann' });
    await saved(reply.id); // a reply to a tweet the saver has not stored yet is a 404 (eventually consistent)
    const deeper = await post('ann', 'ann answers bob', reply.id);
    // cat follows bob and ann: has both replies; the repliers have their own. dan follows bob only,
    // fay ann only: neither gets the other's reply (Twitter's rule). The fan-out of a tweet ends
    // before the next one of its author on the same partition starts, so a later plain tweet of
    // each author reaching dan and fay proves the replies were decided.
    await waitFor(async () => (await rawIds('cat')).includes(reply.id) && (await rawIds('cat')).includes(deeper.id), { what: 'the replies fanned out' });
    expect(await rawIds('bob')).toContain(reply.id);
    expect(await rawIds('ann')).toContain(deeper.id);
    const [bobLater, annLater] = [await post('bob', 'later'), await post('ann', 'later')];
    await waitFor(async () => (await rawIds('dan')).includes(bobLater.id) && (await rawIds('fay')).includes(annLater.id), { what: 'later tweets' });
    expect(await rawIds('dan')).not.toContain(reply.id);
    expect(await rawIds('fay')).not.toContain(deeper.id);
    const thread = await waitFor(
      async () => {
        const body = (await (await fetch(`${url}/api/tweets/${reply.id}/thread`)).json()) as { tweet: Card; ancestors: Card[]; replies: Card[] };
        return body.replies.length === 1 ? body : null;
      },
      { what: 'the reply to the reply indexed' },
    );
    expect(thread.ancestors.map((t) => t.id)).toEqual([root.id]);
    expect(thread.replies.map((t) => t.id)).toEqual([deeper.id]);
    expect(thread.tweet.counts.replies).toBe(1);
    const more = await post('cat', 'another reply', root.id);
    await waitFor(async () => (await saved(root.id)).counts.replies === 2, { what: 'two replies counted' });
    const page1 = (await (await fetch(`${url}/api/tweets/${root.id}/thread?limit=1`)).json()) as { replies: Card[]; nextCursor: string };
    expect(page1.replies.map((t) => t.id)).toEqual([more.id]);
    const page2 = (await (await fetch(`${url}/api/tweets/${root.id}/thread?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`)).json()) as {
      replies: Card[];
    };
    expect(page2.replies.map((t) => t.id)).toEqual([reply.id]);
    // Deleting a reply takes it out of the thread and the count.
    expect((await call('cat', 'DELETE', `/api/tweets/${more.id}`)).status).toBe(204);
    await waitFor(async () => (await saved(root.id)).counts.replies === 1, { what: 'the deleted reply uncounted' });
  });

  it('retweets: two followees retweet → one entry; undo one → one; undo both → none; "retweeted by" on the card', async () => {
    const t = await post('fay', 'worth retweeting');
    await saved(t.id);
    // eve follows cat and dan, not fay: she sees the tweet only through their retweets.
    expect((await call('cat', 'POST', `/api/tweets/${t.id}/retweets`)).status).toBe(204);
    expect((await call('dan', 'POST', `/api/tweets/${t.id}/retweets`)).status).toBe(204);
    expect((await call('dan', 'POST', `/api/tweets/${t.id}/retweets`)).status).toBe(204); // idempotent
    await waitFor(async () => (await saved(t.id)).counts.retweets === 2, { what: 'two retweets counted' });
    const entries = async (): Promise<number> => (await rawIds('eve')).filter((id) => id === t.id).length;
    await waitFor(async () => (await entries()) === 1, { what: 'the retweet in eve’s timeline' });
    const seen = (await timeline('eve')).filter((c) => c.id === t.id);
    expect(seen).toHaveLength(1);
    expect(new Set(seen[0]!.retweetedBy)).toEqual(new Set(['cat', 'dan']));

    expect((await call('cat', 'DELETE', `/api/tweets/${t.id}/retweets`)).status).toBe(204);
    await waitFor(async () => (await saved(t.id)).counts.retweets === 1, { what: 'one retweet left' });
    // Wait on the undo's own walk (its progress key), then the entry must still be there, once.
    await waitFor(async () => (await ctx.redis.keys(`${ctx.redisPrefix}walk:rt:${t.id}:cat:*:undo`)).length === 1, { what: 'the undo walk' });
    await waitFor(async () => (await ctx.redis.get((await ctx.redis.keys(`${ctx.redisPrefix}walk:rt:${t.id}:cat:*:undo`))[0]!)) === 'end', {
      what: 'the undo walk done',
    });
    expect(await entries()).toBe(1);
    expect((await timeline('eve')).find((c) => c.id === t.id)?.retweetedBy).toEqual(['dan']);

    expect((await call('dan', 'DELETE', `/api/tweets/${t.id}/retweets`)).status).toBe(204);
    await waitFor(async () => (await entries()) === 0, { what: 'no entry after both undos' });
    expect((await saved(t.id)).counts.retweets).toBe(0);
  });

  it('likes: PUT/DELETE idempotent per user, counts exact, liked for the reader', async () => {
    const t = await post('ann', 'likeable');
    await saved(t.id);
    for (const u of ['bob', 'bob', 'cat'] as const) expect((await call(u, 'PUT', `/api/tweets/${t.id}/likes`)).status).toBe(204);
    await waitFor(async () => (await saved(t.id)).counts.likes === 2, { what: 'two likes' });
    expect((await (await card(t.id, 'bob')).json()) as Card).toMatchObject({ liked: true });
    expect((await call('cat', 'DELETE', `/api/tweets/${t.id}/likes`)).status).toBe(204);
    expect((await call('cat', 'DELETE', `/api/tweets/${t.id}/likes`)).status).toBe(204);
    await waitFor(async () => (await saved(t.id)).counts.likes === 1, { what: 'one like after the unlike' });
    expect((await (await card(t.id, 'cat')).json()) as Card).toMatchObject({ liked: false });
    expect((await fetch(`${url}/api/tweets/${t.id}/likes`, { method: 'PUT' })).status).toBe(401);
  });

  it('a deleted tweet is announced to open live streams as `event: delete`', async () => {
    const t = await post('ann', 'streamed then deleted');
    await saved(t.id);
    const controller = new AbortController();
    const res = await users.cat.fetch(`${url}/api/stream`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    expect((await call('ann', 'DELETE', `/api/tweets/${t.id}`)).status).toBe(204);
    try {
      await waitFor(
        async () => {
          const { value } = (await reader.read()) as { value?: Uint8Array };
          text += new TextDecoder().decode(value);
          return text.includes(`event: delete\ndata: {"id":"${t.id}"}`);
        },
        { what: 'the delete event on the stream', timeoutMs: 10_000 },
      );
    } finally {
      controller.abort();
    }
  });
});
