import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeEventSource, installFakeEventSource } from '../test/fake-event-source.ts';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import type { Tweet } from '../types.ts';
import { ProfilePage } from './profile-page.tsx';

const tweet = (id: string): Tweet => ({ id, author: 'bob', text: `text of ${id}`, createdAt: new Date().toISOString() });

describe('ProfilePage tweets (issue 18)', () => {
  beforeEach(() => {
    installFakeEventSource();
  });

  it('takes a deleted tweet out of the open profile on `event: delete`', async () => {
    installFakeFetch({
      'GET /api/users/bob': () => json(200, { user: 'bob', followers: 1, following: 0, tweets: 2, viewerFollows: true }),
      'GET /api/users/bob/tweets': () => json(200, { tweets: [tweet('p2'), tweet('p1')], nextCursor: null }),
      'GET /api/users/alice/relations/bob': () => json(200, { muted: false, blocked: false, blockedBy: false }),
    });
    render(<ProfilePage viewer="alice" handle="bob" tab="tweets" />);
    const list = await screen.findByRole('list', { name: 'Tweets by @bob' });
    await within(list).findByText('text of p2');
    act(() => FakeEventSource.latest().emit('delete', { id: 'p2' }));
    await waitFor(() => expect(within(list).queryByText('text of p2')).toBeNull());
    expect(within(list).getByText('text of p1')).toBeTruthy();
    expect(FakeEventSource.latest().url).toBe('/api/stream?user=alice');
  });
});
