import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { ErrorState, Loading } from '../components/status.tsx';
import { TweetList } from '../components/tweet-list.tsx';
import { errorMessage } from '../error-message.ts';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { paths } from '../router.ts';
import type { SearchResult } from '../types.ts';

type Load = { state: 'loading' } | { state: 'ready'; result: SearchResult } | { state: 'error'; error: unknown };

export function SearchPage({ viewer, q }: { viewer: string; q: string }): ReactElement {
  useDocumentTitle(`Search: ${q}`);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    api.search(q, controller.signal).then(
      (result) => setLoad({ state: 'ready', result }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [q]);
  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Search: {q}
      </h1>
      {load.state === 'loading' && <Loading label="Searching…" />}
      {load.state === 'error' && <ErrorState message={`Search failed: ${errorMessage(load.error)}`} />}
      {load.state === 'ready' && (
        <>
          {load.result.users.length > 0 && (
            <ul className="search-users" aria-label="People">
              {load.result.users.map((u) => (
                <li key={u}>
                  <a href={paths.profile(u)}>@{u}</a>
                </li>
              ))}
            </ul>
          )}
          <TweetList tweets={load.result.tweets} viewer={viewer} label={`Tweets matching ${q}`} />
          {load.result.tweets.length === 0 && load.result.users.length === 0 && <p className="status">Nothing found for “{q}”.</p>}
        </>
      )}
    </section>
  );
}
