import { useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { clickTracker, trackDwell } from '../clicks.ts';
import { useDwell } from '../hooks/use-dwell.ts';
import { isLiked, setLiked } from '../likes.ts';
import { fullTime, relativeTime } from '../relative-time.ts';
import { paths } from '../router.ts';
import type { ShownTweet } from '../types.ts';
import { Avatar } from './avatar.tsx';

export interface TweetCardProps {
  tweet: ShownTweet;
  viewer: string;
  now: number;
  /** Report a dwell click after 3 s in view (timelines only, not the detail page). */
  trackDwelling?: boolean;
  variant?: 'list' | 'detail';
}

export function TweetCard({ tweet, viewer, now, trackDwelling = false, variant = 'list' }: TweetCardProps): ReactElement {
  const ref = useRef<HTMLElement | null>(null);
  const authorId = useId();
  const [liked, setLikedState] = useState(() => isLiked(viewer, tweet.id));
  const [shareNote, setShareNote] = useState('');
  const sending = tweet.sending === true;
  const full = fullTime(tweet.createdAt);

  useDwell(ref, () => trackDwell(viewer, tweet.id), { enabled: trackDwelling && !sending });

  function toggleLike(): void {
    const next = !liked;
    setLikedState(next);
    setLiked(viewer, tweet.id, next);
    if (next) clickTracker.track({ user: viewer, tweetId: tweet.id, kind: 'like' });
  }

  async function share(): Promise<void> {
    const url = new URL(paths.tweet(tweet.id), window.location.href);
    url.search = ''; // The link should open as whoever receives it, not as us.
    clickTracker.track({ user: viewer, tweetId: tweet.id, kind: 'share' });
    try {
      await navigator.clipboard.writeText(url.toString());
      setShareNote('Link copied');
    } catch {
      setShareNote(`Copy this link: ${url.toString()}`);
    }
  }

  return (
    <article
      ref={ref}
      className={`tweet tweet-${variant}`}
      aria-labelledby={authorId}
      aria-busy={sending || undefined}
      data-sending={sending || undefined}
      tabIndex={-1}
    >
      <Avatar handle={tweet.author} />
      <div className="tweet-body">
        <header className="tweet-head">
          <a id={authorId} className="tweet-author" href={paths.profile(tweet.author)}>
            @{tweet.author}
          </a>
          <span className="tweet-dot" aria-hidden="true">
            ·
          </span>
          {sending ? (
            <span className="tweet-sending">Sending…</span>
          ) : (
            <a className="tweet-time" href={paths.tweet(tweet.id)} aria-label={`Open tweet, posted ${full}`}>
              <time dateTime={tweet.createdAt} title={full}>
                {relativeTime(tweet.createdAt, now)}
              </time>
            </a>
          )}
        </header>
        <p className="tweet-text">{tweet.text}</p>
        {tweet.tags && tweet.tags.length > 0 && (
          <ul className="tag-chips" aria-label="Tags">
            {tweet.tags.map((tag) => (
              <li key={tag}>
                <a className="chip" href={paths.tag(tag)}>
                  #{tag}
                </a>
              </li>
            ))}
          </ul>
        )}
        {!sending && (
          <div className="tweet-actions">
            <button type="button" className="action action-like" aria-pressed={liked} onClick={toggleLike}>
              <span aria-hidden="true">{liked ? '♥' : '♡'}</span> Like
            </button>
            <button type="button" className="action" onClick={() => void share()}>
              <span aria-hidden="true">↗</span> Share
            </button>
            <span className="action-note" role="status">
              {shareNote}
            </span>
          </div>
        )}
      </div>
    </article>
  );
}
