import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import type { ShownTweet } from '../types.ts';
import { TweetCard } from './tweet-card.tsx';

const tweet: ShownTweet = {
  id: 't1',
  author: 'ann',
  text: 'hello',
  createdAt: '2026-12-01T12:00:00.000Z',
  counts: { likes: 2, retweets: 1, replies: 3 },
  liked: false,
  retweeted: false,
  retweetedBy: ['bob'],
};
const now = Date.parse('2026-12-01T12:05:00.000Z');

describe('TweetCard actions (issue 18)', () => {
  it('shows counts and "retweeted by", likes and retweets through the API', async () => {
    const fake = installFakeFetch({
      'PUT /api/tweets/t1/likes': () => new Response(null, { status: 204 }),
      'POST /api/tweets/t1/retweets': () => new Response(null, { status: 204 }),
      'POST /api/clicks': () => new Response(null, { status: 202 }),
    });
    render(<TweetCard tweet={tweet} viewer="cat" now={now} />);
    expect(screen.getByText('retweeted by @bob')).toBeTruthy();
    expect(screen.getByText(/Reply 3/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull(); // not the viewer's tweet
    fireEvent.click(screen.getByRole('button', { name: /Like 2/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Like 3/ }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: /Retweet 1/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Undo retweet 2/ })).toBeTruthy());
    expect(fake.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(
      expect.arrayContaining(['PUT /api/tweets/t1/likes', 'POST /api/tweets/t1/retweets']),
    );
  });

  it('gives the like back when the API refuses it', async () => {
    installFakeFetch({
      'PUT /api/tweets/t1/likes': () => json(404, { error: 'no such tweet' }),
      'POST /api/clicks': () => new Response(null, { status: 202 }),
    });
    render(<TweetCard tweet={tweet} viewer="cat" now={now} />);
    fireEvent.click(screen.getByRole('button', { name: /Like 2/ }));
    await waitFor(() => expect(screen.getByText('Could not save the like')).toBeTruthy());
    expect(screen.getByRole('button', { name: /Like 2/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('deletes the viewer’s own tweet in place', async () => {
    const fake = installFakeFetch({ 'DELETE /api/tweets/t1': () => new Response(null, { status: 204 }) });
    render(<TweetCard tweet={tweet} viewer="ann" now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.getByText('This tweet was deleted.')).toBeTruthy());
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/tweets/t1')).toBe(true);
  });
});
