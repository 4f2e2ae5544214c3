import type { AccountEvent, Click, FollowEvent, LikeEvent, NotificationRead, RelationEvent, RetweetEvent, Tweet, TweetDelete } from '@chirp/core';
import type { AccountStore, GraphStore, HomeTimeline, Keys, NotificationStore, RelationStore, SocialStore, StoredTweet, TweetStore } from '@chirp/store';
import type { Logger, Registry } from '@chirp/telemetry';
import type { LiveHub } from './live-hub.ts';
import type { TweetSearch } from './search-index.ts';

/** Writes go to Kafka only: the API never writes Redis. Each resolves once Kafka acknowledged. */
export interface Publisher {
  tweet(tweet: Tweet): Promise<void>;
  follow(event: FollowEvent): Promise<void>;
  /** A batch of clicks on twitter.clicks, keyed by user. */
  clicks(clicks: readonly Click[]): Promise<void>;
  /** A sign-up on twitter.accounts, keyed by the lowercased handle. */
  account(event: AccountEvent): Promise<void>;
  /** A mute or block (or its undo) on twitter.relations, keyed by the edge. */
  relation(event: RelationEvent): Promise<void>;
  /** A read marker on twitter.notificationReads, keyed by user. */
  notificationsRead(event: NotificationRead): Promise<void>;
  /** A tombstone on twitter.tweetDeletes, keyed by tweet id. */
  deleteTweet(event: TweetDelete): Promise<void>;
  /** A retweet or undo on twitter.retweets, keyed by `<user>|<tweetId>`. */
  retweet(event: RetweetEvent): Promise<void>;
  /** A like or unlike on twitter.likes, keyed by `<user>|<tweetId>`. */
  like(event: LikeEvent): Promise<void>;
}

export interface AuthOptions {
  sessionTtlMs: number;
  signInMaxFailures: number;
  signInWindowMs: number;
  signUpTimeoutMs: number;
  /** express `trust proxy`: false (trust none) unless configured. */
  trustProxy: boolean | number | string;
}

/** The personalised timeline (packages/analytics/src/for-you.ts). */
export interface ForYouReader {
  page(user: string, limit: number): Promise<{ tweets: StoredTweet[]; nextCursor: null }>;
}

/** Reads of the analytics table (packages/analytics/src/analytics-reads.ts). */
export interface AnalyticsReader {
  preferences(user: string): Promise<{ tag: string; score: number }[]>;
  trends(limit: number): { window: { minutes: number; from: string; to: string }; tags: { tag: string; count: number }[] };
  /** The table's entry of the monitor's table list. */
  table(): { name: string; kind: string; topic: string; viewReady: boolean };
  /** A key's value in the table, undefined when absent. */
  value(key: string): unknown;
  /** This process's view of the table (its position per partition), for the processors page. */
  viewState?(): { name: string; topic: string; ready: boolean; keys: number; partitions: { partition: number; position: number }[] } | undefined;
}

export interface Health {
  kafka(): Promise<boolean>;
  redis(): Promise<boolean>;
}

export interface AppDeps {
  tweets: TweetStore;
  /** Home timeline reads with read-time merge of pulled (celebrity) authors. */
  home: HomeTimeline;
  graph: GraphStore;
  /** Replies, likes and retweets as the reader sees them (read only). */
  social: SocialStore;
  /** Accounts (read), sessions and rate-limit counters (the API's own Redis state). */
  accounts: AccountStore;
  keys: Keys;
  auth: AuthOptions;
  publish: Publisher;
  health: Health;
  live: LiveHub;
  registry: Registry;
  logger: Logger;
  /** Folder of the built web app, served on the same origin. */
  webDist?: string;
  /** Writes per minute per client address and per account; 0 turns those limits off (sign-in limits stay). */
  rateLimitPerMinute: number;
  /** Base URL of the lag monitor, whose JSON the pipeline page reads. */
  monitorUrl: string;
  /** Base URL of the gateway's health port, whose /lag.json adds gateway groups to the pipeline; left out when unset or down. */
  gatewayUrl?: string;
  /** `npm start`'s supervisor status file (restarts per process), shown on the pipeline page when set. */
  processStatusFile?: string;
  /** For-you ranking, preferences and trends; without it those routes answer 503. */
  analytics?: { forYou: ForYouReader; reads: AnalyticsReader };
  /** Mutes and blocks (a view written by the notify group). */
  relations: RelationStore;
  /** Aggregated notification feeds (written by the notify group). */
  notifications: NotificationStore;
  /** Search over tweets and handles; without it /api/search answers 503. */
  search?: TweetSearch;
}
