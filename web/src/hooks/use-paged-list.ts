import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isAbortError } from '../api-error.ts';
import type { Page } from '../types.ts';

/**
 * A cursor-paged list: the first page loads whenever `key` changes, `loadMore` fetches the next,
 * and a stale answer (the key moved on, or a reload started) is dropped rather than shown.
 */
export interface PagedListOptions<T> {
  /** Everything the list depends on; a new key starts over from the first page. */
  key: string;
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;
  /** Joins a page onto the list; the default drops exact repeats. */
  append?: (items: T[], page: T[]) => T[];
}

export type PagedStatus = 'loading' | 'ready' | 'error';

export interface PagedList<T> {
  items: T[];
  status: PagedStatus;
  error: unknown;
  /** The first page has arrived (so an empty list really is empty). */
  loaded: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Edits the loaded items in place (optimistic updates, merging live tweets). */
  update(change: (items: T[]) => T[]): void;
}

interface State<T> {
  key: string;
  items: T[];
  cursor: string | null;
  status: PagedStatus;
  error: unknown;
  loaded: boolean;
}

function initial<T>(key: string): State<T> {
  return { key, items: [], cursor: null, status: 'loading', error: null, loaded: false };
}

function appendUnique<T>(items: T[], page: T[]): T[] {
  const seen = new Set(items);
  return [...items, ...page.filter((x) => !seen.has(x))];
}

export function usePagedList<T>({ key, load, append = appendUnique }: PagedListOptions<T>): PagedList<T> {
  const [state, setState] = useState<State<T>>(() => initial(key));
  const loadRef = useRef(load);
  const appendRef = useRef(append);
  useLayoutEffect(() => {
    loadRef.current = load;
    appendRef.current = append;
  });
  const inFlight = useRef<AbortController | null>(null);

  const fetchPage = useCallback((forKey: string, cursor: string | null) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => (s.key === forKey ? { ...s, status: 'loading', error: null } : initial(forKey)));
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        setState((s) => {
          if (s.key !== forKey) return s;
          const items = cursor === null ? appendRef.current([], page.items) : appendRef.current(s.items, page.items);
          return { ...s, items, cursor: page.nextCursor, status: 'ready', error: null, loaded: true };
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        inFlight.current = null;
        setState((s) => (s.key === forKey ? { ...s, status: 'error', error } : s));
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(key, null);
    return () => inFlight.current?.abort();
  }, [key, fetchPage]);

  // Until the effect above runs, a new key must not show the previous key's items.
  const current = state.key === key ? state : initial<T>(key);

  const loadMore = useCallback(() => {
    if (inFlight.current !== null) return;
    if (current.loaded && current.cursor === null) return;
    fetchPage(key, current.loaded ? current.cursor : null);
  }, [fetchPage, key, current.loaded, current.cursor]);

  const reload = useCallback(() => fetchPage(key, null), [fetchPage, key]);

  const update = useCallback((change: (items: T[]) => T[]) => setState((s) => (s.key === key ? { ...s, items: change(s.items) } : s)), [key]);

  return {
    items: current.items,
    status: current.status,
    error: current.error,
    loaded: current.loaded,
    hasMore: !current.loaded || current.cursor !== null,
    loadMore,
    reload,
    update,
  };
}
