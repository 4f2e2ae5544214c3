import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { isTweet } from '../types.ts';
import type { Tweet } from '../types.ts';

export type LiveStatus = 'off' | 'connecting' | 'open' | 'reconnecting';

/**
 * Tweets newly in `user`'s home timeline, from Server-Sent Events (`event: tweet`), and deleted
 * ones (`event: delete`). EventSource
 * reconnects by itself; this only reports whether it is currently connected.
 */
export function useLiveTweets(user: string | null, onTweet: (tweet: Tweet) => void, onDelete?: (tweetId: string) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('off');
  const onTweetRef = useRef(onTweet);
  const onDeleteRef = useRef(onDelete);
  useLayoutEffect(() => {
    onTweetRef.current = onTweet;
    onDeleteRef.current = onDelete;
  });

  useEffect(() => {
    if (user === null || typeof EventSource === 'undefined') return;
    const source = new EventSource(api.streamUrl(user));
    setStatus('connecting');
    const onMessage = (event: MessageEvent<string>): void => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return; // A malformed event is not worth breaking the stream for.
      }
      if (isTweet(data)) onTweetRef.current(data);
    };
    // `event: delete` ({id}): a tweet was deleted; the page removes it in place (issue 18).
    const onDeleted = (event: MessageEvent<string>): void => {
      try {
        const data = JSON.parse(event.data) as { id?: unknown };
        if (typeof data.id === 'string') onDeleteRef.current?.(data.id);
      } catch {
        // ignored, as a malformed tweet event is
      }
    };
    source.addEventListener('tweet', onMessage as EventListener);
    source.addEventListener('delete', onDeleted as EventListener);
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    return () => {
      source.removeEventListener('tweet', onMessage as EventListener);
      source.removeEventListener('delete', onDeleted as EventListener);
      source.close();
      setStatus('off');
    };
  }, [user]);

  return status;
}
