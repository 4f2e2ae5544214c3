import { useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import { errorMessage } from '../error-message.ts';
import type { PagedList } from '../hooks/use-paged-list.ts';
import { Empty, ErrorState, Loading } from './status.tsx';

export interface ListFooterProps {
  list: PagedList<unknown>;
  emptyText: string;
  /** What a page of items is called, for the loading message ("tweets", "followers"). */
  noun: string;
  /** Items shown, when the page shows more than the list holds (optimistic tweets). */
  shown?: number;
}

/**
 * Everything under a paged list: first-load spinner or error, the empty state, and infinite scroll.
 * Scrolling near the end loads the next page (IntersectionObserver); the "Load more" button stays
 * as the keyboard-friendly fallback and for browsers without the observer.
 */
export function ListFooter({ list, emptyText, noun, shown = list.items.length }: ListFooterProps): ReactElement | null {
  const sentinel = useRef<HTMLDivElement | null>(null);
  const { loaded, status, hasMore, loadMore } = list;
  const autoLoad = loaded && hasMore && status === 'ready';

  useEffect(() => {
    const el = sentinel.current;
    if (!autoLoad || el === null || typeof IntersectionObserver === 'undefined') return;
    // Observing fires once at once, so a page too short to scroll keeps filling itself.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) loadMore();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [autoLoad, loadMore]);

  if (!loaded) {
    if (status === 'error') return <ErrorState message={errorMessage(list.error) || `Could not load ${noun}.`} onRetry={list.reload} />;
    return <Loading label={`Loading ${noun}…`} />;
  }
  if (shown === 0 && !hasMore) return <Empty>{emptyText}</Empty>;
  if (!hasMore) return <p className="list-end">You’re all caught up.</p>;

  return (
    <div className="list-footer">
      <div ref={sentinel} className="sentinel" aria-hidden="true" />
      {status === 'loading' && <Loading label={`Loading more ${noun}…`} />}
      {status === 'error' && <ErrorState message={errorMessage(list.error) || `Could not load more ${noun}.`} onRetry={loadMore} />}
      {status === 'ready' && (
        <button type="button" className="button button-secondary" onClick={loadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
