import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TweetStore } from '@chirp/store';
import { createTestContext, signIn, signUp, waitFor, type TestUser } from '@chirp/testkit';
import { startApi, topicSize } from './helpers.ts';

const ctx = await createTestContext();
const WINDOW_MS = 3000;
const api = await startApi(ctx, { auth: { signInWindowMs: WINDOW_MS } });
const url = api.url;
const victim = await signUp(url, 'victim', 'victim password 1');
const mallory = await signUp(url, 'mallory', 'mallory password 1');
const passwords = ['victim password 1', 'mallory password 1'];
// Clicks are accepted only on tweets that exist.
await new TweetStore(ctx.redis, ctx.keys).save({ id: 'abc', author: 'someone', text: 'clickable', createdAt: new Date().toISOString() });

/** Messages on every topic of this suite: what reached Kafka. */
async function produced(): Promise<number> {
  const topics = [ctx.topics.newTweets, ctx.topics.follows, ctx.topics.clicks, ctx.topics.accounts];
  return (await Promise.all(topics.map((t) => topicSize(ctx, t)))).reduce((a, b) => a + b, 0);
}

const json = { 'content-type': 'application/json' };
/** Every protected route, as the victim's client would call it. */
const protectedRoutes: [string, string, string, RequestInit][] = [
  ['POST', '/api/tweets', 'a tweet', { method: 'POST', headers: json, body: JSON.stringify({ author: 'victim', text: 'hi' }) }],
  ['POST', '/api/tweets', 'a form tweet', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'author=victim&tweet=hi' }],
  ['PUT', '/api/users/victim/following/someone', 'a follow', { method: 'PUT' }],
  ['DELETE', '/api/users/victim/following/someone', 'an unfollow', { method: 'DELETE' }],
  ['POST', '/api/clicks', 'a click', { method: 'POST', headers: json, body: JSON.stringify({ user: 'victim', tweetId: 'abc', kind: 'like' }) }],
  [
    'POST',
    '/api/clicks',
    'a batch of clicks',
    { method: 'POST', headers: json, body: JSON.stringify({ clicks: [{ user: 'victim', tweetId: 'abc', kind: 'open' }] }) },
  ],
  ['GET', '/api/timelines/victim', 'the home timeline', {}],
  ['GET', '/api/timelines/victim?ranking=for-you', 'the for-you timeline', {}],
  ['GET', '/api/users/victim/preferences', 'the preferences', {}],
  ['GET', '/api/stream?user=victim', 'the live stream', {}],
];

describe('authorization on every protected route; nothing reaches Kafka when refused', () => {
  it.each(protectedRoutes)('%s %s (%s) → 401 without credentials, with WWW-Authenticate: Bearer', async (_m, path, _what, init) => {
    const before = await produced();
    const res = await fetch(`${url}${path}`, init);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await res.json()) as { error: string }).error).toMatch(/sign in/);
    const bogus = await fetch(`${url}${path}`, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: 'Bearer notARealTokenAtAll123456' },
    });
    expect(bogus.status).toBe(401);
    await bogus.body?.cancel();
    expect(await produced()).toBe(before);
  });

  it.each(protectedRoutes)("%s %s (%s) → 403 with another user's token", async (_m, path, _what, init) => {
    const before = await produced();
    const res = await mallory.fetch(`${url}${path}`, init);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/signed in as mallory/);
    expect(await produced()).toBe(before);
  });

  it('lets the owner do each (the stream is theirs without ?user=), and keeps public routes public', async () => {
    for (const [, path, , init] of protectedRoutes) {
      const res = await victim.fetch(`${url}${path}`, init);
      expect([200, 201, 202, 204, 503]).toContain(res.status); // 503: for-you/preferences have no analytics wired here
      await res.body?.cancel();
    }
    const stream = await victim.fetch(`${url}/api/stream`);
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
    for (const path of [
      '/api/users/victim',
      '/api/users/victim/followers',
      '/api/users/victim/following',
      '/api/users/victim/tweets',
      '/api/tags/foodies/tweets',
      '/healthz',
      '/metrics',
    ]) {
      expect((await fetch(`${url}${path}`)).status).toBe(200);
    }
  });
});

