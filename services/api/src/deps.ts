import type { Click, FollowEvent, Tweet } from '@chirp/core';
import type { GraphStore, HomeTimeline, StoredTweet, TimelineStore, TweetStore } from '@chirp/store';
import type { Logger, Registry } from '@chirp/telemetry';
import type { LiveHub } from './live-hub.ts';

/** Writes go to Kafka only: the API never writes Redis. Each resolves once Kafka acknowledged. */
export interface Publisher {
  tweet(tweet: Tweet): Promise<void>;
  follow(event: FollowEvent): Promise<void>;
  /** A batch of clicks on twitter.clicks, keyed by user. */
  clicks(clicks: readonly Click[]): Promise<void>;
}

/** The personalised timeline (packages/analytics/src/for-you.ts). */
export interface ForYouReader {
  page(user: string, limit: number): Promise<{ tweets: StoredTweet[]; nextCursor: null }>;
}

/** Reads of the analytics table (packages/analytics/src/analytics-reads.ts). */
export interface AnalyticsReader {
  preferences(user: string): Promise<{ tag: string; score: number }[]>;
  trends(limit: number): { window: { minutes: number; from: string; to: string }; tags: { tag: string; count: number }[] };
}

export interface Health {
  kafka(): Promise<boolean>;
  redis(): Promise<boolean>;
}

export interface AppDeps {
  tweets: TweetStore;
  timelines: TimelineStore;
  /** Home timeline reads with read-time merge of pulled (celebrity) authors. */
  home: HomeTimeline;
  graph: GraphStore;
  publish: Publisher;
  health: Health;
  live: LiveHub;
  registry: Registry;
  logger: Logger;
  /** Folder of the built web app, served on the same origin. */
  webDist?: string;
  /** Writes per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Base URL of the lag monitor, whose JSON the pipeline page reads. */
  monitorUrl: string;
  /** For-you ranking, preferences and trends; without it those routes answer 503. */
  analytics?: { forYou: ForYouReader; reads: AnalyticsReader };
}
