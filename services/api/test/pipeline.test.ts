import { describe, expect, it } from 'vitest';
import { createTestContext, signUpAll, waitFor } from '@chirp/testkit';

const ctx = await createTestContext();
// The real processes, as `npm start` runs them.
const [api] = await Promise.all([ctx.startService('api'), ctx.startService('saver'), ctx.startService('fanout'), ctx.startService('graph')]);
const url = `http://127.0.0.1:${api.port}`;
const users = await signUpAll(url, ['john', 'maria', 'hanna', 'mohammad', 'zed']);
type User = keyof typeof users;

interface Timeline {
  tweets: { id: string; author: string; text: string }[];
}
const timeline = async (user: User): Promise<Timeline> => (await (await users[user].fetch(`${url}/api/timelines/${user}`)).json()) as Timeline;
const follow = async (user: User, target: string): Promise<void> => {
  const res = await users[user].fetch(`${url}/api/users/${user}/following/${target}`, { method: 'PUT' });
  expect(res.status).toBe(204);
};

describe('tweet pipeline end to end: API → twitter.newTweets → saver, fanout → Redis timelines', () => {
  it('builds the article follow graph through Kafka', async () => {
    await Promise.all([follow('john', 'mohammad'), follow('maria', 'mohammad'), follow('hanna', 'mohammad'), follow('hanna', 'john')]);
    await follow('john', 'mohammad'); // idempotent
    const profile = await waitFor(
      async () => {
        const p = (await (await fetch(`${url}/api/users/mohammad`)).json()) as { followers: number };
        return p.followers === 3 ? p : null;
      },
      { what: 'mohammad to have 3 followers' },
    );
    expect(profile).toMatchObject({ user: 'mohammad', followers: 3, following: 0 });
    const followers = (await (await fetch(`${url}/api/users/mohammad/followers?limit=2`)).json()) as { users: string[]; nextCursor: string };
    expect(followers.users).toHaveLength(2);
    const rest = (await (await fetch(`${url}/api/users/mohammad/followers?limit=2&cursor=${encodeURIComponent(followers.nextCursor)}`)).json()) as {
      users: string[];
    };
    expect(new Set([...followers.users, ...rest.users])).toEqual(new Set(['john', 'maria', 'hanna']));
  });

  it('a form post and a JSON post reach every follower within 2 s, and no non-follower', async () => {
    const t0 = Date.now();
    const form = await users.mohammad.fetch(`${url}/api/tweets`, {
      method: 'POST',
      body: new URLSearchParams({ author: 'mohammad', tweet: 'Hello from curl' }),
    });
    expect(form.status).toBe(201);
    const a = (await form.json()) as { id: string };
    const json = await users.john.fetch(`${url}/api/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ author: 'john', text: 'Hello from JSON' }),
    });
    expect(json.status).toBe(201);
    const b = (await json.json()) as { id: string };
    const has = async (user: User, id: string): Promise<boolean> => (await timeline(user)).tweets.some((t) => t.id === id);
    await waitFor(
      async () =>
        (await Promise.all([has('john', a.id), has('maria', a.id), has('hanna', a.id), has('mohammad', a.id), has('hanna', b.id), has('john', b.id)])).every(
          Boolean,
        ),
      { what: 'both tweets in every follower timeline', timeoutMs: 2000, intervalMs: 20 },
    );
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(2000);
    expect(await has('maria', b.id)).toBe(false); // maria does not follow john
    expect((await timeline('zed')).tweets).toEqual([]); // follows nobody
    const hanna = await timeline('hanna');
    expect(
      hanna.tweets
        .map((t) => t.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const single = (await (await fetch(`${url}/api/tweets/${a.id}`)).json()) as { text: string };
    expect(single.text).toBe('Hello from curl');
  });

  it('renders the timeline as the article does with Accept: text/plain', async () => {
    const res = await users.maria.fetch(`${url}/api/timelines/maria`, { headers: { accept: 'text/plain' } });
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await res.text()).toContain('mohammad: Hello from curl\n');
  });

  it('unfollow removes the target tweets from the timeline', async () => {
    const res = await users.hanna.fetch(`${url}/api/users/hanna/following/john`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    await waitFor(async () => !(await timeline('hanna')).tweets.some((t) => t.author === 'john'), { what: 'john gone from hanna' });
    expect((await timeline('hanna')).tweets.every((t) => t.author === 'mohammad')).toBe(true);
  });

  it('answers /readyz 200 and /healthz while Kafka and Redis are up', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
