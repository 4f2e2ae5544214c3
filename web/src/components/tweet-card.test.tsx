import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import type { ShownTweet, Tweet } from '../types.ts';
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

  it('replies from the card: the box opens, posts with replyTo, the count goes up and the thread is one click away', async () => {
    const created: Tweet = { id: 'r1', author: 'cat', text: 'a reply', createdAt: '2026-12-01T12:06:00.000Z', replyTo: { id: 't1', author: 'ann' } };
    const fake = installFakeFetch({ 'POST /api/tweets': () => json(201, created) });
    const replied: Tweet[] = [];
    render(<TweetCard tweet={tweet} viewer="cat" now={now} onReplied={(r) => replied.push(r)} />);
    const open = screen.getByRole('button', { name: /Reply 3/ });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    const form = screen.getByRole('form', { name: 'Reply to @ann' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Reply to @ann' }), { target: { value: 'a reply' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Reply 4/ })).toBeTruthy());
    expect(screen.queryByRole('form', { name: 'Reply to @ann' })).toBeNull();
    expect(screen.getByRole('link', { name: 'View thread' }).getAttribute('href')).toBe('#/t/t1');
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ author: 'cat', text: 'a reply', replyTo: 't1' });
    expect(replied).toEqual([created]);
  });

  it('shows a refused reply (403 when blocked) in the card’s box and keeps the text', async () => {
    installFakeFetch({ 'POST /api/tweets': () => json(403, { error: 'you cannot reply to this user (a block is in place)', field: 'replyTo' }) });
    render(<TweetCard tweet={tweet} viewer="cat" now={now} />);
    fireEvent.click(screen.getByRole('button', { name: /Reply 3/ }));
    const form = screen.getByRole('form', { name: 'Reply to @ann' });
    const box = within(form).getByRole('textbox', { name: 'Reply to @ann' });
    fireEvent.change(box, { target: { value: 'let me in' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Reply' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('You cannot reply to this user (a block is in place).'));
    expect((box as HTMLTextAreaElement).value).toBe('let me in');
    expect(screen.getByRole('button', { name: /Reply 3/ })).toBeTruthy();
  });
});