describe('sign-up', () => {
  it('refuses an invalid handle and a password of under 10 or over 128 characters, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ handle: 'not a handle', password: 'long enough pw' }, 'handle'],
      [{ handle: 'shorty', password: 'short' }, 'password'],
      [{ handle: 'longer', password: 'x'.repeat(129) }, 'password'],
      [{ handle: 'nopw' }, 'password'],
    ];
    const before = await produced();
    for (const [body, field] of cases) {
      const res = await fetch(`${url}/api/accounts`, { method: 'POST', headers: json, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { field: string }).field).toBe(field);
    }
    expect(await produced()).toBe(before);
  });

  it("two parallel sign-ups of one handle in different case: one 201, one 409, and the password is the winner's", async () => {
    const attempt = (handle: string, password: string): Promise<Response> =>
      fetch(`${url}/api/accounts`, { method: 'POST', headers: json, body: JSON.stringify({ handle, password }) });
    const [a, b] = await Promise.all([attempt('Hanna', 'password of Hanna'), attempt('hanna', 'password of hanna')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [winner, loser] = a.status === 201 ? (['Hanna', 'password of hanna'] as const) : (['hanna', 'password of Hanna'] as const);
    const winnerPassword = winner === 'Hanna' ? 'password of Hanna' : 'password of hanna';
    expect(await (a.status === 201 ? a : b).json()).toEqual({ handle: winner }); // display keeps the chosen case
    expect(((await (a.status === 201 ? b : a).json()) as { field: string }).field).toBe('handle');
    const session = await signIn(url, 'HANNA', winnerPassword);
    expect(session.token).toEqual(expect.any(String));
    const wrong = await fetch(`${url}/api/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ handle: 'hanna', password: loser }) });
    expect(wrong.status).toBe(401);
    // A later sign-up of the handle is a 409 at once.
    expect((await attempt('HaNNa', 'yet another password')).status).toBe(409);
    passwords.push('password of Hanna', 'password of hanna', 'yet another password');
  });
});

describe('CSRF', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  let cookie: string;

  it('sign-in sets an HttpOnly SameSite=Lax cookie that authenticates same-origin requests', async () => {
    const res = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ handle: 'victim', password: 'victim password 1' }),
    });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^chirp_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP here
    cookie = setCookie.split(';')[0]!;
    const own = await fetch(`${url}/api/tweets`, {
      method: 'POST',
      headers: { ...form, cookie, origin: url, 'sec-fetch-site': 'same-origin' },
      body: 'tweet=from the app',
    });
    expect(own.status).toBe(201);
    expect((await fetch(`${url}/api/sessions/current`, { headers: { cookie } })).status).toBe(200);
  });

  it("a form POST from another origin with the victim's cookie → 403, nothing produced", async () => {
    const before = await produced();
    const attacks: Record<string, string>[] = [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' }, // a browser without Fetch Metadata
      { 'sec-fetch-site': 'same-site' }, // a sibling subdomain
      {}, // neither header: not a browser on our page
    ];
    for (const extra of attacks) {
      const res = await fetch(`${url}/api/tweets`, { method: 'POST', headers: { ...form, cookie, ...extra }, body: 'author=victim&tweet=pwned' });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/cross-site/);
      const follow = await fetch(`${url}/api/users/victim/following/mallory`, { method: 'PUT', headers: { cookie, ...extra } });
      expect(follow.status).toBe(403);
      await follow.body?.cancel();
    }
    expect(await produced()).toBe(before);
  });

  it('bearer-token requests are not affected by the origin check', async () => {
    const res = await victim.fetch(`${url}/api/tweets`, {
      method: 'POST',
      headers: { ...form, origin: 'https://elsewhere.example' },
      body: 'tweet=from a script',
    });
    expect(res.status).toBe(201);
  });
});

/**
 * A sign-in sent from another loopback address (127.0.0.0/8 is all loopback on Linux), so each
 * limit test has a client address of its own and no failure of an earlier test counts against it.
 */
function signInFrom(
  from: string,
  handle: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const body = JSON.stringify({ handle, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/sessions`,
      { method: 'POST', localAddress: from, headers: { ...json, ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
          resolve({ status: res.statusCode ?? 0, headers: h, body: JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('sign-in limits', () => {
  it('11 wrong passwords → 429 with Retry-After (X-Forwarded-For does not pick the key); the right one works after the window', async () => {
    await signUp(url, 'target', 'the right password');
    passwords.push('the right password');
    const from = '127.0.0.2';
    const wrong = (i: number) => signInFrom(from, 'target', `wrong guess ${i}`, { 'x-forwarded-for': `10.0.0.${i}` });
    for (let i = 1; i <= 10; i++) {
      const res = await wrong(i);
      expect(res.status).toBe(401);
      expect(res.body.field).toBe('password');
    }
    const limited = await wrong(11);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.error).toMatch(/too many/);
    // Still refused inside the window, even with the right password.
    const right = () => signInFrom(from, 'target', 'the right password');
    expect((await right()).status).toBe(429);
    const after = await waitFor(
      async () => {
        const res = await right();
        return res.status === 201 ? res : null;
      },
      { what: 'the sign-in window to pass', timeoutMs: WINDOW_MS * 4, intervalMs: 250 },
    );
    expect(after.body.handle).toBe('target');
  });

  it('only wrong passwords count: attempts refused with 429 for a locked handle do not lock out their client address', async () => {
    await signUp(url, 'locked', 'the locked password');
    passwords.push('the locked password');
    // Lock the handle with ten wrong guesses from ten addresses, so no address reaches its own limit.
    for (let i = 1; i <= 10; i++) expect((await signInFrom(`127.0.1.${i}`, 'locked', `guess ${i}`)).status).toBe(401);
    expect((await signInFrom('127.0.1.11', 'locked', 'guess 11')).status).toBe(429);
    // One client retries the locked handle a dozen times: each is refused by the handle's limit.
    const client = '127.0.2.1';
    for (let i = 0; i < 12; i++) expect((await signInFrom(client, 'locked', 'the locked password')).status).toBe(429);
    // Those refusals were not failed sign-ins of that address: its user signs in at once.
    const own = await signInFrom(client, 'victim', 'victim password 1');
    expect(own.status).toBe(201);
  });
});

describe('sign-out', () => {
  it('revokes the token and the cookie: both are refused afterwards', async () => {
    const user: TestUser = await signIn(url, 'victim', 'victim password 1');
    expect((await user.fetch(`${url}/api/timelines/victim`)).status).toBe(200);
    const out = await user.fetch(`${url}/api/sessions/current`, { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/chirp_session=;/);
    const after = await user.fetch(`${url}/api/timelines/victim`);
    expect(after.status).toBe(401);
    const cookie = `chirp_session=${user.token}`;
    expect((await fetch(`${url}/api/sessions/current`, { headers: { cookie } })).status).toBe(401);
    expect((await user.fetch(`${url}/api/sessions/current`, { method: 'DELETE' })).status).toBe(401);
  });
});

describe('security headers', () => {
  it('every response carries a CSP, nosniff, no framing and a referrer policy', async () => {
    for (const path of ['/healthz', '/api/users/victim', '/api/nope']) {
      const res = await fetch(`${url}${path}`);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      await res.body?.cancel();
    }
  });
});

describe('no clear-text password anywhere', () => {
  it('a scan of every Redis key and every Kafka record of this suite finds none', async () => {
    const found: string[] = [];
    let cursor = '0';
    let keys = 0;
    do {
      const [next, batch] = await ctx.redis.scan(cursor, 'MATCH', `${ctx.redisPrefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of batch) {
        keys++;
        const type = await ctx.redis.type(key);
        const dump = type === 'string' ? await ctx.redis.get(key) : JSON.stringify(await ctx.redis.dump(key));
        for (const p of passwords) if (dump?.includes(p) || key.includes(p)) found.push(`redis ${key}`);
      }
    } while (cursor !== '0');
    expect(keys).toBeGreaterThan(5); // accounts, sessions, rate-limit counters at least

    const admin = ctx.kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(ctx.prefix));
    await admin.disconnect();
    const total = (await Promise.all(topics.map((t) => topicSize(ctx, t)))).reduce((a, b) => a + b, 0);
    const consumer = ctx.kafka.consumer({ groupId: `${ctx.prefix}password-scan` });
    ctx.onCleanup(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    let seen = 0;
    let accountRecords = 0;
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        seen++;
        const text = `${message.key?.toString() ?? ''} ${message.value?.toString() ?? ''} ${JSON.stringify(message.headers ?? {})}`;
        if (topic === ctx.topics.accounts) {
          accountRecords++;
          expect(JSON.parse(message.value!.toString())).toMatchObject({ passwordHash: expect.stringMatching(/^scrypt\$32768\$8\$1\$/) as unknown });
        }
        for (const p of passwords) if (text.includes(p)) found.push(`kafka ${topic}`);
      },
    });
    await waitFor(() => seen >= total, { what: `all ${total} records of the suite's topics`, timeoutMs: 30_000 });
    expect(accountRecords).toBeGreaterThanOrEqual(4);
    expect(found).toEqual([]);
  });
});
