/**
 * Every topic name is built here from one prefix (default `twitter.`), so a test or a second
 * deployment can run side by side on one cluster.
 */
export interface TopicNames {
  newTweets: string;
  follows: string;
  fanout: string;
  tweetTags: string;
  clicks: string;
  /** Sign-ups, keyed by the lowercased handle; the first record of a key is the account. */
  accounts: string;
  /** Mutes and blocks, keyed by the edge `<user>|<target>`. */
  relations: string;
  /** Read markers of notification feeds, keyed by user. */
  notificationReads: string;
  /** Tombstones of deleted tweets, keyed by tweet id, kept forever (issue 18). */
  tweetDeletes: string;
  /** Retweets and their undos, keyed by `<user>|<tweetId>`, compacted. */
  retweets: string;
  /** Likes and unlikes, keyed by `<user>|<tweetId>`, compacted. */
  likes: string;
}

export function topicNames(prefix: string): TopicNames {
  return {
    newTweets: `${prefix}newTweets`,
    follows: `${prefix}follows`,
    fanout: `${prefix}fanout`,
    tweetTags: `${prefix}tweetTags`,
    clicks: `${prefix}clicks`,
    accounts: `${prefix}accounts`,
    relations: `${prefix}relations`,
    notificationReads: `${prefix}notificationReads`,
    tweetDeletes: `${prefix}tweetDeletes`,
    retweets: `${prefix}retweets`,
    likes: `${prefix}likes`,
  };
}

/** Per consumer group failure topics: never the shared input topic. */
export function retryTopic(groupId: string): string {
  return `${groupId}.retry`;
}
export function deadLetterTopic(groupId: string): string {
  return `${groupId}.dlq`;
}
export function changelogTopic(groupId: string): string {
  return `${groupId}-table`;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
  compacted?: boolean;
  /** Retention in ms; -1 keeps forever. */
  retentionMs?: number;
}

/** The consumer groups of the system's workers (their ids are prefix + name). */
export const WORKER_GROUPS = ['saver', 'fanout', 'tagger', 'graph', 'analytics', 'accounts'] as const;

/**
 * How long idempotency markers (fan-out markers and plans) live in Redis, and so how far back a
 * replay is harmless: a group with no committed offset starts this far back (streams start-offsets.ts).
 */
export const IDEMPOTENCY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** Dead letters are kept 30 days: long enough to notice, fix the cause and replay them. */
export const DEAD_LETTER_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** A consumer group's own retry and dead-letter topics: the one place their specs are written. */
export function failureTopics(groupId: string, partitions = 3): TopicSpec[] {
  return [
    { topic: retryTopic(groupId), partitions },
    { topic: deadLetterTopic(groupId), partitions, retentionMs: DEAD_LETTER_RETENTION_MS },
  ];
}

/** Each worker group's own retry and dead-letter topics. */
export function groupTopics(prefix: string, partitions = 3): TopicSpec[] {
  return WORKER_GROUPS.flatMap((name) => failureTopics(`${prefix}${name}`, partitions));
}

/** The topics the system needs, with explicit partition counts. Input topics get several. */
export function systemTopics(prefix: string, partitions = 6): TopicSpec[] {
  const t = topicNames(prefix);
  return [
    { topic: t.newTweets, partitions, retentionMs: -1 },
    { topic: t.follows, partitions, compacted: true },
    { topic: t.fanout, partitions },
    { topic: t.tweetTags, partitions, compacted: true },
    { topic: t.clicks, partitions },
    // Not compacted: compaction keeps a key's LAST record, and the first sign-up of a handle wins.
    { topic: t.accounts, partitions, retentionMs: -1 },
    // Compacted: the latest state of each mute/block edge is all a rebuild needs (as twitter.follows).
    { topic: t.relations, partitions, compacted: true },
    // Compacted: only a user's latest read marker matters.
    { topic: t.notificationReads, partitions, compacted: true },
    // Tombstones are kept forever: a rebuild must delete again what newTweets still holds.
    { topic: t.tweetDeletes, partitions, retentionMs: -1 },
    { topic: t.retweets, partitions, compacted: true },
    { topic: t.likes, partitions, compacted: true },
  ];
}
