import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeEventSource, installFakeEventSource } from '../test/fake-event-source.ts';
import { deferred, installFakeFetch, json } from '../test/fake-fetch.ts';
import type { FakeFetch } from '../test/fake-fetch.ts';
import type { Tweet } from '../types.ts';
import { HomePage } from './home-page.tsx';

const at = (minute: number): string => new Date(Date.now() - (60 - minute) * 60_000).toISOString();
const tweet = (id: string, minute: number, author = 'bob'): Tweet => ({ id, author, text: `text of ${id}`, createdAt: at(minute) });

const older = tweet('t1', 10);
const newer = tweet('t2', 20);

function timelineTexts(): string[] {
  const list = screen.getByRole('list', { name: 'Following timeline' });
  return within(list)
    .getAllByRole('article')
    .map((a) => a.querySelector('.tweet-text')?.textContent ?? '');
}

async function renderHome(extra: Parameters<typeof installFakeFetch>[0] = {}): Promise<{ fake: FakeFetch; source: FakeEventSource }> {
  const fake = installFakeFetch({
    'GET /api/timelines/alice': () => json(200, { user: 'alice', tweets: [newer, older], nextCursor: null }),
    ...extra,
  });
  render(<HomePage viewer="alice" ranking="following" />);
  await screen.findByText('text of t2');
  return { fake, source: FakeEventSource.latest() };
}

describe('HomePage live tweets', () => {
  beforeEach(() => {
    installFakeEventSource();
  });

  it('subscribes to the viewer’s stream', async () => {
    const { source } = await renderHome();
    expect(source.url).toBe('/api/stream?user=alice');
  });

  it('holds live tweets behind a banner and merges them on click, newest first, without duplicates', async () => {
    const { source } = await renderHome();

    act(() => source.emit('tweet', tweet('t3', 30)));
    expect(await screen.findByRole('button', { name: '1 new tweet' })).toBeTruthy();
    expect(screen.queryByText('text of t3')).toBeNull();

    act(() => {
      source.emit('tweet', tweet('t3', 30)); // repeated after a reconnect
      source.emit('tweet', older); // already on screen
    });
    expect(screen.getByRole('button', { name: '1 new tweet' })).toBeTruthy();

    act(() => source.emit('tweet', tweet('t4', 40)));
    fireEvent.click(screen.getByRole('button', { name: '2 new tweets' }));

    expect(screen.queryByRole('button', { name: /new tweet/ })).toBeNull();
    expect(timelineTexts()).toEqual(['text of t4', 'text of t3', 'text of t2', 'text of t1']);
  });

  it('removes a tweet in place on `event: delete` (issue 18)', async () => {
    const { source } = await renderHome();
    act(() => source.emit('delete', { id: 't2' }));
    await waitFor(() => expect(timelineTexts()).toEqual(['text of t1']));
  });

  it('ignores malformed events', async () => {
    const { source } = await renderHome();
    act(() => source.emit('tweet', { hello: 'world' }));
    expect(screen.queryByRole('button', { name: /new tweet/ })).toBeNull();
  });
});

describe('HomePage optimistic posting', () => {
  beforeEach(() => {
    installFakeEventSource();
  });

  it('shows the tweet at once and rolls it back with an error when the API refuses', async () => {
    const answer = deferred<Response>();
    await renderHome({ 'POST /api/tweets': () => answer.promise });

    fireEvent.change(screen.getByLabelText("What's happening?"), { target: { value: 'my first chirp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));

    expect(timelineTexts()[0]).toBe('my first chirp');
    expect(screen.getByText('Sending…')).toBeTruthy();

    await act(async () => answer.resolve(json(503, { error: 'kafka unavailable' })));

    await waitFor(() => expect(screen.queryByText('my first chirp', { selector: '.tweet-text' })).toBeNull());
    expect(screen.getByRole('alert').textContent).toMatch(/temporarily unavailable/);
    expect(timelineTexts()).toEqual(['text of t2', 'text of t1']);
  });

  it('keeps the created tweet and does not announce its live copy as new', async () => {
    const created: Tweet = { id: 'srv-1', author: 'alice', text: 'hello chirp', createdAt: new Date().toISOString() };
    const { source } = await renderHome({ 'POST /api/tweets': () => json(201, created) });

    fireEvent.change(screen.getByLabelText("What's happening?"), { target: { value: '  hello chirp ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post' }));

    await waitFor(() => expect(screen.queryByText('Sending…')).toBeNull());
    expect(timelineTexts()).toEqual(['hello chirp', 'text of t2', 'text of t1']);

    act(() => source.emit('tweet', created));
    expect(screen.queryByRole('button', { name: /new tweet/ })).toBeNull();
  });
});
