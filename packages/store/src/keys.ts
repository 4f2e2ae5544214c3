/**
 * Every Redis key name, built from one prefix. On Redis Cluster (`hashTags`) the keys of one user
 * carry the user as hash tag (`timeline:{alice}`, `following:{alice}`, `notifs:{alice}`,
 * `mutes:{alice}`…), so they share a slot and a script can use them together; the keys of one tweet
 * (`tweet:{id}`, `deleted:{id}`, `likes:{id}`, `counts:{id}`…, its fan-out bookkeeping) carry the
 * tweet id. Global keys (`users`, `pulled-authors`, `active-users`, `tag:<tag>`) are each alone.
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
  /** HASH tweet id -> the author it replies to, of every stored reply (save-tweet.lua; removed by delete-tweet.lua): Twitter's reply rule where no fan-out walk runs (pulled authors, follow merges, rebuilds on return). */
  replyParents(): string;
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
  /** ZSET user → last activity ms (read the timeline, posted, signed in): fan-out pushes to users active within FANOUT_ACTIVE_DAYS. */
  activeUsers(): string;
  /** Marker: the user came back after the activity window; their first read rebuilds the timeline, then deletes it. */
  timelineRebuild(user: string): string;
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
  /** HASH `<group version>:<partition>` → last acked offset of a gateway group on a topic (liiklus positions). */
  gatewayPositions(topic: string, group: string): string;
  /** SET of `<topic> <group>` pairs that have subscribed or acked through the gateway (for their lag). */
  gatewayGroups(): string;
  /** ZSET of a user's notification groups (`mention:<tweet>`, `follow:<day>`, …), score = latest activity ms, capped. Users lowercased. */
  notifications(user: string): string;
  /** ZSET of the actors of one notification group, score = their activity ms. */
  notificationGroup(user: string, group: string): string;
  /** HASH actor -> '<event ms>:f|u' of an undoable group (`like:`, `retweet:`): the last like/unlike per actor (last writer wins); kept after an undo. */
  notificationClocks(user: string, group: string): string;
  /** String: the user's notifications are read up to this time (ms); groups newer are unread. */
  notificationsRead(user: string): string;
  /** HASH `<mute|block>:<target>` -> '<event ms>:f|u': the last applied mute/block event per target (last writer wins). */
  relationClocks(user: string): string;
  /** SET of handles a user muted (lowercased). */
  mutes(user: string): string;
  /** SET of users who muted this one. */
  mutedBy(user: string): string;
  /** SET of handles a user blocked (lowercased). */
  blocks(user: string): string;
  /** SET of users who blocked this one. */
  blockedBy(user: string): string;
  /** Tombstone of a deleted tweet ('1', kept): no save, fan-out, like or retweet of it applies any more. */
  tombstone(id: string): string;
  /** ZSET of the ids of a tweet's replies, score = createdAt ms. */
  replies(id: string): string;
  /** SET of the users who like a tweet. */
  likes(id: string): string;
  /** HASH user -> '<event ms>:f|u': the last applied like/unlike of each user (last writer wins). */
  likeClocks(id: string): string;
  /** ZSET of the users who retweet a tweet, score = retweet time ms. */
  retweets(id: string): string;
  /** HASH user -> '<event ms>:f|u': the last applied retweet/undo of each user. */
  retweetClocks(id: string): string;
  /** HASH follower -> timeline entry: the followers holding the tweet through a retweet, and the entry they hold. */
  retweetEntries(id: string): string;
  /** JSON `{likes, retweets, replies}` of a tweet, recomputed from its sets by every script that changes one. */
  counts(id: string): string;
  /** Cursor of a resumable follower walk (a delete, a retweet or undo, a reply's fan-out); 'end' when done. */
  walk(name: string): string;
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
    tweet: (id) => `${prefix}tweet:${tag(id)}`,
    tweetTags: (id) => `${prefix}tags:${tag(id)}`,
    userTweets: (user) => `${prefix}tweets:${tag(user)}`,
    replyParents: () => `${prefix}reply-parents`,
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
    activeUsers: () => `${prefix}active-users`,
    timelineRebuild: (user) => `${prefix}timeline-rebuild:${tag(user)}`,
    preferences: (user) => `${prefix}prefs:${tag(user)}`,
    account: (handleLower) => `${prefix}account:${handleLower}`,
    session: (tokenHash) => `${prefix}session:${tokenHash}`,
    rateLimit: (name) => `${prefix}rl:${name}:`,
    gatewayPositions: (topic, group) => `${prefix}gateway:positions:${topic}:${group}`,
    gatewayGroups: () => `${prefix}gateway:groups`,
    notifications: (user) => `${prefix}notifs:${tag(user)}`,
    notificationGroup: (user, group) => `${prefix}notif:${tag(user)}:${group}`,
    notificationClocks: (user, group) => `${prefix}notif-clocks:${tag(user)}:${group}`,
    notificationsRead: (user) => `${prefix}notif-read:${tag(user)}`,
    relationClocks: (user) => `${prefix}relations:${tag(user)}`,
    mutes: (user) => `${prefix}mutes:${tag(user)}`,
    mutedBy: (user) => `${prefix}muted-by:${tag(user)}`,
    blocks: (user) => `${prefix}blocks:${tag(user)}`,
    blockedBy: (user) => `${prefix}blocked-by:${tag(user)}`,
    tombstone: (id) => `${prefix}deleted:${tag(id)}`,
    replies: (id) => `${prefix}replies:${tag(id)}`,
    likes: (id) => `${prefix}likes:${tag(id)}`,
    likeClocks: (id) => `${prefix}like-clocks:${tag(id)}`,
    retweets: (id) => `${prefix}retweets:${tag(id)}`,
    retweetClocks: (id) => `${prefix}retweet-clocks:${tag(id)}`,
    retweetEntries: (id) => `${prefix}retweet-entries:${tag(id)}`,
    counts: (id) => `${prefix}counts:${tag(id)}`,
    walk: (name) => `${prefix}walk:${name}`,
  };
}
