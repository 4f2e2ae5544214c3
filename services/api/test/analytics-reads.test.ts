import { describe, expect, it } from 'vitest';
import { AnalyticsReads, ForwardDecay, ForYou } from '@chirp/analytics';
import { changelogTopic, groupId, type Tag } from '@chirp/core';
import { PreferencesStore, TimelineStore, TweetStore } from '@chirp/store';
import { ensureTopics } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { countRedisCommands, createTestContext, signUpAll, waitFor } from '@chirp/testkit';
import type { AppDeps } from '../src/deps.ts';
import { startApi } from './helpers.ts';

const ctx = await createTestContext();
const logger = createLogger('api-test', 'silent');
const HOUR = 3600_000;
const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const decay = new ForwardDecay({ halfLifeMs: 168 * HOUR, landmarkMs: Date.parse('2025-01-01T00:00:00.000Z') });
const tweets = new TweetStore(ctx.redis, ctx.keys);
const timelines = new TimelineStore(ctx.redis, ctx.keys, { cap: 800 });
const prefs = new PreferencesStore(ctx.redis, ctx.keys);

/** The app with the given analytics reads (or none), and a session for every reader of this suite. */
async function serve(analytics: AppDeps['analytics']): Promise<string> {
  return (await startApi(ctx, { analytics })).url;
}

async function tweet(id: string, author: string, ageMs: number, tags: Tag[], inTimelineOf?: string): Promise<void> {
  const createdAt = new Date(NOW - ageMs).toISOString();
  await tweets.save({ id, author, text: `${id} text`, createdAt });
  await tweets.saveTags(id, tags, Date.parse(createdAt));
  if (inTimelineOf) await timelines.deliverToUsers({ tweetId: id, createdAtMs: Date.parse(createdAt), users: [inTimelineOf], marker: 'test' });
}

const forYou = new ForYou({ redis: ctx.redis, keys: ctx.keys, tweets, recencyHalfLifeMs: 24 * HOUR, now: () => NOW });
const redisOnly = new AnalyticsReads({ topic: 'unused', preferences: prefs, decay, trendWindowMinutes: 60, logger, now: () => NOW });
const url = await serve({ forYou, reads: redisOnly });
const readers = await signUpAll(url, ['rita', 'tess', 'una', 'vic', 'nobody']);
/** GET as the user a private path names (`/api/timelines/<user>`, `/api/users/<user>/preferences`); public paths unauthenticated. */
const get = async <T>(path: string, base = url): Promise<{ status: number; body: T }> => {
  const owner = /^\/api\/(?:timelines|users)\/([A-Za-z0-9_]+)/.exec(path)?.[1] as keyof typeof readers | undefined;
  const res = owner && readers[owner] ? await readers[owner].fetch(`${base}${path}`) : await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as T };
};
type Page = { user: string; tweets: { id: string }[]; nextCursor: string | null };

describe('for-you ranking', () => {
  it("ranks an older tweet on the reader's strong tag above a newer one on no tag of theirs; plain order otherwise", async () => {
    await tweet('old_sport', 'coach', 6 * HOUR, ['sports_fans', 'sports_enthusiasts'], 'rita');
    await tweet('new_cook', 'chef', 1 * HOUR, ['foodies'], 'rita');
    await tweet('mid_plain', 'pal', 3 * HOUR, [], 'rita');
    await tweet('far_sport', 'stranger', 2 * HOUR, ['sports_fans']); // not in rita's timeline: found by tag
    const plain = await get<Page>('/api/timelines/rita');
    expect(plain.body.tweets.map((t) => t.id)).toEqual(['new_cook', 'mid_plain', 'old_sport']); // time order (timelines are sorted)
    // No clicks yet: no strong tags, so the timeline's own tweets by recency alone.
    expect((await get<Page>('/api/timelines/rita?ranking=for-you')).body.tweets.map((t) => t.id)).toEqual(['new_cook', 'mid_plain', 'old_sport']);
    // rita has clicked sports: 10 units on sports_fans, 6 on sports_enthusiasts, 1 on foodies.
    const at = NOW - 30 * 60_000;
    await prefs.write([
      { user: 'rita', scores: { sports_fans: decay.contribution(10, at), sports_enthusiasts: decay.contribution(6, at), foodies: decay.contribution(1, at) } },
    ]);
    const ranked = await get<Page>('/api/timelines/rita?ranking=for-you&limit=10');
    expect(ranked.status).toBe(200);
    expect(ranked.body.user).toBe('rita');
    expect(ranked.body.nextCursor).toBeNull();
    expect(ranked.body.tweets.map((t) => t.id)).toEqual(['far_sport', 'old_sport', 'new_cook', 'mid_plain']);
    expect((await get<Page>('/api/timelines/rita?ranking=for-you&limit=2')).body.tweets.map((t) => t.id)).toEqual(['far_sport', 'old_sport']);
  });

  it('costs two Redis round trips per page (and one session lookup), whatever the page size', async () => {
    for (let i = 0; i < 150; i++) await tweet(`rt${i}`, `w${i % 5}`, (150 - i) * 60_000, i % 2 ? ['gamers'] : ['foodies'], 'tess');
    await prefs.write([{ user: 'tess', scores: { gamers: 3, foodies: 1, music_lovers: 1 } }]);
    const counter = countRedisCommands(ctx.redis);
    try {
      for (const limit of [1, 20, 100]) {
        counter.reset();
        const page = await get<Page>(`/api/timelines/tess?ranking=for-you&limit=${limit}`);
        expect(page.body.tweets).toHaveLength(limit);
        expect(page.body.tweets[0]!.id).toBe('rt149'); // newest gamers tweet
        // GET session:<hash>, the candidates script, one MGET. On Redis Cluster the candidates take two
        // steps (the user's keys, then the strong tags' lists: for-you-candidates.ts readAcrossSlots)
        // and the bodies one GET each, sent together to every master: 4.
        expect(counter.roundTrips).toBeLessThanOrEqual(ctx.cluster ? 4 : 3);
        expect(counter.roundTrips).toBeGreaterThanOrEqual(2); // the counter saw the session and the candidates
        if (!ctx.cluster) expect(counter.count).toBeLessThanOrEqual(3);
      }
    } finally {
      counter.restore();
    }
  });

  it('refuses an unknown ranking, and answers 503 when analytics reads are not wired', async () => {
    const bad = await get<{ field: string }>('/api/timelines/rita?ranking=magic');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('ranking');
    const bare = await serve(undefined);
    expect((await get('/api/timelines/rita?ranking=for-you', bare)).status).toBe(503);
    expect((await get('/api/users/rita/preferences', bare)).status).toBe(503);
    expect((await get('/api/trends', bare)).status).toBe(503);
  });
});

