import { useSyncExternalStore } from 'react';
import { parseRoute } from '../router.ts';
import type { Route } from '../router.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/** The current route; links are plain `<a href="#/...">`, so the browser's back button just works. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseRoute(hash);
}
