import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { isTweet } from '../types.ts';
import type { Tweet } from '../types.ts';

export type LiveStatus = 'off' | 'connecting' | 'open' | 'reconnecting';

/**
 * Tweets newly in `user`'s home timeline, from Server-Sent Events (`event: tweet`). EventSource
 * reconnects by itself; this only reports whether it is currently connected.
 */
export function useLiveTweets(user: string | null, onTweet: (tweet: Tweet) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('off');
  const onTweetRef = useRef(onTweet);
  useLayoutEffect(() => {
    onTweetRef.current = onTweet;
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
    source.addEventListener('tweet', onMessage as EventListener);
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    return () => {
      source.removeEventListener('tweet', onMessage as EventListener);
      source.close();
      setStatus('off');
    };
  }, [user]);

  return status;
}
