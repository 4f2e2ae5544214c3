import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tweet } from '@chirp/core';
import { closeRedis, createRedis, TweetStore } from '@chirp/store';
import { createTestContext, signUp, waitFor, type TestUser } from '@chirp/testkit';
import { startRedis } from '@chirp/stack/redis-server';
import { startApi } from './helpers.ts';

const ctx = await createTestContext();

interface Stream {
  status: number;
  events: { id: string; tweet: Tweet }[];
  closed: () => boolean;
  close: () => void;
}

const accounts = new Map<string, Promise<TestUser>>();
/** Signs `user` up on the API at `base` once (each API here may have its own Redis). */
function account(base: string, user: string): Promise<TestUser> {
  let a = accounts.get(`${base} ${user}`);
  if (!a) {
    accounts.set(`${base} ${user}`, (a = signUp(base, user)));
    a.catch(() => accounts.delete(`${base} ${user}`)); // a sign-up refused while Redis was down may be tried again
  }
  return a;
}

/** An SSE client that reads everything, signed in as `user` (the stream is the signed-in user's). */
async function openStream(base: string, user: string, headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController();
  ctx.onCleanup(() => abort.abort());
  const me = await account(base, user);
  const res = await fetch(`${base}/api/stream?user=${user}`, { headers: { ...headers, ...me.headers }, signal: abort.signal });
  const events: Stream['events'] = [];
  let ended = false;
  if (res.status === 200 && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let text = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = text.indexOf('\n\n')) >= 0) {
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            const id = /^id: (.*)$/m.exec(block)?.[1];
            if (/^event: tweet$/m.test(block) && data && id) events.push({ id, tweet: JSON.parse(data) as Tweet });
          }
        }
      } catch {
        /* aborted */
      }
      ended = true;
    })();
  } else {
    await res.body?.cancel();
  }
  return { status: res.status, events, closed: () => ended, close: () => abort.abort() };
}

const tweet = (id: string, author: string, text = `tweet ${id}`): Tweet => ({ id, author, text, createdAt: new Date().toISOString() });
const publish = (redis: typeof ctx.redis, t: Tweet): Promise<number> =>
  redis.publish(ctx.keys.timelineEvents(), JSON.stringify({ tweetId: t.id, author: t.author, tweet: t }));

