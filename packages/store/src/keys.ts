/**
 * Every Redis key name, built from one prefix. Keys that belong to one user start with that user's
 * key so a Redis Cluster deployment can add hash tags here, in one place.
 */
export interface Keys {
  prefix: string;
  /** JSON body of a tweet. */
  tweet(id: string): string;
  /** Tags of a tweet as a JSON array, written by the tagger. */
  tweetTags(id: string): string;
  /** ZSET of an author's own tweet ids, score = createdAt ms. */
  userTweets(user: string): string;
  /** LIST of home timeline ids, newest first, capped. */
  timeline(user: string): string;
  /** ZSET of followers, score = follow order (strictly increasing per key: a stable paging cursor). */
  followers(user: string): string;
  /** ZSET of accounts a user follows, same scoring. */
  following(user: string): string;
  /** ZSET of known users, score = first seen ms. */
  users(): string;
  /** ZSET of tweet ids carrying a tag, score = createdAt ms, capped. */
  tagTweets(tag: string): string;
  /** Marker that one fan-out chunk was applied; value = the cursor after it. */
  fanoutChunk(tweetId: string, cursor: string): string;
  /** Pub/sub channel: a tweet has reached its followers' timelines. */
  timelineEvents(): string;
}

export function createKeys(prefix = ''): Keys {
  return {
    prefix,
    tweet: (id) => `${prefix}tweet:${id}`,
    tweetTags: (id) => `${prefix}tags:${id}`,
    userTweets: (user) => `${prefix}tweets:${user}`,
    timeline: (user) => `${prefix}timeline:${user}`,
    followers: (user) => `${prefix}followers:${user}`,
    following: (user) => `${prefix}following:${user}`,
    users: () => `${prefix}users`,
    tagTweets: (tag) => `${prefix}tag:${tag}`,
    fanoutChunk: (tweetId, cursor) => `${prefix}fanout:${tweetId}:${cursor}`,
    timelineEvents: () => `${prefix}events:timeline`,
  };
}
