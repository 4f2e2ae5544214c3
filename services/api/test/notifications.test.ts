import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followEventSchema, type Tweet } from '@chirp/core';
import { closeRedis, createKeys, createRedis, NotificationStore, RelationStore, type Notification } from '@chirp/store';
import { Emitter, jsonCodec } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { createTestContext, freePort, signUpAll, waitFor, type ServiceProcess, type TestUser } from '@chirp/testkit';
import { startRedis } from '@chirp/stack/redis-server';
import { rebuild } from '@chirp/stack/rebuild-tool';
import { LogSearchIndex } from '../src/search-index.ts';
import { startApi } from './helpers.ts';

/**
 * Issue 18 part B on the real stack: the API in-process, saver, fanout, graph and notify as
 * processes, all on a private Redis so the last test can FLUSHALL it and rebuild from Kafka.
 */
const ctx = await createTestContext();
// The private Redis is one server on every topology: its keys without hash tags, services told so.
const keys = createKeys(ctx.redisPrefix);
const dir = mkdtempSync(join(tmpdir(), 'chirp-notify-redis-'));
ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
const redisPort = await freePort();
const server = await startRedis({ dataDir: dir, logFile: join(dir, 'redis.log'), port: redisPort });
ctx.onCleanup(() => server.stop());
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const redis = createRedis({ url: redisUrl, name: 'notify-test' });
ctx.onCleanup(() => closeRedis(redis));
const subscriber = createRedis({ url: redisUrl, name: 'notify-test-live' });
ctx.onCleanup(() => closeRedis(subscriber));
const search = new LogSearchIndex({
  kafka: ctx.kafka,
  topic: ctx.topics.newTweets,
  deletesTopic: ctx.topics.tweetDeletes,
  logger: createLogger('search-test', 'silent'),
});
void search.start();
ctx.onCleanup(() => search.close());
const api = await startApi({ ...ctx, keys }, { redis, subscriber, search });
const services: ServiceProcess[] = [];
// One after another: several processes compiling at once on a busy 2-core machine can miss the start timeout.
for (const name of ['graph', 'notify', 'saver', 'fanout']) services.push(await ctx.startService(name, { REDIS_URL: redisUrl, REDIS_CLUSTER_NODES: undefined }));

const u = await signUpAll(api.url, ['maria', 'hanna', 'john', 'alex', 'bob'] as const);

