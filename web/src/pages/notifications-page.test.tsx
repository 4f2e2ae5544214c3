import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppHeader } from '../components/app-header.tsx';
import { RelationButtons } from '../components/relation-buttons.tsx';
import { notificationText } from '../notification-text.ts';
import { installFakeFetch, json } from '../test/fake-fetch.ts';
import type { AppNotification } from '../types.ts';
import { NotificationsPage } from './notifications-page.tsx';

const at = new Date().toISOString();
const likes: AppNotification = { id: 'like:t1', kind: 'like', tweetId: 't1', actors: ['maria', 'hanna', 'john'], count: 4, at, unread: true };
const follow: AppNotification = { id: 'follow:2026-12-01', kind: 'follow', actors: ['alex'], count: 1, at, unread: false };

describe('notifications', () => {
  it('words aggregated groups as Stream-Framework does', () => {
    expect(notificationText(likes)).toBe('@maria and 3 others liked your tweet');
    expect(notificationText({ ...likes, actors: ['maria', 'hanna'], count: 2 })).toBe('@maria and @hanna liked your tweet');
    expect(notificationText(follow)).toBe('@alex followed you');
  });

  it('lists the groups, links each to its tweet or follower, and marks them read once shown', async () => {
    const fake = installFakeFetch({
      'GET /api/notifications': () => json(200, { notifications: [likes, follow], nextCursor: null, unread: 1 }),
      'POST /api/notifications/read': () => new Response(null, { status: 204 }),
    });
    const onRead = vi.fn();
    render(<NotificationsPage onRead={onRead} />);
    const link = await screen.findByRole('link', { name: '@maria and 3 others liked your tweet' });
    expect(link.getAttribute('href')).toBe('#/t/t1');
    expect(screen.getByRole('link', { name: '@alex followed you' }).getAttribute('href')).toBe('#/u/alex');
    expect(screen.getByText('(unread)')).toBeTruthy();
    await waitFor(() => expect(onRead).toHaveBeenCalledTimes(1));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/notifications/read')).toHaveLength(1);
  });

  it('shows the unread badge in the header, and none at zero', () => {
    const route = { name: 'home', ranking: 'following' } as const;
    const { rerender } = render(<AppHeader viewer="maria" route={route} onSignOut={() => undefined} unread={3} />);
    expect(screen.getByLabelText('3 unread').textContent).toBe('3');
    rerender(<AppHeader viewer="maria" route={route} onSignOut={() => undefined} unread={0} />);
    expect(screen.queryByLabelText(/unread/)).toBeNull();
    expect(screen.getByRole('search')).toBeTruthy();
  });

  it('mute and block buttons say what they will do and send the change', async () => {
    const fake = installFakeFetch({
      'GET /api/users/maria/relations/john': () => json(200, { muted: false, blocked: true, blockedBy: false }),
      'PUT /api/users/maria/mutes/john': () => new Response(null, { status: 204 }),
    });
    render(<RelationButtons viewer="maria" handle="john" />);
    const mute = await screen.findByRole('button', { name: 'Mute' });
    expect(screen.getByRole('button', { name: 'Unblock' })).toBeTruthy();
    mute.click();
    expect(await screen.findByRole('button', { name: 'Unmute' })).toBeTruthy();
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PUT' && r.url.pathname === '/api/users/maria/mutes/john')).toBe(true));
  });
});
