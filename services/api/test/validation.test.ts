import { describe, expect, it } from 'vitest';
import { createTestContext, signUpAll } from '@chirp/testkit';
import { startApi, topicSize } from './helpers.ts';

const ctx = await createTestContext();
const api = await startApi(ctx);
const users = await signUpAll(api.url, ['ann', 'mohammad', 'maria']);

/** Posts as ann unless another signed-in user is named. */
const post = (path: string, body: string | Buffer, type: string | undefined, as: keyof typeof users = 'ann'): Promise<Response> =>
  users[as].fetch(`${api.url}${path}`, { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
const json = (v: unknown): string => JSON.stringify(v);
/** One letter and 120 combining accents, 100 times: 100 graphemes, 24,100 bytes (issue 11, defect 8). */
const ZALGO = ('a' + '\u0301'.repeat(120)).repeat(100);
/** 280 graphemes, one byte over the bound: the last emoji carries two combining accents. */
const BYTES_1121 = 'a' + '👍'.repeat(279) + '\u0301\u0301';

describe('API input validation: a clear 4xx, and nothing reaches Kafka', () => {
  const cases: [string, () => Promise<Response>, number, string | undefined][] = [
    ['missing text', () => post('/api/tweets', json({ author: 'ann' }), 'application/json'), 400, 'text'],
    ['whitespace-only text', () => post('/api/tweets', json({ author: 'ann', text: ' \n\t ' }), 'application/json'), 400, 'text'],
    ['10 KB text', () => post('/api/tweets', json({ author: 'ann', text: 'x'.repeat(10_240) }), 'application/json'), 400, 'text'],
    ['100 graphemes of 121 code points (24 KB)', () => post('/api/tweets', json({ author: 'ann', text: ZALGO }), 'application/json'), 400, 'text'],
    [
      '280 graphemes in 1,121 bytes (form)',
      () => post('/api/tweets', `author=ann&tweet=${encodeURIComponent(BYTES_1121)}`, 'application/x-www-form-urlencoded'),
      400,
      'tweet',
    ],
    ['281 emoji', () => post('/api/tweets', json({ author: 'ann', text: '👍'.repeat(281) }), 'application/json'), 400, 'text'],
    ['a 2 MB body', () => post('/api/tweets', json({ author: 'ann', text: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'), 413, undefined],
    ['an invalid handle', () => post('/api/tweets', json({ author: 'not a handle!', text: 'hi' }), 'application/json'), 400, 'author'],
    ['a 33-character handle', () => post('/api/tweets', json({ author: 'a'.repeat(33), text: 'hi' }), 'application/json'), 400, 'author'],
    ['invalid JSON', () => post('/api/tweets', '{"author": "ann", ', 'application/json'), 400, 'body'],
    ['JSON of the wrong shape (array)', () => post('/api/tweets', json(['ann', 'hi']), 'application/json'), 400, 'body'],
    ['JSON of the wrong shape (number text)', () => post('/api/tweets', json({ author: 'ann', text: 42 }), 'application/json'), 400, 'text'],
    ['an unsupported content type', () => post('/api/tweets', 'author=ann', 'text/plain'), 415, undefined],
    ['form with an empty tweet', () => post('/api/tweets', 'author=ann&tweet=', 'application/x-www-form-urlencoded'), 400, 'tweet'],
    ['following yourself', () => users.ann.fetch(`${api.url}/api/users/ann/following/ann`, { method: 'PUT' }), 400, 'target'],
    ['following an invalid handle', () => users.ann.fetch(`${api.url}/api/users/ann/following/b%20b`, { method: 'PUT' }), 400, 'target'],
  ];

  it.each(cases)('%s → %s', async (_name, send, status, field) => {
    const before = (await topicSize(ctx, ctx.topics.newTweets)) + (await topicSize(ctx, ctx.topics.follows));
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; field?: string };
    expect(body.error).toEqual(expect.any(String));
    expect(body.error).not.toMatch(/\n\s+at /); // never a stack trace
    if (field) expect(body.field).toBe(field);
    const after = (await topicSize(ctx, ctx.topics.newTweets)) + (await topicSize(ctx, ctx.topics.follows));
    expect(after).toBe(before);
  });

  it('answers 404 with JSON for unknown routes and ids', async () => {
    for (const path of ['/api/nope', '/api/tweets/doesnotexist']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toEqual(expect.any(String));
    }
  });

  it('accepts a form post as the article sends it and a JSON post, answering 201 with a Location after Kafka acked', async () => {
    const before = await topicSize(ctx, ctx.topics.newTweets);
    const form = await post('/api/tweets', 'author=mohammad&tweet=Hello', 'application/x-www-form-urlencoded', 'mohammad');
    expect(form.status).toBe(201);
    const a = (await form.json()) as { id: string; author: string; text: string; createdAt: string };
    expect(a).toMatchObject({ author: 'mohammad', text: 'Hello' });
    expect(form.headers.get('location')).toBe(`/api/tweets/${a.id}`);
    const j = await post('/api/tweets', json({ author: 'maria', text: '  Hola 👋🏽  ' }), 'application/json', 'maria');
    expect(j.status).toBe(201);
    expect(((await j.json()) as { text: string }).text).toBe('Hola 👋🏽');
    expect(await topicSize(ctx, ctx.topics.newTweets)).toBe(before + 2);
  });

  it('takes the signed-in account as the author when the body names none', async () => {
    const res = await post('/api/tweets', json({ text: 'no author field' }), 'application/json');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { author: string }).author).toBe('ann');
  });

  it('accepts 280 emoji (they count once each) and a family emoji as one character, up to 1,120 bytes', async () => {
    const res = await post('/api/tweets', json({ author: 'ann', text: '👍'.repeat(280) }), 'application/json');
    expect(res.status).toBe(201);
    const family = await post('/api/tweets', json({ author: 'ann', text: '👨‍👩‍👧'.repeat(62) }), 'application/json'); // 18 bytes each
    expect(family.status).toBe(201);
    const tooMany = await post('/api/tweets', json({ author: 'ann', text: '👨‍👩‍👧'.repeat(63) }), 'application/json');
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ field: 'text', error: expect.stringMatching(/1120 bytes/) as unknown });
  });
});