describe('live stream /api/stream (issue 11, defect 10)', () => {
  it('caps streams per user and per client: 429 past either', async () => {
    const api = await startApi(ctx, { live: { perUser: 2, perClient: 3 } });
    const a1 = await openStream(api.url, 'capa');
    const a2 = await openStream(api.url, 'capa');
    expect([a1.status, a2.status]).toEqual([200, 200]);
    const a3 = await openStream(api.url, 'capa');
    expect(a3.status).toBe(429);
    const b1 = await openStream(api.url, 'capb');
    expect(b1.status).toBe(200);
    const c1 = await openStream(api.url, 'capc'); // a fourth stream of this client
    expect(c1.status).toBe(429);
    a1.close();
    await waitFor(async () => (await openStream(api.url, 'capc')).status === 200, { what: 'a slot freed by a closed stream', timeoutMs: 5000 });
  });

  it('disconnects a client that stops reading instead of buffering without bound', async () => {
    const BOUND = 256 * 1024;
    const api = await startApi(ctx, { live: { bufferBytes: BOUND } });
    const sockets: Socket[] = [];
    api.server.on('connection', (s) => sockets.push(s));
    const reader = await openStream(api.url, 'slow');
    // A client that sends its request and never reads a byte of the answer.
    const port = Number(new URL(api.url).port);
    const stuck = connect(port, '127.0.0.1');
    ctx.onCleanup(() => stuck.destroy());
    await new Promise<void>((r) => stuck.once('connect', () => r()));
    const slow = await account(api.url, 'slow');
    stuck.write(`GET /api/stream?user=slow HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${slow.headers.authorization}\r\n\r\n`);
    stuck.pause();
    await waitFor(() => sockets.length >= 2, { what: 'both connections at the server' });
    await waitFor(() => api.live.size === 2, { what: 'both streams subscribed' });

    let maxBuffered = 0;
    const sample = setInterval(() => {
      maxBuffered = Math.max(
        maxBuffered,
        sockets.reduce((s, k) => s + k.writableLength, 0),
      );
    }, 5);
    const body = 'x'.repeat(1000);
    const EVENTS = 20_000;
    const BURST = 50;
    try {
      for (let i = 0; i < EVENTS; i += BURST) {
        const p = ctx.redis.pipeline();
        for (let j = i; j < i + BURST; j++) {
          const t = tweet(`bp${j}`, 'slow', body);
          p.publish(ctx.keys.timelineEvents(), JSON.stringify({ tweetId: t.id, author: t.author, tweet: t }));
        }
        await p.exec();
        // A reading client keeps up, 50 KB at a time (a burst under the bound); the stuck one takes nothing.
        await waitFor(() => reader.events.length >= i + BURST, { what: `the reading client to get event ${i + BURST - 1}`, timeoutMs: 20_000, intervalMs: 2 });
      }
    } finally {
      clearInterval(sample);
    }
    // 20 MB went out; what the API held for the stuck client stayed near the bound.
    expect(maxBuffered).toBeLessThan(BOUND + 64 * 1024);
    const atServer = sockets.find((k) => k.remotePort === stuck.localPort)!;
    await waitFor(() => atServer.destroyed, { what: 'the stuck client disconnected', timeoutMs: 5000 });
    expect(api.live.droppedSlow).toBe(1);
    expect(reader.closed()).toBe(false);
    expect(reader.events).toHaveLength(EVENTS);
  }, 120_000);

  it("replays what the client missed after Last-Event-ID from the user's home timeline, oldest first", async () => {
    const api = await startApi(ctx);
    const store = new TweetStore(ctx.redis, ctx.keys);
    const ids = ['le1', 'le2', 'le3', 'le4', 'le5'];
    for (const id of ids) {
      await store.save(tweet(id, 'lena'));
      await ctx.redis.lpush(ctx.keys.timeline('leo'), id); // newest first, as fan-out writes it
    }
    const s = await openStream(api.url, 'leo', { 'last-event-id': 'le2' });
    expect(s.status).toBe(200);
    await waitFor(() => s.events.length >= 3, { what: 'the three missed tweets', timeoutMs: 5000 });
    const live = tweet('le6', 'leo');
    await publish(ctx.redis, live);
    await waitFor(() => s.events.length >= 4, { what: 'the live tweet after the replay', timeoutMs: 5000 });
    expect(s.events.map((e) => e.id)).toEqual(['le3', 'le4', 'le5', 'le6']);
  });

  it('pushes no tweet of an author the reader muted or blocked (issue 18: muted authors are absent from home)', async () => {
    const api = await startApi(ctx);
    const store = new TweetStore(ctx.redis, ctx.keys);
    for (const author of ['mutee', 'blockee', 'kept']) await ctx.redis.zadd(ctx.keys.following('muter'), Date.now(), author);
    await ctx.redis.sadd(ctx.keys.mutes('muter'), 'mutee');
    await ctx.redis.sadd(ctx.keys.blocks('muter'), 'blockee');
    const s = await openStream(api.url, 'muter');
    expect(s.status).toBe(200);
    const [muted, blocked, kept] = [tweet('mu1', 'mutee'), tweet('bl1', 'blockee'), tweet('ke1', 'kept')];
    for (const t of [muted, blocked, kept]) {
      await store.save(t);
      await publish(ctx.redis, t);
    }
    // Events are relayed in order: once the last one is here, the two before it were either sent or dropped.
    await waitFor(() => s.events.some((e) => e.id === kept.id), { what: 'the unmuted followee’s tweet', timeoutMs: 5000 });
    expect(s.events.map((e) => e.id)).toEqual([kept.id]);

    // The replay after a reconnect hides them too (the timeline still holds them; reads filter).
    for (const t of [muted, kept]) await ctx.redis.lpush(ctx.keys.timeline('muter'), t.id);
    const again = await openStream(api.url, 'muter', { 'last-event-id': 'not-in-the-timeline' });
    await waitFor(() => again.events.some((e) => e.id === kept.id), { what: 'the replayed unmuted tweet', timeoutMs: 5000 });
    expect(again.events.map((e) => e.id)).toEqual([kept.id]);
  });

  it('comes up once Redis does when Redis was down when the API started', async () => {
    // A port nobody listens on yet, below the ephemeral range (32768-60999): in the seconds before
    // Redis starts on it, no client's outgoing connection can take it (a redis-server once exited
    // with code 1 on 46248 during the cluster suite).
    const port = 23000 + Math.floor(Math.random() * 4000);
    const url = `redis://127.0.0.1:${port}`;
    const redis = createRedis({ url });
    const subscriber = createRedis({ url });
    ctx.onCleanup(() => closeRedis(redis));
    const api = await startApi(ctx, { redis, subscriber, awaitLive: false });
    await api.live.start().catch(() => undefined); // fails while Redis is down (the API logs it and serves on)
    const dir = mkdtempSync(join(tmpdir(), 'chirp-live-redis-'));
    ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const server = await startRedis({ dataDir: dir, logFile: join(dir, 'redis.log'), port });
    ctx.onCleanup(() => server.stop());
    // The accounts group resumes on its own backoff once Redis answers: sign-up works again soon after.
    await waitFor(() => account(api.url, 'zoe'), { what: 'a sign-up after Redis came up', timeoutMs: 40_000, intervalMs: 500 });
    const s = await openStream(api.url, 'zoe');
    expect(s.status).toBe(200);
    await waitFor(
      async () => {
        await publish(redis, tweet('rz1', 'zoe'));
        return s.events.length > 0;
      },
      { what: 'a live event after Redis came up', timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(s.events[0]!.id).toBe('rz1');
  }, 90_000);
});
