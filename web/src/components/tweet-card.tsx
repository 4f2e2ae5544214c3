import { useId, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { clickTracker, trackDwell } from '../clicks.ts';
import { useDwell } from '../hooks/use-dwell.ts';
import { api } from '../api.ts';
import { fullTime, relativeTime } from '../relative-time.ts';
import { paths } from '../router.ts';
import type { ShownTweet, Tweet } from '../types.ts';
import { Avatar } from './avatar.tsx';
import { ComposeBox } from './compose-box.tsx';

export interface TweetCardProps {
  tweet: ShownTweet;
  viewer: string;
  now: number;
  /** Report a dwell click after 3 s in view (timelines only, not the detail page). */
  trackDwelling?: boolean;
  variant?: 'list' | 'detail';
  /** A reply posted from this card's reply box, as the API created it (the thread view shows it at once). */
  onReplied?: (reply: Tweet) => void;
}

export function TweetCard({ tweet, viewer, now, trackDwelling = false, variant = 'list', onReplied }: TweetCardProps): ReactElement {
  const ref = useRef<HTMLElement | null>(null);
  const authorId = useId();
  const [liked, setLikedState] = useState(tweet.liked === true);
  const [likes, setLikes] = useState(tweet.counts?.likes ?? 0);
  const [retweeted, setRetweeted] = useState(tweet.retweeted === true);
  const [retweets, setRetweets] = useState(tweet.counts?.retweets ?? 0);
  const [replies, setReplies] = useState(tweet.counts?.replies ?? 0);
  const [replying, setReplying] = useState(false);
  const [replied, setReplied] = useState<Tweet | null>(null);
  const [deleted, setDeleted] = useState(false);
  const [actionError, setActionError] = useState('');
  const [shareNote, setShareNote] = useState('');
  const sending = tweet.sending === true;
  const full = fullTime(tweet.createdAt);

  useDwell(ref, () => trackDwell(viewer, tweet.id), { enabled: trackDwelling && !sending });

  /** Optimistic: the count moves at once and moves back when the API refuses. */
  async function toggleLike(): Promise<void> {
    const next = !liked;
    setLikedState(next);
    setLikes((n) => n + (next ? 1 : -1));
    if (next) clickTracker.track({ user: viewer, tweetId: tweet.id, kind: 'like' });
    try {
      await api.setLike(tweet.id, next);
    } catch {
      setLikedState(!next);
      setLikes((n) => n - (next ? 1 : -1));
      setActionError('Could not save the like');
    }
  }

  async function toggleRetweet(): Promise<void> {
    const next = !retweeted;
    setRetweeted(next);
    setRetweets((n) => n + (next ? 1 : -1));
    try {
      await api.setRetweet(tweet.id, next);
    } catch {
      setRetweeted(!next);
      setRetweets((n) => n - (next ? 1 : -1));
      setActionError('Could not save the retweet');
    }
  }

  /** Rejects with the API's error, which the reply box shows beside itself (403 blocked, 404 deleted, 400). */
  async function reply(text: string): Promise<void> {
    const created = await api.postTweet({ author: viewer, text, replyTo: tweet.id });
    setReplies((n) => n + 1);
    setReplying(false);
    setReplied(created);
    onReplied?.(created);
  }

  async function remove(): Promise<void> {
    try {
      await api.deleteTweet(tweet.id);
      setDeleted(true);
    } catch {
      setActionError('Could not delete the tweet');
    }
  }

  if (deleted) {
    return (
      <article className={`tweet tweet-${variant} tweet-deleted`} aria-label="Deleted tweet">
        <p className="tweet-text">This tweet was deleted.</p>
      </article>
    );
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
        {tweet.retweetedBy && tweet.retweetedBy.length > 0 && (
          <p className="tweet-retweeted-by">retweeted by {tweet.retweetedBy.map((h) => `@${h}`).join(', ')}</p>
        )}
        {tweet.replyTo && (
          <p className="tweet-reply-to">
            replying to <a href={paths.tweet(tweet.replyTo.id)}>@{tweet.replyTo.author}</a>
          </p>
        )}
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
            {variant === 'list' ? (
              <button type="button" className="action action-reply" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
                <span aria-hidden="true">↩</span> Reply {replies > 0 ? replies : ''}
              </button>
            ) : (
              <span className="action action-replies">
                {/* The thread page owns this count (its reply box is below the card), so it comes from the prop. */}
                <span aria-hidden="true">↩</span> {tweet.counts?.replies === 1 ? '1 reply' : `${tweet.counts?.replies ?? 0} replies`}
              </span>
            )}
            <button type="button" className="action action-retweet" aria-pressed={retweeted} onClick={() => void toggleRetweet()}>
              <span aria-hidden="true">⟳</span> {retweeted ? 'Undo retweet' : 'Retweet'} {retweets > 0 ? retweets : ''}
            </button>
            <button type="button" className="action action-like" aria-pressed={liked} onClick={() => void toggleLike()}>
              <span aria-hidden="true">{liked ? '♥' : '♡'}</span> Like {likes > 0 ? likes : ''}
            </button>
            {tweet.author.toLowerCase() === viewer.toLowerCase() && (
              <button type="button" className="action action-delete" onClick={() => void remove()}>
                Delete
              </button>
            )}
            <button type="button" className="action" onClick={() => void share()}>
              <span aria-hidden="true">↗</span> Share
            </button>
            <span className="action-note" role="status">
              {actionError || shareNote}
              {replied && !actionError && !shareNote && (
                <>
                  Reply posted. <a href={paths.tweet(tweet.id)}>View thread</a>
                </>
              )}
            </span>
          </div>
        )}
        {replying && <ComposeBox author={viewer} replyTo={tweet.author} autoFocus onPost={reply} />}
      </div>
    </article>
  );
}
