import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeEventSource, installFakeEventSource } from '../test/fake-event-source.ts';
import { deferred, installFakeFetch, json } from '../test/fake-fetch.ts';
import type { FakeHandler } from '../test/fake-fetch.ts';
import type { Tweet } from '../types.ts';
import { TweetPage } from './tweet-page.tsx';

const at = (minute: number): string => new Date(Date.now() - (60 - minute) * 60_000).toISOString();
const root: Tweet = { id: 'r', author: 'ann', text: 'the root', createdAt: at(1) };
const focus: Tweet = {
  id: 'f',
  author: 'bob',
  text: 'the focused tweet',
  createdAt: at(2),
  replyTo: { id: 'r', author: 'ann' },
  counts: { likes: 0, retweets: 0, replies: 3 },
};
const reply = (id: string, minute: number, author = 'cat'): Tweet => ({
  id,
  author,
  text: `reply ${id}`,
  createdAt: at(minute),
  replyTo: { id: 'f', author: 'bob' },
});

function repliesShown(): string[] {
  const list = screen.queryByRole('list', { name: 'Replies' });
  if (list === null) return [];
  return within(list)
    .getAllByRole('article')
    .map((a) => a.querySelector('.tweet-text')?.textContent ?? '');
}

/** The thread route answers page 1 (no cursor) and page 2 (`cursor=c2`) of the replies. */
const threadRoute: FakeHandler = (req) =>
  req.url.searchParams.get('cursor') === 'c2'
    ? json(200, { tweet: focus, ancestors: [root], replies: [reply('x1', 10)], nextCursor: null })
    : json(200, { tweet: focus, ancestors: [root], replies: [reply('x3', 30), reply('x2', 20)], nextCursor: 'c2' });

async function renderThread(extra: Parameters<typeof installFakeFetch>[0] = {}): Promise<ReturnType<typeof installFakeFetch>> {
  const fake = installFakeFetch({ 'GET /api/tweets/f/thread': threadRoute, 'POST /api/clicks': () => new Response(null, { status: 202 }), ...extra });
  render(<TweetPage viewer="dan" id="f" />);
  await screen.findByText('the focused tweet');
  return fake;
}

async function sendReply(text: string): Promise<void> {
  fireEvent.change(screen.getByRole('textbox', { name: 'Reply to @bob' }), { target: { value: text } });
  fireEvent.click(within(screen.getByRole('form', { name: 'Reply to @bob' })).getByRole('button', { name: 'Reply' }));
}

describe('TweetPage: the thread view (issue 18)', () => {
  beforeEach(() => {
    installFakeEventSource();
  });

  it('shows the ancestors, the focused tweet highlighted and a page of replies; "More replies" fetches the next', async () => {
    const fake = await renderThread();
    const ancestors = screen.getByRole('list', { name: 'Earlier in the thread' });
    expect(within(ancestors).getByText('the root')).toBeTruthy();
    const focused = screen.getByTestId('thread-focus');
    expect(focused.getAttribute('aria-current')).toBe('true');
    expect(within(focused).getByText('the focused tweet')).toBeTruthy();
    expect(within(focused).getByText('3 replies')).toBeTruthy();
    await waitFor(() => expect(repliesShown()).toEqual(['reply x3', 'reply x2']));

    fireEvent.click(screen.getByRole('button', { name: 'More replies' }));
    await waitFor(() => expect(repliesShown()).toEqual(['reply x3', 'reply x2', 'reply x1']));
    expect(screen.queryByRole('button', { name: 'More replies' })).toBeNull();
    const threadCalls = fake.requests.filter((r) => r.url.pathname === '/api/tweets/f/thread');
    expect(threadCalls.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, 'c2']);
    expect(threadCalls[0]!.url.searchParams.get('limit')).toBe('20');
  });

  it('posts a reply with replyTo and shows it at the top of the replies at once', async () => {
    const answer = deferred<Response>();
    const fake = await renderThread({ 'POST /api/tweets': () => answer.promise });
    await waitFor(() => expect(repliesShown()).toHaveLength(2));

    await sendReply('  me too ');
    expect(repliesShown()[0]).toBe('me too'); // optimistic, while the API is asked
    expect(screen.getByText('Sending…')).toBeTruthy();
    await act(async () => answer.resolve(json(201, { ...reply('mine', 50, 'dan'), text: 'me too' })));
    await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull());
    expect(repliesShown()).toEqual(['me too', 'reply x3', 'reply x2']);
    expect(within(screen.getByTestId('thread-focus')).getByText('4 replies')).toBeTruthy();
    expect(fake.requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/tweets')?.body).toEqual({ author: 'dan', text: 'me too', replyTo: 'f' });
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply to @bob' }).value).toBe('');
  });

  it.each([
    [403, { error: 'you cannot reply to this user (a block is in place)', field: 'replyTo' }, 'You cannot reply to this user (a block is in place).'],
    [404, { error: 'the tweet replied to does not exist (or was deleted)', field: 'replyTo' }, 'The tweet replied to does not exist (or was deleted).'],
    [400, { error: 'text must not be empty', field: 'text' }, 'Text must not be empty.'],
  ])('shows the API’s %i beside the reply box and gives the text back', async (status, body, said) => {
    await renderThread({ 'POST /api/tweets': () => json(status, body) });
    await waitFor(() => expect(repliesShown()).toHaveLength(2));
    await sendReply('refused reply');
    const form = screen.getByRole('form', { name: 'Reply to @bob' });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe(said));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply to @bob' }).value).toBe('refused reply');
    expect(repliesShown()).toEqual(['reply x3', 'reply x2']);
  });

  it('takes a deleted reply out in place and adds a live reply to this tweet', async () => {
    await renderThread();
    await waitFor(() => expect(repliesShown()).toHaveLength(2));
    const source = FakeEventSource.latest();
    act(() => source.emit('delete', { id: 'x3' }));
    await waitFor(() => expect(repliesShown()).toEqual(['reply x2']));
    act(() => source.emit('tweet', reply('live', 55, 'eve')));
    act(() => source.emit('tweet', { ...reply('other', 56), replyTo: { id: 'elsewhere', author: 'zed' } }));
    await waitFor(() => expect(repliesShown()).toEqual(['reply live', 'reply x2']));
    act(() => source.emit('delete', { id: 'f' }));
    await waitFor(() => expect(within(screen.getByTestId('thread-focus')).getByText('This tweet was deleted.')).toBeTruthy());
    expect(screen.queryByRole('form', { name: 'Reply to @bob' })).toBeNull();
  });

  it('says a deleted tweet is gone, with a retry', async () => {
    installFakeFetch({ 'GET /api/tweets/f/thread': () => json(404, { error: 'no such tweet' }) });
    render(<TweetPage viewer="dan" id="f" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not found. It may have been deleted/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
