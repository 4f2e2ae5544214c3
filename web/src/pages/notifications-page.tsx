import { useEffect } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { ListFooter } from '../components/list-footer.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';
import { notificationText } from '../notification-text.ts';
import { paths } from '../router.ts';
import type { AppNotification } from '../types.ts';
import { relativeTime } from '../relative-time.ts';

/** Your notifications, newest first; opening the page marks them read (the badge clears a moment later). */
export function NotificationsPage({ onRead }: { onRead?: () => void }): ReactElement {
  useDocumentTitle('Notifications');
  const list = usePagedList<AppNotification>({
    key: 'notifications',
    load: (cursor, signal) => api.getNotifications({ cursor, signal }),
    append: (prev, next) => [...prev, ...next.filter((n) => !prev.some((p) => p.id === n.id))],
  });
  const hasUnread = list.items.some((n) => n.unread);
  useEffect(() => {
    if (!hasUnread) return;
    api.markNotificationsRead().then(
      () => onRead?.(),
      () => undefined,
    );
  }, [hasUnread, onRead]);
  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Notifications
      </h1>
      <ol className="notification-list" aria-label="Notifications">
        {list.items.map((n) => (
          <li key={n.id} className={n.unread ? 'notification unread' : 'notification'}>
            {n.tweetId ? <a href={paths.tweet(n.tweetId)}>{notificationText(n)}</a> : <a href={paths.profile(n.actors[0] ?? '')}>{notificationText(n)}</a>}
            {n.unread && <span className="visually-hidden"> (unread)</span>} <time dateTime={n.at}>{relativeTime(n.at, Date.now())}</time>
          </li>
        ))}
      </ol>
      <ListFooter list={list} noun="notifications" emptyText="No notifications yet." />
    </section>
  );
}
