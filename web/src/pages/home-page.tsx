import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { api } from '../api.ts';
import { ComposeBox } from '../components/compose-box.tsx';
import { ListFooter } from '../components/list-footer.tsx';
import { NewTweetsBanner } from '../components/new-tweets-banner.tsx';
import { TabsNav } from '../components/tabs-nav.tsx';
import { TweetList } from '../components/tweet-list.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useLiveTweets } from '../hooks/use-live-tweets.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';
import { appendPage, bufferIncoming, mergePending, removeTweet, unseenPending } from '../merge-tweets.ts';
import { paths } from '../router.ts';
import type { Ranking, ShownTweet, Tweet } from '../types.ts';

let localSeq = 0;

/**
 * The home timeline: compose, "Following"/"For you", live tweets behind a banner, infinite scroll.
 * Posted tweets sit in an outbox above the list until the API answers, then join the list or vanish.
 */
export function HomePage({ viewer, ranking }: { viewer: string; ranking: Ranking }): ReactElement {
  useDocumentTitle(ranking === 'for-you' ? 'For you' : 'Home');
  const key = `${viewer}|${ranking}`;
  const list = usePagedList<Tweet>({
    key,
    load: (cursor, signal) => api.getTimeline(viewer, { cursor, ranking, signal }),
    append: appendPage,
  });
  const [outbox, setOutbox] = useState<ShownTweet[]>([]);
  // Pending live tweets belong to one list; switching tab or user starts a fresh buffer.
  const [pending, setPending] = useState<{ key: string; tweets: Tweet[] }>({ key, tweets: [] });
  const pendingTweets = pending.key === key ? pending.tweets : [];
  const listRef = useRef<HTMLOListElement | null>(null);
  const itemsRef = useRef(list.items);
  useLayoutEffect(() => {
    itemsRef.current = list.items;
  });

  const liveStatus = useLiveTweets(
    viewer,
    useCallback(
      (tweet: Tweet) =>
        setPending((p) => {
          const tweets = p.key === key ? p.tweets : [];
          const next = bufferIncoming(tweets, tweet, itemsRef.current);
          return next === tweets && p.key === key ? p : { key, tweets: next };
        }),
      [key],
    ),
    useCallback(
      (id: string) => {
        list.update((items) => removeTweet(items, id));
        setPending((p) => ({ key: p.key, tweets: removeTweet(p.tweets, id) }));
      },
      [list],
    ),
  );
  const unseen = unseenPending(pendingTweets, list.items);

  function showNew(): void {
    list.update((items) => mergePending(items, pendingTweets));
    setPending({ key, tweets: [] });
    // The button vanishes with the click; put focus on the newest tweet instead of losing it.
    requestAnimationFrame(() => {
      listRef.current?.querySelector<HTMLElement>('.tweet')?.focus();
      listRef.current?.scrollIntoView?.({ block: 'start' });
    });
  }

  async function post(text: string): Promise<void> {
    const local: ShownTweet = { id: `local-${++localSeq}`, author: viewer, text, createdAt: new Date().toISOString(), sending: true };
    setOutbox((o) => [local, ...o]);
    try {
      const tweet = await api.postTweet({ author: viewer, text });
      list.update((items) => [tweet, ...removeTweet(items, tweet.id)]);
    } finally {
      setOutbox((o) => removeTweet(o, local.id));
    }
  }

  const shown = [...outbox, ...list.items];
  return (
    <section className="page">
      <h1 tabIndex={-1} className="page-title">
        Home
      </h1>
      <ComposeBox author={viewer} onPost={post} />
      <TabsNav
        label="Timeline"
        tabs={[
          { href: paths.home('following'), label: 'Following', active: ranking === 'following' },
          { href: paths.home('for-you'), label: 'For you', active: ranking === 'for-you' },
        ]}
      />
      <NewTweetsBanner count={unseen.length} onShow={showNew} />
      {liveStatus === 'reconnecting' && (
        <p className="live-status" role="status">
          Live updates interrupted, reconnecting…
        </p>
      )}
      <TweetList ref={listRef} tweets={shown} viewer={viewer} label={ranking === 'for-you' ? 'For you timeline' : 'Following timeline'} />
      <ListFooter
        list={list}
        noun="tweets"
        shown={shown.length}
        emptyText={
          ranking === 'for-you'
            ? 'Nothing to recommend yet. Like and open a few tweets to teach it.'
            : 'Your timeline is empty. Follow someone, or post your first tweet.'
        }
      />
    </section>
  );
}
