import { useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { clickTracker } from '../clicks.ts';
import { errorMessage } from '../error-message.ts';
import { Loading, ErrorState } from '../components/status.tsx';
import { TweetCard } from '../components/tweet-card.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useNow } from '../hooks/use-now.ts';
import { paths } from '../router.ts';
import type { Tweet } from '../types.ts';

type Load = { id: string; state: 'loading' } | { id: string; state: 'ready'; tweet: Tweet } | { id: string; state: 'error'; error: unknown };

export function TweetPage({ viewer, id }: { viewer: string; id: string }): ReactElement {
  const [load, setLoad] = useState<Load>({ id, state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const opened = useRef<string | null>(null);
  const now = useNow();
  const current: Load = load.id === id ? load : { id, state: 'loading' };
  useDocumentTitle(current.state === 'ready' ? `@${current.tweet.author}: “${current.tweet.text.slice(0, 40)}”` : 'Tweet');

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ id, state: 'loading' });
    api.getTweet(id, controller.signal).then(
      (tweet) => setLoad({ id, state: 'ready', tweet }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ id, state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  // One "open" per visit to the page; the ref survives StrictMode's double effects.
  useEffect(() => {
    if (current.state !== 'ready' || opened.current === id) return;
    opened.current = id;
    clickTracker.track({ user: viewer, tweetId: id, kind: 'open' });
  }, [current.state, id, viewer]);

  return (
    <section className="page">
      <p className="back-link">
        <a href={paths.home()}>← Home</a>
      </p>
      <h1 tabIndex={-1} className="page-title">
        Tweet
      </h1>
      {current.state === 'loading' && <Loading label="Loading tweet…" />}
      {current.state === 'error' && <ErrorState message={errorMessage(current.error)} onRetry={() => setAttempt((n) => n + 1)} />}
      {current.state === 'ready' && <TweetCard tweet={current.tweet} viewer={viewer} now={now} variant="detail" />}
    </section>
  );
}
