import { describe, it, expect, onTestFinished } from 'vitest';
import { TAGS } from '@chirp/core';
import { createTagger, type Tagger, type TaggerOptions } from '../src/index.ts';
import { startFakeOpenAi, tagsReply, type FakeOpenAi } from './helpers/fake-openai-server.ts';
import { recordEvents } from './helpers/recorder.ts';
import { waitFor } from './helpers/wait-for.ts';

const BOOK_TWEET = { id: '101', text: 'Just finished a new novel and cannot stop thinking about the ending. Book club tonight!' };

function taggerFor(fake: FakeOpenAi, options: TaggerOptions = {}): Tagger {
  const tagger = createTagger({ baseURL: fake.baseURL, apiKey: 'sk-test', model: 'test-model', retryBaseDelayMs: 10, ...options });
  onTestFinished(() => tagger.close());
  return tagger;
}

describe('openai provider over real HTTP', () => {
  it('tags with a valid answer, sending the vocabulary and JSON mode', async () => {
    const fake = await startFakeOpenAi(() => tagsReply(['bookworms', 'culture_vultures']));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent });

    await expect(tagger.tag(BOOK_TWEET)).resolves.toEqual({ tags: ['bookworms', 'culture_vultures'], provider: 'openai', model: 'test-model' });

    expect(fake.requests).toHaveLength(1);
    const { body, headers } = fake.requests[0]!;
    expect(headers.authorization).toBe('Bearer sk-test');
    expect(body.model).toBe('test-model');
    expect(body.response_format).toEqual({ type: 'json_object' });
    const system = body.messages!.find((m) => m.role === 'system')!.content;
    for (const tag of TAGS) expect(system).toContain(tag);
    expect(body.messages!.find((m) => m.role === 'user')!.content).toContain('Book club tonight');
    expect(rec.of('request')).toMatchObject([{ outcome: 'ok', status: 200, attempt: 1, tweets: 1 }]);
    expect(rec.of('tagged')).toMatchObject([{ provider: 'openai', tweets: 1 }]);
    expect(rec.of('fallback')).toEqual([]);
  });

  it('normalises odd casing and drops tags outside the vocabulary', async () => {
    const fake = await startFakeOpenAi(() => tagsReply(['Book_Club', 'goodvib', 'MOVIE-LOVERS', 'movie buffs', 'movie_lovers', 'Bookworms']));
    const tagger = taggerFor(fake);
    await expect(tagger.tag(BOOK_TWEET)).resolves.toEqual({ tags: ['movie_lovers', 'movie_buffs', 'bookworms'], provider: 'openai', model: 'test-model' });
  });

  it('falls back to the local tagger on malformed JSON, without retrying', async () => {
    const fake = await startFakeOpenAi(() => ({ content: 'Sure! Here are the tags: bookworms' }));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, maxRetries: 3 });

    await expect(tagger.tag(BOOK_TWEET)).resolves.toEqual({ tags: ['bookworms'], provider: 'local', model: null });
    expect(fake.requests).toHaveLength(1);
    expect(rec.of('request')).toMatchObject([{ outcome: 'malformed', status: null }]);
    expect(rec.of('fallback')).toEqual([{ type: 'fallback', reason: 'upstream_error', tweets: 1 }]);
    expect(rec.of('retry')).toEqual([]);
  });

  it('honours Retry-After on 429 and succeeds on the retry', async () => {
    const fake = await startFakeOpenAi((_, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '1' } } : tagsReply(['bookworms'])));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, maxRetries: 2, retryBaseDelayMs: 10 });

    await expect(tagger.tag(BOOK_TWEET)).resolves.toMatchObject({ tags: ['bookworms'], provider: 'openai' });
    expect(fake.requests).toHaveLength(2);
    // Backoff alone would have waited ~10ms; the gap is the server's one second.
    expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(950);
    expect(rec.of('retry')).toEqual([{ type: 'retry', reason: 'rate_limited', attempt: 1, delayMs: 1000, fromRetryAfter: true }]);
    expect(rec.of('request').map((e) => e.outcome)).toEqual(['rate_limited', 'ok']);
  });

  it('retries 5xx with backoff, then gives the tweet to the local tagger when retries run out', async () => {
    const fake = await startFakeOpenAi(() => ({ status: 503 }));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, maxRetries: 2 });

    await expect(tagger.tag(BOOK_TWEET)).resolves.toEqual({ tags: ['bookworms'], provider: 'local', model: null });
    expect(fake.requests).toHaveLength(3);
    expect(rec.of('retry').map((e) => [e.reason, e.attempt, e.fromRetryAfter])).toEqual([
      ['server_error', 1, false],
      ['server_error', 2, false],
    ]);
    expect(rec.of('fallback')).toMatchObject([{ reason: 'upstream_error' }]);
  });

  it('gives up at once when Retry-After asks for longer than the cap', async () => {
    const fake = await startFakeOpenAi(() => ({ status: 429, headers: { 'retry-after': '30' } }));
    const tagger = taggerFor(fake, { maxRetries: 3, retryMaxDelayMs: 500 });
    const started = Date.now();
    await expect(tagger.tag(BOOK_TWEET)).resolves.toMatchObject({ provider: 'local' });
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('opens the breaker on repeated 500s, serves locally while open, and returns to the provider after the cooldown', async () => {
    let healthy = false;
    const fake = await startFakeOpenAi(() => (healthy ? tagsReply(['bookworms']) : { status: 500 }));
    const rec = recordEvents();
    const cooldownMs = 1_000;
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, maxRetries: 0, breaker: { failureThreshold: 3, cooldownMs } });

    for (let i = 0; i < 3; i++) await expect(tagger.tag(BOOK_TWEET)).resolves.toMatchObject({ provider: 'local', tags: ['bookworms'] });
    expect(fake.requests).toHaveLength(3);
    expect(tagger.breakerState()).toBe('open');
    const openedAt = Date.now();

    // While open, nothing reaches the server: the local tagger answers at once.
    for (let i = 0; i < 20; i++) await expect(tagger.tag({ id: `o${i}`, text: BOOK_TWEET.text })).resolves.toMatchObject({ provider: 'local' });
    expect(fake.requests).toHaveLength(3);
    expect(rec.of('fallback').filter((e) => e.reason === 'breaker_open')).toHaveLength(20);

    healthy = true;
    const back = await waitFor(
      async () => {
        const result = await tagger.tag(BOOK_TWEET);
        return result.provider === 'openai' ? result : null;
      },
      { timeoutMs: 5_000, intervalMs: 25, what: 'traffic to return to the provider' },
    );
    expect(back).toEqual({ tags: ['bookworms'], provider: 'openai', model: 'test-model' });
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(cooldownMs - 50);
    expect(fake.requests).toHaveLength(4); // exactly one probe
    expect(tagger.breakerState()).toBe('closed');
    expect(rec.of('breaker').map((e) => `${e.from}->${e.to}`)).toEqual(['closed->open', 'open->half-open', 'half-open->closed']);

    await expect(tagger.tag(BOOK_TWEET)).resolves.toMatchObject({ provider: 'openai' });
    expect(fake.requests).toHaveLength(5);
  });

  it('falls back when the provider is slower than the timeout', async () => {
    const fake = await startFakeOpenAi(() => ({ ...tagsReply(['bookworms']), delayMs: 3_000 }));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, timeoutMs: 300, maxRetries: 1 });
    const started = Date.now();

    await expect(tagger.tag(BOOK_TWEET)).resolves.toEqual({ tags: ['bookworms'], provider: 'local', model: null });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requests).toHaveLength(2); // a timeout is worth one more try
    expect(rec.of('request').map((e) => e.outcome)).toEqual(['timeout', 'timeout']);
    expect(rec.of('fallback')).toMatchObject([{ reason: 'upstream_error' }]);
  });

  it('sends a batch in one call and tags locally only the tweets the answer left out', async () => {
    const fake = await startFakeOpenAi(() => ({
      content: JSON.stringify({
        results: [
          { id: '1', tags: ['foodies'] },
          { id: '3', tags: ['GAMERS'] },
        ],
      }),
    }));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, batchSize: 3 });
    const results = await tagger.tagMany([
      { id: 'a', text: 'ramen night' },
      { id: 'b', text: 'Leg day at the gym 💪' },
      { id: 'c', text: 'ranked grind' },
    ]);
    expect(results).toEqual([
      { tags: ['foodies'], provider: 'openai', model: 'test-model' },
      { tags: ['fitness_freaks'], provider: 'local', model: null },
      { tags: ['gamers'], provider: 'openai', model: 'test-model' },
    ]);
    expect(fake.requests).toHaveLength(1);
    expect((JSON.parse(fake.requests[0]!.body.messages!.find((m) => m.role === 'user')!.content) as { tweets: unknown[] }).tweets).toHaveLength(3);
    expect(rec.of('fallback')).toEqual([{ type: 'fallback', reason: 'incomplete', tweets: 1 }]);
  });

  it('keeps concurrent calls within the bound', async () => {
    const fake = await startFakeOpenAi(() => ({ ...tagsReply(['bookworms']), delayMs: 150 }));
    const tagger = taggerFor(fake, { concurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => tagger.tag({ id: String(i), text: BOOK_TWEET.text })));
    expect(results.every((r) => r.provider === 'openai')).toBe(true);
    expect(fake.requests).toHaveLength(6);
    expect(fake.maxActive).toBe(2);
  });

  it('queues a large batch behind the bound without leaking listeners or warnings', async () => {
    const fake = await startFakeOpenAi((request) => {
      const { tweets } = JSON.parse(request.body.messages!.find((m) => m.role === 'user')!.content) as { tweets: Array<{ id: string }> };
      return { content: JSON.stringify({ results: tweets.map((t) => ({ id: t.id, tags: ['bookworms'] })) }), delayMs: 5 };
    });
    const warnings: Error[] = [];
    const onWarning = (w: Error): number => warnings.push(w);
    process.on('warning', onWarning);
    onTestFinished(() => void process.off('warning', onWarning));
    const tagger = taggerFor(fake, { concurrency: 2, batchSize: 4 });
    const results = await tagger.tagMany(Array.from({ length: 200 }, (_, i) => ({ id: String(i), text: `tweet ${i}` })));
    expect(results.every((r) => r.provider === 'openai' && r.tags[0] === 'bookworms')).toBe(true);
    expect(fake.requests).toHaveLength(50);
    expect(fake.maxActive).toBeLessThanOrEqual(2);
    // Warnings are emitted on the next tick; let it pass before looking.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => w.name)).toEqual([]);
  });

  it('close() ends calls in flight, tagging their tweets locally', async () => {
    const fake = await startFakeOpenAi(() => ({ ...tagsReply(['bookworms']), delayMs: 10_000 }));
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, timeoutMs: 60_000 });
    const pending = tagger.tag(BOOK_TWEET);
    await waitFor(() => fake.requests.length === 1, { what: 'the request to arrive' });
    const started = Date.now();
    await tagger.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect(pending).resolves.toEqual({ tags: ['bookworms'], provider: 'local', model: null });
    expect(rec.of('fallback')).toEqual([{ type: 'fallback', reason: 'closed', tweets: 1 }]);
    await expect(tagger.tag(BOOK_TWEET)).rejects.toThrow(/closed/);
  });

  it('treats an unreachable server as a connection failure and falls back', async () => {
    const fake = await startFakeOpenAi(() => tagsReply([]));
    await fake.close();
    const rec = recordEvents();
    const tagger = taggerFor(fake, { onEvent: rec.onEvent, maxRetries: 1 });
    await expect(tagger.tag(BOOK_TWEET)).resolves.toMatchObject({ provider: 'local', tags: ['bookworms'] });
    expect(rec.of('request').map((e) => e.outcome)).toEqual(['connection', 'connection']);
    expect(rec.of('retry')).toMatchObject([{ reason: 'connection' }]);
  });
});
