import type { ReactElement, Ref } from 'react';
import { useNow } from '../hooks/use-now.ts';
import type { ShownTweet } from '../types.ts';
import { TweetCard } from './tweet-card.tsx';

export interface TweetListProps {
  tweets: readonly ShownTweet[];
  viewer: string;
  label: string;
  ref?: Ref<HTMLOListElement>;
}

/** A timeline of tweet cards; one clock for the whole list keeps every "5s" moving together. */
export function TweetList({ tweets, viewer, label, ref }: TweetListProps): ReactElement | null {
  const now = useNow();
  if (tweets.length === 0) return null;
  return (
    <ol ref={ref} className="tweet-list" aria-label={label}>
      {tweets.map((tweet) => (
        <li key={tweet.id}>
          <TweetCard tweet={tweet} viewer={viewer} now={now} trackDwelling />
        </li>
      ))}
    </ol>
  );
}
