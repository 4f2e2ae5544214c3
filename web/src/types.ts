/** Shapes of the chirp HTTP API (see services/api); the web app trusts these after a light check. */

export interface Tweet {
  id: string;
  author: string;
  text: string;
  /** ISO 8601 timestamp. */
  createdAt: string;
  tags?: string[];
  /** Issue 18: the tweet answered, counts, and the reader's view (when signed in). */
  replyTo?: { id: string; author: string };
  counts?: { likes: number; retweets: number; replies: number };
  liked?: boolean;
  retweeted?: boolean;
  /** Followees of the reader who retweeted it (home timeline). */
  retweetedBy?: string[];
}

/** A tweet on screen: `sending` marks an optimistic tweet the API has not accepted yet. */
export interface ShownTweet extends Tweet {
  sending?: boolean;
}

/** `GET /api/tweets/:id/thread`: the focused tweet, what it answers (root first), a page of its replies. */
export interface Thread {
  tweet: Tweet;
  ancestors: Tweet[];
  replies: Tweet[];
  nextCursor: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserProfile {
  user: string;
  followers: number;
  following: number;
  tweets: number;
  viewerFollows?: boolean;
}

export type Ranking = 'following' | 'for-you';

export const CLICK_KINDS = ['open', 'like', 'share', 'dwell'] as const;
export type ClickKind = (typeof CLICK_KINDS)[number];

export interface Click {
  user: string;
  tweetId: string;
  kind: ClickKind;
}

export interface PipelineGroup {
  group: string;
  lag: number;
  partitions: { topic: string; partition: number; lag: number }[];
}

export interface PipelineLatency {
  stage: string;
  p50Seconds: number | null;
  p99Seconds: number | null;
}

/** One process as `npm start`'s supervisor sees it (absent under docker compose). */
export interface PipelineProcess {
  name: string;
  state: 'up' | 'restarting' | 'stopped';
  restarts: number;
  startedAt: string | null;
  lastExit: { code: number | null; signal: string | null; at: string } | null;
}

export interface PipelineStatus {
  updatedAt: string;
  groups: PipelineGroup[];
  latency: PipelineLatency[];
  processes?: PipelineProcess[];
}

/** Live events and API answers are parsed JSON; this keeps a malformed one out of the timeline. */
export function isTweet(value: unknown): value is Tweet {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.id === 'string' &&
    typeof t.author === 'string' &&
    typeof t.text === 'string' &&
    typeof t.createdAt === 'string' &&
    (t.tags === undefined || (Array.isArray(t.tags) && t.tags.every((tag) => typeof tag === 'string')))
  );
}

export type NotificationKind = 'mention' | 'reply' | 'like' | 'retweet' | 'follow';

/** One aggregated notification: "maria and 3 others liked your tweet". */
export interface AppNotification {
  id: string;
  kind: NotificationKind;
  tweetId?: string;
  /** Newest first, at most 3. */
  actors: string[];
  count: number;
  at: string;
  unread: boolean;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export interface Relation {
  muted: boolean;
  blocked: boolean;
  blockedBy: boolean;
}

export interface SearchResult {
  tweets: Tweet[];
  users: string[];
}
