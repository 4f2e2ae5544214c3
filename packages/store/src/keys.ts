/**
 * Every Redis key name, built from one prefix. On Redis Cluster (`hashTags`) the keys of one user
 * carry the user as hash tag (`timeline:{alice}`, `following:{alice}`…), so they share a slot and
 * a script can use them together; a tweet's fan-out bookkeeping carries the tweet id.
 */
export interface Keys {
  prefix: string;
  /** True when keys carry hash tags (Redis Cluster). */
  hashTags: boolean;
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
  /** HASH target -> '<event ms>:f|u': the last applied event per edge (last writer wins; kept after an unfollow). */
  edgeClocks(user: string): string;
  /** ZSET of known users, score = first seen ms. */
  users(): string;
  /** ZSET of tweet ids carrying a tag, score = createdAt ms, capped. */
  tagTweets(tag: string): string;
  /**
   * Marker that one delivery of a fan-out was applied; value = the cursor after it. `name` says
   * which: `self`, `inline:<range start>/<cursor>` or `chunk:<range start>/<cursor>`.
   */
  fanoutMarker(tweetId: string, name: string): string;
  /**
   * Marker of the part of a delivery that went to one cluster node, named by the first user of that
   * part: on Redis Cluster it lives on that user's slot, beside the timelines it covers.
   */
  fanoutNodeMarker(tweetId: string, name: string, firstUser: string): string;
  /** The chunk plan of a large fan-out (JSON boundaries), written once so a redelivery replays it. */
  fanoutPlan(tweetId: string): string;
  /** Chunks of a fan-out not applied yet; the chunk that takes it to 0 announces delivery. */
  fanoutPending(tweetId: string): string;
  /** ZSET of authors above the pull threshold (score = follower count when last seen): merged at read. */
  pulledAuthors(): string;
  /** Pub/sub channel: a tweet has reached its followers' timelines. */
  timelineEvents(): string;
  /**
   * ZSET tag → forward-decayed affinity of a user (raw sums; divide by e^{λ(now−t0)} to read).
   * Written by the analytics worker as a copy of its group table, rebuilt from the changelog.
   */
  preferences(user: string): string;
  /** JSON account `{handle, passwordHash, requestId, createdAt}` by lowercased handle, set once (SET NX) by the accounts applier. */
  account(handleLower: string): string;
  /** JSON session `{handle, expiresAt}` by the sha-256 of its token (never the token), with a TTL. Written by the API. */
  session(tokenHash: string): string;
  /** Prefix of the API's rate-limit counters (rate-limit-redis), shared by every API instance. */
  rateLimit(name: string): string;
}

export interface KeyOptions {
  /** Redis Cluster: hash tags on per-user and per-fan-out keys (REDIS_CLUSTER_NODES set). */
  hashTags?: boolean;
}

export function createKeys(prefix = '', options: KeyOptions = {}): Keys {
  const hashTags = options.hashTags ?? false;
  const tag = (owner: string): string => (hashTags ? `{${owner}}` : owner);
  return {
    prefix,
    hashTags,
    tweet: (id) => `${prefix}tweet:${id}`,
    tweetTags: (id) => `${prefix}tags:${id}`,
    userTweets: (user) => `${prefix}tweets:${tag(user)}`,
    timeline: (user) => `${prefix}timeline:${tag(user)}`,
    followers: (user) => `${prefix}followers:${tag(user)}`,
    following: (user) => `${prefix}following:${tag(user)}`,
    edgeClocks: (user) => `${prefix}edges:${tag(user)}`,
    users: () => `${prefix}users`,
    tagTweets: (tag) => `${prefix}tag:${tag}`,
    fanoutMarker: (tweetId, name) => `${prefix}fanout:${tag(tweetId)}:${name}`,
    fanoutNodeMarker: (tweetId, name, firstUser) => `${prefix}fanout:${tweetId}:${name}@${tag(firstUser)}`,
    fanoutPlan: (tweetId) => `${prefix}fanout:plan:${tag(tweetId)}`,
    fanoutPending: (tweetId) => `${prefix}fanout:pending:${tag(tweetId)}`,
    pulledAuthors: () => `${prefix}pulled-authors`,
    timelineEvents: () => `${prefix}events:timeline`,
    preferences: (user) => `${prefix}prefs:${tag(user)}`,
    account: (handleLower) => `${prefix}account:${handleLower}`,
    session: (tokenHash) => `${prefix}session:${tokenHash}`,
    rateLimit: (name) => `${prefix}rl:${name}:`,
  };
}
