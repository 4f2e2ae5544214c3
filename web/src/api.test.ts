import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from './api.ts';
import { installFakeFetch, json } from './test/fake-fetch.ts';

describe('api', () => {
  it('turns an error answer into an ApiError with status, message and field', async () => {
    installFakeFetch({ 'POST /api/tweets': () => json(400, { error: 'must not be empty', field: 'text' }) });
    const err = await createApi()
      .postTweet({ author: 'alice', text: ' ' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, message: 'must not be empty', field: 'text' });
  });

  it('reports an unreachable server as status 0', async () => {
    const api = createApi({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(api.getTweet('x')).rejects.toMatchObject({ status: 0, retriable: true });
  });

  it('sends the timeline query and normalises the page', async () => {
    const fake = installFakeFetch({
      'GET /api/timelines/alice': () =>
        json(200, { user: 'alice', tweets: [{ id: '1', author: 'bob', text: 'hi', createdAt: '2025-11-03T12:00:00Z' }, { bogus: true }], nextCursor: '' }),
    });
    const page = await createApi().getTimeline('alice', { cursor: 'abc', ranking: 'for-you' });
    expect(page).toEqual({ items: [{ id: '1', author: 'bob', text: 'hi', createdAt: '2025-11-03T12:00:00Z' }], nextCursor: null });
    expect(Object.fromEntries(fake.requests[0]!.url.searchParams)).toEqual({ limit: '20', cursor: 'abc', ranking: 'for-you' });
  });

  it('follows with PUT and unfollows with DELETE, accepting 204', async () => {
    const fake = installFakeFetch({
      'PUT /api/users/alice/following/bob': () => new Response(null, { status: 204 }),
      'DELETE /api/users/alice/following/bob': () => new Response(null, { status: 204 }),
    });
    await createApi().follow('alice', 'bob');
    await createApi().unfollow('alice', 'bob');
    expect(fake.requests.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
  });
});