describe('preferences and trends', () => {
  it('reads preferences from Redis, decayed to now, strongest first; trends wait for the view', async () => {
    await prefs.write([{ user: 'una', scores: { gamers: decay.contribution(2, NOW - 7 * 24 * HOUR), foodies: decay.contribution(3, NOW) } }]);
    const res = await get<{ user: string; tags: { tag: string; score: number }[] }>('/api/users/una/preferences');
    expect(res.body.user).toBe('una');
    expect(res.body.tags.map((t) => t.tag)).toEqual(['foodies', 'gamers']);
    expect(res.body.tags[0]!.score).toBeCloseTo(3, 9);
    expect(res.body.tags[1]!.score).toBeCloseTo(1, 9); // one half-life old
    expect((await get('/api/users/nobody/preferences')).body).toEqual({ user: 'nobody', tags: [] });
    expect((await get('/api/users/no%20body/preferences')).status).toBe(400);
    expect((await get('/api/trends')).status).toBe(503);
  });

  it('serves both from a view of the analytics table once it caught up, trends over a sliding window', async () => {
    const topic = changelogTopic(groupId(ctx.prefix, 'analytics'));
    await ensureTopics(ctx.kafka, [{ topic, partitions: 2, compacted: true }]);
    const minute = Math.floor(NOW / 60_000);
    const record = (affinity: Record<string, number>, minutes: Record<string, Record<string, number>>) =>
      JSON.stringify({ value: { affinity, clicks: 1, minutes }, marks: { offsets: { x: '0' }, pending: [], recent: [] } });
    const producer = await ctx.producer();
    await producer.send({
      topic,
      messages: [
        { key: 'vic', value: record({ gamers: decay.contribution(4, NOW) }, { [minute - 90]: { pet_lovers: 9 }, [minute - 5]: { gamers: 2 } }) },
        { key: 'wes', value: record({ foodies: decay.contribution(1, NOW) }, { [minute - 1]: { foodies: 1, gamers: 1 } }) },
      ],
    });
    const reads = new AnalyticsReads({ kafka: ctx.kafka, topic, preferences: prefs, decay, trendWindowMinutes: 60, logger, now: () => NOW });
    ctx.onCleanup(() => reads.close());
    reads.start();
    await reads.ready();
    const base = await serve({ forYou, reads });
    const prefsVic = await get<{ tags: { tag: string; score: number }[] }>('/api/users/vic/preferences', base);
    expect(prefsVic.body.tags).toHaveLength(1);
    expect(prefsVic.body.tags[0]!.score).toBeCloseTo(4, 9);
    const trends = await get<{ window: { minutes: number }; tags: { tag: string; count: number }[] }>('/api/trends', base);
    expect(trends.body.window.minutes).toBe(60);
    expect(trends.body.tags).toEqual([
      { tag: 'gamers', count: 3 },
      { tag: 'foodies', count: 1 },
    ]); // pet_lovers is 90 minutes old

    // A new record of vic replaces the old one: its counts come out, the new ones go in.
    await producer.send({ topic, messages: [{ key: 'vic', value: record({ gamers: decay.contribution(4, NOW) }, { [minute]: { foodies: 4 } }) }] });
    const after = await waitFor(
      async () => {
        const t = await get<{ tags: { tag: string; count: number }[] }>('/api/trends?limit=1', base);
        return t.body.tags[0]?.tag === 'foodies' ? t.body : null;
      },
      { what: 'trends to follow the table' },
    );
    expect(after.tags).toEqual([{ tag: 'foodies', count: 5 }]);
  });
});
