import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { AppHeader } from './components/app-header.tsx';
import { useHashRoute } from './hooks/use-hash-route.ts';
import { useSession } from './hooks/use-session.ts';
import { useUnreadCount } from './hooks/use-unread-count.ts';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { PipelinePage } from './pages/pipeline-page.tsx';
import { ProcessorsPage } from './pages/processors-page.tsx';
import { TableQueryPage } from './pages/table-query-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { TagPage } from './pages/tag-page.tsx';
import { TweetPage } from './pages/tweet-page.tsx';
import { routeKey } from './router.ts';
import type { Route } from './router.ts';

export function App(): ReactElement {
  const session = useSession();
  const route = useHashRoute();
  const key = `${session.viewer ?? ''}|${routeKey(route)}`;
  // The pipeline and processors pages show offsets and rates, nobody's data: readable signed out.
  const isPublic = route.name === 'pipeline' || route.name === 'processors';
  const shownKey = useRef(key);
  const [readVersion, setReadVersion] = useState(0);
  const unread = useUnreadCount(session.viewer, 15_000, readVersion);
  // The read marker is applied from Kafka a moment after the 204: re-read the badge shortly after.
  const onRead = useCallback(() => {
    setTimeout(() => setReadVersion((v) => v + 1), 1000);
  }, []);

  // A hash change swaps the page without a load, so nothing tells a screen reader the page changed:
  // move focus to the new page's heading, as a full navigation would (but not on the first load).
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    window.scrollTo?.({ top: 0 });
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [key]);

  function signOut(): void {
    void session.signOut();
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => skipToMain(e)}>
        Skip to content
      </a>
      <AppHeader viewer={session.viewer} route={route} onSignOut={signOut} unread={unread} />
      <main id="main" className="main" tabIndex={-1}>
        {session.loading && !isPublic ? (
          <p className="status">Loading…</p>
        ) : session.viewer === null && !isPublic ? (
          // Every page but the pipeline and processors is private: it shows the sign-in form in its place, then itself.
          <SignInPage onSubmit={(mode, handle, password) => (mode === 'sign-in' ? session.signIn(handle, password) : session.signUp(handle, password))} />
        ) : (
          <Page route={route} viewer={session.viewer} onRead={onRead} />
        )}
      </main>
    </>
  );
}

/** The skip link cannot use a plain #main fragment: the hash is the router's. */
function skipToMain(event: { preventDefault(): void }): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function Page({ route, viewer, onRead }: { route: Route; viewer: string | null; onRead: () => void }): ReactElement {
  if (route.name === 'pipeline') return <PipelinePage />;
  if (route.name === 'processors') return <ProcessorsPage />;
  if (viewer === null) return <NotFoundPage />;
  switch (route.name) {
    case 'home':
      return <HomePage viewer={viewer} ranking={route.ranking} />;
    case 'profile':
      return <ProfilePage viewer={viewer} handle={route.handle} tab={route.tab} />;
    case 'tweet':
      return <TweetPage key={route.id} viewer={viewer} id={route.id} />;
    case 'tag':
      return <TagPage viewer={viewer} tag={route.tag} />;
    case 'notifications':
      return <NotificationsPage onRead={onRead} />;
    case 'search':
      return <SearchPage key={route.q} viewer={viewer} q={route.q} />;
    case 'tables':
      return <TableQueryPage viewer={viewer} table={route.table} initialKey={route.key} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
