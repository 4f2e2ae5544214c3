import { describe, expect, it } from 'vitest';
import { createTestContext, signUpAll, waitFor, type ServiceProcess } from '@chirp/testkit';

const ctx = await createTestContext();
/**
 * Workers that create their retry/DLQ topics and subscribe at once can exit on the broker's
 * "does not host this topic-partition" for a topic created a moment ago (a race in every
 * Processor's start, not in what this suite tests): such a start is tried again.
 */
async function start(name: string): Promise<ServiceProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.startService(name);
    } catch (error) {
      if (attempt >= 3 || !/exited with 1 before starting[\s\S]*does not host this topic-partition/.test(String(error))) throw error;
    }
  }
}
// The real processes, as `npm start` runs them.
const [api] = await Promise.all(['api', 'saver', 'fanout', 'graph', 'tagger', 'analytics'].map(start));
const url = `http://127.0.0.1:${api!.port}`;
const users = await signUpAll(url, ['reader', 'coach', 'chef']);

interface Tweet {
  id: string;
  author: string;
  createdAt: string;
  tags?: string[];
}
/** Reads as the reader (their timeline and preferences are private); public paths do not mind. */
const json = async <T>(path: string, init?: RequestInit): Promise<T> => (await (await users.reader.fetch(`${url}${path}`, init)).json()) as T;
const send = (path: string, body: unknown, as: keyof typeof users = 'reader'): Promise<Response> =>
  users[as].fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function post(author: 'coach' | 'chef', text: string): Promise<Tweet> {
  const res = await send('/api/tweets', { author, text }, author);
  expect(res.status).toBe(201);
  const tweet = (await res.json()) as Tweet;
  // Saved and tagged (the tagger's verdict is what analytics joins clicks with).
  return waitFor(
    async () => {
      const t = await json<Tweet>(`/api/tweets/${tweet.id}`);
      return t.tags ? t : null;
    },
    { what: `tags on "${text}"`, timeoutMs: 10_000 },
  );
}

describe('for-you timeline from clicks: API → twitter.clicks → analytics → prefs:<user> → ranking', () => {
  it('a reader who clicks sports gets an older sports tweet above a newer cooking tweet; the plain timeline stays newest first', async () => {
    for (const target of ['coach', 'chef'])
      expect((await users.reader.fetch(`${url}/api/users/reader/following/${target}`, { method: 'PUT' })).status).toBe(204);
    await waitFor(async () => (await json<{ following: number }>('/api/users/reader')).following === 2, { what: 'reader to follow both' });

    const sport = await post('coach', 'What a goal! The football match last night was incredible');
    const others = [
      await post('coach', 'Derby day: the stadium is packed and the match starts soon'),
      await post('coach', 'Basketball playoffs tonight, what a game'),
    ];
    const cooking = await post('chef', 'New pasta recipe tonight: homemade tagliatelle, delicious');
    expect(sport.tags).toContain('sports_fans');
    expect(cooking.tags).toContain('foodies');
    expect(Date.parse(cooking.createdAt)).toBeGreaterThan(Date.parse(sport.createdAt));

    const ids = (tweets: Tweet[]): string[] => tweets.map((t) => t.id);
    const plain = await waitFor(
      async () => {
        const page = await json<{ tweets: Tweet[] }>('/api/timelines/reader');
        return page.tweets.length === 4 ? page : null;
      },
      { what: 'all four tweets in the home timeline', timeoutMs: 10_000 },
    );
    expect(ids(plain.tweets)).toEqual([cooking.id, others[1]!.id, others[0]!.id, sport.id]);

    // The reader opens, likes and shares sports tweets, and glances at nothing else.
    const clicks = [sport, ...others].flatMap((t) => [
      { user: 'reader', tweetId: t.id, kind: 'open' },
      { user: 'reader', tweetId: t.id, kind: 'like' },
    ]);
    clicks.push({ user: 'reader', tweetId: sport.id, kind: 'share' }, { user: 'reader', tweetId: cooking.id, kind: 'dwell' });
    const accepted = await send('/api/clicks', { clicks });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toEqual({ accepted: clicks.length });

    const prefs = await waitFor(
      async () => {
        const p = await json<{ user: string; tags: { tag: string; score: number }[] }>('/api/users/reader/preferences');
        return p.tags.find((t) => t.tag === 'foodies') && p.tags[0]?.tag.startsWith('sports') ? p : null;
      },
      { what: "the reader's preferences from their clicks", timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(prefs.tags[0]!.score).toBeGreaterThan(prefs.tags.find((t) => t.tag === 'foodies')!.score);
    // 3 sports tweets × (open 1 + like 3) + share 5 on one of them = 17 on the tags all three carry.
    expect(prefs.tags.find((t) => t.tag === 'sports_fans')!.score).toBeCloseTo(17, 2);

    const forYou = await json<{ user: string; tweets: Tweet[]; nextCursor: string | null }>('/api/timelines/reader?ranking=for-you');
    expect(forYou.user).toBe('reader');
    expect(forYou.nextCursor).toBeNull();
    const ranked = ids(forYou.tweets);
    expect(ranked.indexOf(sport.id)).toBeGreaterThanOrEqual(0);
    expect(ranked.indexOf(sport.id)).toBeLessThan(ranked.indexOf(cooking.id));
    expect(ranked.at(-1)).toBe(cooking.id);

    // The plain timeline is untouched by clicks: still newest first.
    const after = await json<{ tweets: Tweet[] }>('/api/timelines/reader');
    expect(ids(after.tweets)).toEqual(ids(plain.tweets));
    const times = after.tweets.map((t) => Date.parse(t.createdAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const trends = await waitFor(
      async () => {
        const res = await fetch(`${url}/api/trends`);
        const body = res.status === 200 ? ((await res.json()) as { window: { minutes: number }; tags: { tag: string; count: number }[] }) : null;
        return body?.tags[0]?.tag.startsWith('sports') ? body : null;
      },
      { what: 'sports to trend', timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(trends.window.minutes).toBe(60);
    expect(trends.tags.find((t) => t.tag === 'sports_fans')!.count).toBe(7);
  }, 60_000);
});
