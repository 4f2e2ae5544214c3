import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { clickTracker } from '../clicks.ts';
import { errorMessage } from '../error-message.ts';
import { ComposeBox } from '../components/compose-box.tsx';
import { Empty, ErrorState, Loading } from '../components/status.tsx';
import { TweetCard } from '../components/tweet-card.tsx';
import { TweetList } from '../components/tweet-list.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLiveTweets } from '../hooks/use-live-tweets.ts';
import { useNow } from '../hooks/use-now.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';
import type { PagedList } from '../hooks/use-paged-list.ts';
import { appendPage, removeTweet } from '../merge-tweets.ts';
import { paths } from '../router.ts';
import type { ShownTweet, Tweet } from '../types.ts';

/** Replies per page of the thread; "More replies" asks for the next. */
export const REPLIES_PAGE = 20;

interface Head {
  tweet: Tweet;
  ancestors: Tweet[];
}

let localSeq = 0;

/**
 * A tweet's thread (issue 18): what it answers (root first), the tweet itself highlighted, a reply
 * box, and its replies newest first, paged. A reply posted here joins the list as soon as the API
 * accepts it; a live `delete` takes a tweet out in place, and a live reply to this tweet joins the list.
 */
export function TweetPage({ viewer, id }: { viewer: string; id: string }): ReactElement {
  const [head, setHead] = useState<Head | null>(null);
  const [gone, setGone] = useState(false);
  const [outbox, setOutbox] = useState<ShownTweet[]>([]);
  /** Replies posted from this page, added to the focused tweet's count until a reload reads it. */
  const [posted, setPosted] = useState(0);
  const opened = useRef<string | null>(null);
  const now = useNow();
  const replies = usePagedList<Tweet>({
    key: id,
    load: async (cursor, signal) => {
      const thread = await api.getThread(id, { cursor, limit: REPLIES_PAGE, signal });
      if (cursor === null && !signal.aborted) setHead({ tweet: thread.tweet, ancestors: thread.ancestors });
      return { items: thread.replies, nextCursor: thread.nextCursor };
    },
    append: appendPage,
  });
  const tweet = head?.tweet ?? null;
  useDocumentTitle(tweet ? `@${tweet.author}: “${tweet.text.slice(0, 40)}”` : 'Tweet');

  // One "open" per visit to the page; the ref survives StrictMode's double effects.
  useEffect(() => {
    if (tweet === null || opened.current === id) return;
    opened.current = id;
    clickTracker.track({ user: viewer, tweetId: id, kind: 'open' });
  }, [tweet, id, viewer]);

  const addReply = useCallback((reply: Tweet) => replies.update((items) => [reply, ...removeTweet(items, reply.id)]), [replies]);

  useLiveTweets(
    viewer,
    useCallback(
      (live: Tweet) => {
        if (live.replyTo?.id === id) addReply(live);
      },
      [id, addReply],
    ),
    useCallback(
      (deletedId: string) => {
        if (deletedId === id) setGone(true);
        replies.update((items) => removeTweet(items, deletedId));
        setHead((h) => (h === null ? h : { ...h, ancestors: removeTweet(h.ancestors, deletedId) }));
      },
      [id, replies],
    ),
  );

  async function reply(text: string): Promise<void> {
    if (tweet === null) return;
    const local: ShownTweet = {
      id: `local-${++localSeq}`,
      author: viewer,
      text,
      createdAt: new Date().toISOString(),
      replyTo: { id: tweet.id, author: tweet.author },
      sending: true,
    };
    setOutbox((o) => [local, ...o]);
    try {
      addReply(await api.postTweet({ author: viewer, text, replyTo: tweet.id }));
      setPosted((n) => n + 1);
    } finally {
      setOutbox((o) => removeTweet(o, local.id));
    }
  }

  const shownReplies = [...outbox, ...replies.items];
  return (
    <section className="page thread-page">
      <p className="back-link">
        <a href={paths.home()}>← Home</a>
      </p>
      <h1 tabIndex={-1} className="page-title">
        Thread
      </h1>
      {tweet === null && !replies.loaded && replies.status === 'loading' && <Loading label="Loading thread…" />}
      {tweet === null && replies.status === 'error' && <ErrorState message={errorMessage(replies.error)} onRetry={replies.reload} />}
      {tweet !== null && head !== null && (
        <>
          {head.ancestors.length > 0 && (
            <ol className="tweet-list thread-ancestors" aria-label="Earlier in the thread">
              {head.ancestors.map((t) => (
                <li key={t.id}>
                  <TweetCard tweet={t} viewer={viewer} now={now} />
                </li>
              ))}
            </ol>
          )}
          <div className="thread-focus" aria-current="true" data-testid="thread-focus">
            {gone ? (
              <p className="tweet tweet-deleted">This tweet was deleted.</p>
            ) : (
              <TweetCard key={tweet.id} tweet={withReplies(tweet, posted)} viewer={viewer} now={now} variant="detail" />
            )}
          </div>
          {!gone && <ComposeBox author={viewer} replyTo={tweet.author} onPost={reply} />}
          <h2 className="section-title">Replies</h2>
          <TweetList tweets={shownReplies} viewer={viewer} label="Replies" />
          <RepliesFooter list={replies} shown={shownReplies.length} />
        </>
      )}
    </section>
  );
}

function withReplies(tweet: Tweet, posted: number): Tweet {
  if (posted === 0) return tweet;
  const counts = tweet.counts ?? { likes: 0, retweets: 0, replies: 0 };
  return { ...tweet, counts: { ...counts, replies: counts.replies + posted } };
}

/** "More replies" on request (not infinite scroll: the reply box and the thread stay in reach). */
function RepliesFooter({ list, shown }: { list: PagedList<Tweet>; shown: number }): ReactElement | null {
  if (!list.loaded) return list.status === 'loading' ? <Loading label="Loading replies…" /> : null;
  if (list.status === 'error') return <ErrorState message={errorMessage(list.error) || 'Could not load more replies.'} onRetry={list.loadMore} />;
  if (list.status === 'loading') return <Loading label="Loading more replies…" />;
  if (list.hasMore) {
    return (
      <div className="list-footer">
        <button type="button" className="button button-secondary" onClick={list.loadMore}>
          More replies
        </button>
      </div>
    );
  }
  return shown === 0 ? <Empty>No replies yet.</Empty> : null;
}