async function call(user: TestUser, method: string, path: string, body?: unknown): Promise<Response> {
  return user.fetch(`${api.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}
async function post(user: TestUser, text: string): Promise<Tweet> {
  const res = await call(user, 'POST', '/api/tweets', { text });
  expect(res.status).toBe(201);
  return (await res.json()) as Tweet;
}
async function notifications(user: TestUser): Promise<{ notifications: Notification[]; unread: number }> {
  const res = await call(user, 'GET', '/api/notifications?limit=100');
  expect(res.status).toBe(200);
  return (await res.json()) as { notifications: Notification[]; unread: number };
}
const relation = async (user: TestUser, target: string): Promise<{ muted: boolean; blocked: boolean }> =>
  (await (await call(user, 'GET', `/api/users/${user.handle}/relations/${target}`)).json()) as { muted: boolean; blocked: boolean };

describe('mentions, notifications, mute and block (issue 18 B)', () => {
  it('routes are private: 401 without a session, 403 for another user, 400 for a bad target', async () => {
    expect((await fetch(`${api.url}/api/notifications`)).status).toBe(401);
    expect((await call(u.maria, 'PUT', '/api/users/hanna/mutes/bob')).status).toBe(403);
    expect((await call(u.maria, 'PUT', '/api/users/hanna/blocks/bob')).status).toBe(403);
    expect((await call(u.maria, 'GET', '/api/users/hanna/relations/bob')).status).toBe(403);
    const self = await call(u.maria, 'PUT', '/api/users/maria/blocks/maria');
    expect(self.status).toBe(400);
    expect(((await self.json()) as { field: string }).field).toBe('target');
    expect((await call(u.maria, 'PUT', '/api/users/maria/mutes/not-a-handle!')).status).toBe(400);
    expect((await call(u.maria, 'GET', '/api/notifications?cursor=nope')).status).toBe(400);
    expect((await call(u.maria, 'POST', '/api/notifications/read', { readAt: 'yesterday' })).status).toBe(400);
  });

  it('a mention of a blocked user produces no notification for them; the block removes both follow edges and stops follows', async () => {
    expect((await call(u.john, 'PUT', '/api/users/john/following/hanna')).status).toBe(204);
    expect((await call(u.hanna, 'PUT', '/api/users/hanna/following/john')).status).toBe(204);
    await waitFor(async () => (await redis.zscore(keys.followers('hanna'), 'john')) !== null, { what: 'john follows hanna' });
    expect((await call(u.hanna, 'PUT', '/api/users/hanna/blocks/john')).status).toBe(204);
    await waitFor(async () => (await relation(u.hanna, 'john')).blocked, { what: 'the block applied' });
    await waitFor(async () => (await redis.zcard(keys.followers('hanna'))) + (await redis.zcard(keys.followers('john'))) === 0, {
      what: 'both follow edges removed',
    });
    const refused = await call(u.john, 'PUT', '/api/users/john/following/hanna');
    expect(refused.status).toBe(403);
    expect((await call(u.hanna, 'PUT', '/api/users/hanna/following/john')).status).toBe(403);

    const blocked = await post(u.john, 'hey @hanna, look at this');
    expect(blocked.mentions).toEqual(['hanna']);
    // john's tweets share one partition, in order: once the marker's mention of maria is there, the first was handled.
    const marker = await post(u.john, 'and you @Maria');
    await waitFor(async () => (await notifications(u.maria)).notifications.some((n) => n.id === `mention:${marker.id}`), { what: "maria's mention" });
    const fromMaria = await post(u.maria, 'hello @hanna and @nobody_here');
    await waitFor(async () => (await notifications(u.hanna)).notifications.some((n) => n.id === `mention:${fromMaria.id}`), { what: "hanna's mention" });
    const hanna = await notifications(u.hanna);
    expect(hanna.notifications.find((n) => n.tweetId === blocked.id)).toBeUndefined();
    expect(hanna.notifications.every((n) => !n.actors.includes('john'))).toBe(true);
    // Not even hidden at read: the view never held it.
    expect(await redis.exists(keys.notificationGroup('hanna', `mention:${blocked.id}`))).toBe(0);

    // No replies across a block, either way: 403 naming replyTo, nothing published.
    const hannas = await post(u.hanna, 'a tweet john may not answer');
    await waitFor(async () => (await call(u.hanna, 'GET', `/api/tweets/${hannas.id}`)).status === 200, { what: "hanna's tweet saved" });
    const reply = await call(u.john, 'POST', '/api/tweets', { text: 'let me answer', replyTo: hannas.id });
    expect(reply.status).toBe(403);
    expect(((await reply.json()) as { field?: string }).field).toBe('replyTo');
    expect((await call(u.hanna, 'POST', '/api/tweets', { text: 'and back', replyTo: blocked.id })).status).toBe(403);
  });

  it("a muted author's tweets are absent from the home timeline but present on their profile", async () => {
    expect((await call(u.alex, 'PUT', '/api/users/alex/following/maria')).status).toBe(204);
    expect((await call(u.alex, 'PUT', '/api/users/alex/following/bob')).status).toBe(204);
    expect((await call(u.alex, 'PUT', '/api/users/alex/mutes/bob')).status).toBe(204);
    await waitFor(async () => (await relation(u.alex, 'bob')).muted, { what: 'the mute applied' });
    await waitFor(async () => (await redis.zcard(keys.following('alex'))) === 2, { what: 'alex follows both' });
    const muted = await post(u.bob, 'bob speaks @alex');
    const shown = await post(u.maria, 'maria speaks');
    const entries = async (): Promise<string> => (await redis.lrange(keys.timeline('alex'), 0, -1)).join(' ');
    await waitFor(async () => (await entries()).includes(muted.id) && (await entries()).includes(shown.id), { what: 'both fanned out to alex' });
    const home = (await (await call(u.alex, 'GET', '/api/timelines/alex')).json()) as { tweets: Tweet[] };
    expect(home.tweets.map((t) => t.id)).toContain(shown.id);
    expect(home.tweets.map((t) => t.id)).not.toContain(muted.id);
    const profile = (await (await fetch(`${api.url}/api/users/bob/tweets`)).json()) as { tweets: Tweet[] };
    expect(profile.tweets.map((t) => t.id)).toContain(muted.id);
    // Notifications filter the muted actor at read: bob's mention of alex is stored but not shown.
    await waitFor(async () => (await redis.exists(keys.notificationGroup('alex', `mention:${muted.id}`))) === 1, { what: "bob's mention stored" });
    expect((await notifications(u.alex)).notifications.find((n) => n.id === `mention:${muted.id}`)).toBeUndefined();
    // Unmuted: it shows again.
    expect((await call(u.alex, 'DELETE', '/api/users/alex/mutes/bob')).status).toBe(204);
    await waitFor(async () => !(await relation(u.alex, 'bob')).muted, { what: 'the unmute applied' });
    expect((await notifications(u.alex)).notifications.find((n) => n.id === `mention:${muted.id}`)?.actors).toEqual(['bob']);
  });

  it('aggregates new followers into one notification, exact under redelivered events', async () => {
    for (const f of [u.hanna, u.bob, u.john]) expect((await call(f, 'PUT', `/api/users/${f.handle}/following/maria`)).status).toBe(204);
    // alex followed maria in the test before: four followers today.
    const followGroup = async (): Promise<Notification | undefined> => (await notifications(u.maria)).notifications.find((n) => n.kind === 'follow');
    const group = await waitFor(
      async () => {
        const g = await followGroup();
        return g && g.count === 4 ? g : undefined;
      },
      { what: 'four followers aggregated' },
    );
    expect(group.actors).toHaveLength(3); // "hanna and 3 others followed you": three names shown, four counted
    expect(group.id).toBe(`follow:${new Date().toISOString().slice(0, 10)}`);
    // The same events again (a producer retry, a replay), then one later follow per edge as a marker
    // (same key, same partition, after them): once the markers are applied, so are the redeliveries.
    const producer = await ctx.producer();
    const follows = new Emitter({ producer, topic: ctx.topics.follows, codec: jsonCodec(followEventSchema) });
    const key = keys.notificationGroup('maria', group.id);
    const scores = await redis.zrange(key, 0, -1, 'WITHSCORES');
    const applied = new Map<string, number>();
    for (let i = 0; i < scores.length; i += 2) applied.set(scores[i]!, Number(scores[i + 1]));
    const event = (user: string, ms: number) => ({
      key: `${user}|maria`,
      value: { user, target: 'maria', action: 'follow' as const, at: new Date(ms).toISOString() },
    });
    await follows.emitMany([...applied].map(([user, ms]) => event(user, ms)));
    await follows.emitMany([...applied].map(([user, ms]) => event(user, ms + 1)));
    await waitFor(
      async () => {
        for (const [user, ms] of applied) if (Number(await redis.zscore(key, user)) !== ms + 1) return false;
        return true;
      },
      { what: 'redeliveries and markers applied' },
    );
    expect((await followGroup())?.count).toBe(4);
    // Likes (branch social's topic) aggregate per tweet the same way.
    const liked = await post(u.maria, 'like this one');
    await waitFor(async () => (await fetch(`${api.url}/api/tweets/${liked.id}`)).status === 200, { what: 'the tweet saved' });
    for (const f of [u.hanna, u.bob, u.alex]) expect((await call(f, 'PUT', `/api/tweets/${liked.id}/likes`)).status).toBe(204);
    const likes = await waitFor(
      async () => {
        const g = (await notifications(u.maria)).notifications.find((n) => n.id === `like:${liked.id}`);
        return g && g.count === 3 ? g : undefined;
      },
      { what: 'three likes aggregated' },
    );
    expect(likes.kind).toBe('like');
    expect(likes.tweetId).toBe(liked.id);
    expect(await redis.zcard(keys.notificationGroup('maria', group.id))).toBe(4);
  });

  it('the unread count clears after POST /api/notifications/read', async () => {
    const before = await notifications(u.maria);
    expect(before.unread).toBeGreaterThan(0);
    expect(before.notifications.some((n) => n.unread)).toBe(true);
    expect((await call(u.maria, 'POST', '/api/notifications/read')).status).toBe(204);
    const after = await waitFor(
      async () => {
        const n = await notifications(u.maria);
        return n.unread === 0 ? n : undefined;
      },
      { what: 'unread cleared' },
    );
    expect(after.notifications.every((n) => !n.unread)).toBe(true);
    // A new activity is unread again.
    const t = await post(u.bob, 'again @maria');
    const again = await waitFor(
      async () => {
        const n = await notifications(u.maria);
        return n.notifications.some((x) => x.id === `mention:${t.id}`) ? n : undefined;
      },
      { what: 'a new mention' },
    );
    expect(again.unread).toBe(1);
  });

  it('search finds tweets by text and by handle; a bad q is a 400', async () => {
    const t = await post(u.john, 'a kafkaesque afternoon with redis');
    const found = await waitFor(
      async () => {
        const res = await fetch(`${api.url}/api/search?q=kafkaesque`);
        if (res.status !== 200) return undefined;
        const body = (await res.json()) as { tweets: Tweet[] };
        return body.tweets.some((x) => x.id === t.id) ? body : undefined;
      },
      { what: 'the tweet indexed' },
    );
    expect(found.tweets[0]!.id).toBe(t.id);
    // A deleted tweet leaves the index (it reads twitter.tweetDeletes too).
    await waitFor(async () => (await call(u.john, 'GET', `/api/tweets/${t.id}`)).status === 200, { what: 'the tweet saved' });
    expect((await call(u.john, 'DELETE', `/api/tweets/${t.id}`)).status).toBe(204);
    await waitFor(
      async () => {
        const body = (await (await fetch(`${api.url}/api/search?q=kafkaesque`)).json()) as { tweets: Tweet[] };
        return !body.tweets.some((x) => x.id === t.id);
      },
      { what: 'the deleted tweet gone from search' },
    );
    const byHandle = (await (await fetch(`${api.url}/api/search?q=${encodeURIComponent('@mari')}`)).json()) as { tweets: Tweet[]; users: string[] };
    expect(byHandle.users).toContain('maria');
    expect(byHandle.tweets.some((x) => x.author === 'maria')).toBe(true);
    for (const q of ['', '%20%20', '!!!', 'x'.repeat(101)]) {
      const res = await fetch(`${api.url}/api/search?q=${q}`);
      expect(res.status, `q=${q}`).toBe(400);
      expect(((await res.json()) as { field: string }).field).toBe('q');
    }
    expect((await fetch(`${api.url}/api/search`)).status).toBe(400);
  });

  it('a rebuild from Kafka after FLUSHALL reproduces notifications, read markers, mutes and blocks', async () => {
    await Promise.all(services.map((s) => s.stop()));
    const families = async (): Promise<Record<string, unknown>> => {
      const keys = (await redis.keys(`${ctx.redisPrefix}*`)).filter((k) =>
        /^(notifs|notif|notif-read|relations|mutes|muted-by|blocks|blocked-by):/.test(k.slice(ctx.redisPrefix.length)),
      );
      const out: Record<string, unknown> = {};
      for (const key of keys.sort()) {
        const type = await redis.type(key);
        if (type === 'zset') out[key] = await redis.zrange(key, 0, -1, 'WITHSCORES');
        else if (type === 'set') out[key] = (await redis.smembers(key)).sort();
        else if (type === 'hash') out[key] = await redis.hgetall(key);
        else out[key] = await redis.get(key);
      }
      return out;
    };
    const before = await families();
    expect(Object.keys(before).some((k) => k.includes('notif-read:maria'))).toBe(true);
    expect(Object.keys(before).some((k) => k.includes('blocks:hanna'))).toBe(true);
    const store = new NotificationStore(redis, keys, 200);
    const page = async (user: string): Promise<unknown> => store.page(user, undefined, 100, await new RelationStore(redis, keys).hiddenFor(user));
    const shown = await Promise.all(['maria', 'hanna', 'alex'].map(page));
    await redis.flushall(); // a private Redis: the shared one is never flushed
    const report = await rebuild({ env: ctx.env({ REDIS_URL: redisUrl, REDIS_CLUSTER_NODES: undefined, LOG_LEVEL: 'warn' }) });
    console.log(report.phases.map((p) => `${p.phase}: ${p.messages} messages in ${p.seconds.toFixed(1)} s`).join('; '));
    expect(await families()).toEqual(before);
    expect(await Promise.all(['maria', 'hanna', 'alex'].map(page))).toEqual(shown);
  }, 180_000);
});
