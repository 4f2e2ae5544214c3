import type { ReactElement } from 'react';
import { paths } from '../router.ts';
import type { Route } from '../router.ts';
import { SearchBox } from './search-box.tsx';

export interface AppHeaderProps {
  viewer: string | null;
  route: Route;
  onSignOut: () => void;
  /** Unread notifications, shown as a badge. */
  unread?: number;
}

export function AppHeader({ viewer, route, onSignOut, unread = 0 }: AppHeaderProps): ReactElement {
  const current = (active: boolean): 'page' | undefined => (active ? 'page' : undefined);
  return (
    <header className="app-header">
      <a className="brand" href={paths.home()}>
        <span aria-hidden="true">🐦 </span>chirp
      </a>
      <nav className="main-nav" aria-label="Main">
        {viewer !== null && (
          <>
            <a href={paths.home()} aria-current={current(route.name === 'home')}>
              Home
            </a>
            <a href={paths.profile(viewer)} aria-current={current(route.name === 'profile' && route.handle === viewer)}>
              Profile
            </a>
            <a href={paths.notifications()} aria-current={current(route.name === 'notifications')}>
              Notifications
              {unread > 0 && (
                <span className="badge" aria-label={`${unread} unread`}>
                  {unread > 99 ? '99+' : unread}
                </span>
              )}
            </a>
          </>
        )}
        <a href={paths.pipeline()} aria-current={current(route.name === 'pipeline')}>
          Pipeline
        </a>
      </nav>
      {viewer !== null && <SearchBox key={route.name === 'search' ? route.q : ''} initial={route.name === 'search' ? route.q : ''} />}
      {viewer !== null && (
        <div className="session">
          <span className="session-name">
            <span className="visually-hidden">Signed in as </span>@{viewer}
          </span>
          <button type="button" className="button button-secondary button-small" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
