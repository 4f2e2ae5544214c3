import type { LikeEvent, RetweetEvent, Tweet, TweetDelete } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { execAcrossSlots, isCluster, RedisRouting, type Queued } from './cluster-routing.ts';
import { throwFirstError } from './pipeline-result.ts';
import { timelineEntry } from './timeline-entry.ts';
import { pageBySortedScore, type Page } from './paging.ts';
import type { StoredTweet } from './tweet-store.ts';

/** Followers per script call of a walk: at most this many LREMs/inserts over lists of at most the cap. */
export const WALK_PAGE_SIZE = 500;

export interface SocialStoreOptions {
  /** The timeline cap (TIMELINE_CAP), for the walks that insert (retweets, replies). */
  cap: number;
  /** Followers per script call of a walk (delete, retweet, undo, reply): the bound on a call's work. */
  pageSize?: number;
  /** How long a walk's progress lives: longer than any redelivery can take. */
  walkTtlSeconds?: number;
}

/** Where a walk stands after one page: 'end' when it is done. */
export interface WalkStep {
  next: string;
  changed: number;
}

/**
 * Deletes, replies, retweets and likes (issue 18) in Redis. Every change is one script call whose
 * work is bounded by the page size (and the timeline cap); the walks over followers keep their
 * cursor in Redis (`walk:<name>`), so a redelivered event resumes where the last call stopped and
 * a finished walk is a no-op. A deleted tweet's tombstone is checked by every script that could
 * bring it back (save, author list, fan-out pages, reactions).
 */
export class SocialStore {
  private readonly ttl: number;
  private readonly pageSize: number;

  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly options: SocialStoreOptions,
  ) {
    this.ttl = options.walkTtlSeconds ?? 7 * 24 * 3600;
    this.pageSize = options.pageSize ?? WALK_PAGE_SIZE;
  }

  /** A like/unlike, last writer wins per (user, tweet). Resolves true when it changed the state. */
  async applyLike(e: LikeEvent): Promise<boolean> {
    const k = this.keys;
    const id = e.tweetId;
    const code = await this.redis.applyReaction(
      ...[k.tombstone(id), k.likeClocks(id), k.likes(id), k.counts(id), k.likes(id), k.retweets(id), k.replies(id)],
      e.user,
      Date.parse(e.at),
      e.action === 'like' ? 'f' : 'u',
      'set',
    );
    return code === 1;
  }

  /** A retweet/undo into the tweet's retweeters, last writer wins per (user, tweet). True when it changed the state. */
  async applyRetweet(e: RetweetEvent): Promise<boolean> {
    const k = this.keys;
    const id = e.tweetId;
    const code = await this.redis.applyReaction(
      ...[k.tombstone(id), k.retweetClocks(id), k.retweets(id), k.counts(id), k.likes(id), k.retweets(id), k.replies(id)],
      e.user,
      Date.parse(e.at),
      e.action === 'retweet' ? 'f' : 'u',
      'zset',
    );
    return code === 1;
  }

  /** The walk of one retweet event: named by the event, so a newer event of the pair walks afresh. */
  private retweetWalk(e: RetweetEvent): string {
    return this.keys.walk(`rt:${e.tweetId}:${e.user}:${Date.parse(e.at)}:${e.action}`);
  }

  /** One page of a retweet's fan-out to the retweeter's followers. */
  async retweetPage(e: RetweetEvent): Promise<WalkStep> {
    if (isCluster(this.redis)) return this.retweetPageAcrossSlots(e);
    const k = this.keys;
    const [next, changed] = await this.redis.retweetPage(
      k.followers(e.user),
      this.retweetWalk(e),
      k.tombstone(e.tweetId),
      k.retweets(e.tweetId),
      k.retweetEntries(e.tweetId),
      timelineEntry(Date.parse(e.at), e.tweetId),
      this.options.cap,
      k.timeline(''),
      k.following(''),
      e.author,
      e.user,
      this.pageSize,
      this.ttl,
    );
    return { next, changed };
  }

  /** One page of an undone retweet: its entry leaves followers no other followee gives it to. */
  async unretweetPage(e: RetweetEvent): Promise<WalkStep> {
    if (isCluster(this.redis)) return this.unretweetPageAcrossSlots(e);
    const k = this.keys;
    const [next, changed] = await this.redis.unretweetPage(
      k.followers(e.user),
      this.retweetWalk(e),
      k.retweets(e.tweetId),
      k.retweetEntries(e.tweetId),
      k.timeline(''),
      k.following(''),
      e.user,
      this.pageSize,
      this.ttl,
    );
    return { next, changed };
  }

  /** One page of a reply's fan-out: followers of the replier who also follow the author replied to. */
  async replyPage(tweet: Tweet & { replyTo: { author: string } }): Promise<WalkStep> {
    if (isCluster(this.redis)) return this.replyPageAcrossSlots(tweet);
    const k = this.keys;
    const [next, changed] = await this.redis.replyRange(
      k.followers(tweet.author),
      k.walk(`reply:${tweet.id}`),
      k.tombstone(tweet.id),
      timelineEntry(Date.parse(tweet.createdAt), tweet.id),
      this.options.cap,
      k.timeline(''),
      k.following(''),
      tweet.replyTo.author,
      this.pageSize,
      this.ttl,
    );
    return { next, changed };
  }

  /**
   * Step 1 of a delete: the tombstone, body, author list and own timeline, tags and tag index,
   * parent's reply index, likes and retweets. Resolves true when the tombstone is new.
   */
  async tombstone(d: TweetDelete): Promise<boolean> {
    if (isCluster(this.redis)) return this.tombstoneAcrossSlots(d);
    const k = this.keys;
    const id = d.tweetId;
    const keys = [k.tombstone(id), k.tweet(id), k.userTweets(d.author), k.tweetTags(id), k.timeline(d.author), k.likes(id), k.retweets(id), k.counts(id)];
    const parent = d.replyTo?.id;
    if (parent) keys.push(k.replies(parent), k.counts(parent), k.likes(parent), k.retweets(parent), k.replyParents());
    const code = await this.redis.deleteTweet(keys.length, ...keys, id, timelineEntry(Date.parse(d.createdAt), id), k.tagTweets(''));
    return code === 1;
  }

  /** Step 2 of a delete, one page of the author's followers: the tweet's entry leaves their timelines. */
  async unfanPage(d: TweetDelete): Promise<WalkStep> {
    if (isCluster(this.redis)) return this.unfanPageAcrossSlots(d);
    const k = this.keys;
    const [next, changed] = await this.redis.unfanPage(
      k.followers(d.author),
      k.walk(`delete:${d.tweetId}`),
      timelineEntry(Date.parse(d.createdAt), d.tweetId),
      k.timeline(''),
      this.pageSize,
      this.ttl,
    );
    return { next, changed };
  }

  /** Step 3 of a delete, one page: the timelines that hold the tweet through a retweet lose it. */
  async unretweetEntriesPage(tweetId: string): Promise<WalkStep> {
    if (isCluster(this.redis)) return this.unretweetEntriesAcrossSlots(tweetId);
    const [left, changed] = await this.redis.unretweetEntries(this.keys.retweetEntries(tweetId), this.keys.timeline(''), this.pageSize);
    return { next: left > 0 ? 'more' : 'end', changed };
  }

  /**
   * Redis Cluster form of tombstone (delete-tweet.lua): the tombstone first, on the tweet's slot
   * (a late save, fan-out or like reads it there), then the author's list and own timeline, the
   * tag lists and the parent's reply index, each on its own slot, then the tweet's own keys.
   * Idempotent: a redelivery redoes the removals.
   */
  private async tombstoneAcrossSlots(d: TweetDelete): Promise<boolean> {
    const k = this.keys;
    const id = d.tweetId;
    const fresh = (await this.redis.set(k.tombstone(id), '1', 'NX')) === 'OK';
    const tags = await this.redis.get(k.tweetTags(id));
    const commands: Queued[] = [
      (r) => r.del(k.tweet(id)),
      (r) => r.zrem(k.userTweets(d.author), id),
      (r) => r.lrem(k.timeline(d.author), 0, timelineEntry(Date.parse(d.createdAt), id)),
    ];
    for (const tag of tags ? (JSON.parse(tags) as string[]) : []) commands.push((r) => r.zrem(k.tagTweets(tag), id));
    const parent = d.replyTo?.id;
    if (parent) {
      commands.push((r) => r.dropReply(k.replies(parent), k.counts(parent), k.likes(parent), k.retweets(parent), id));
      commands.push((r) => r.hdel(k.replyParents(), id));
    }
    throwFirstError(await execAcrossSlots(this.redis, commands));
    await this.redis.del(k.tweetTags(id), k.likes(id), k.retweets(id), k.counts(id)); // one slot: the tweet's
    return fresh;
  }

  /** The next page of a walk over followers:{user} whose cursor lives at `walk` (follower-walk.lua's form, read here). */
  private async walkPage(followersKey: string, walk: string): Promise<{ followers: string[]; next: string } | null> {
    const cursor = (await this.redis.get(walk)) ?? '-inf';
    if (cursor === 'end') return null;
    const rows = await this.redis.zrangebyscore(followersKey, `(${cursor}`, '+inf', 'WITHSCORES', 'LIMIT', 0, this.pageSize);
    const followers = rows.filter((_, i) => i % 2 === 0);
    return { followers, next: followers.length === this.pageSize ? rows[rows.length - 1]! : 'end' };
  }

  /** Redis Cluster form of unfanPage (unfan-page.lua): the page read here, one LREM per follower (sent per node together). */
  private async unfanPageAcrossSlots(d: TweetDelete): Promise<WalkStep> {
    const k = this.keys;
    const walk = k.walk(`delete:${d.tweetId}`);
    const page = await this.walkPage(k.followers(d.author), walk);
    if (!page) return { next: 'end', changed: 0 };
    const entry = timelineEntry(Date.parse(d.createdAt), d.tweetId);
    const removed = await Promise.all(page.followers.map((f) => this.redis.lrem(k.timeline(f), 0, entry)));
    await this.redis.set(walk, page.next, 'EX', this.ttl);
    return { next: page.next, changed: removed.reduce((a, b) => a + b, 0) };
  }

  /** Redis Cluster form of unretweetEntriesPage (unretweet-entries.lua): a page of the hash read here, each entry taken out of its timeline, then out of the hash. */
  private async unretweetEntriesAcrossSlots(tweetId: string): Promise<WalkStep> {
    const key = this.keys.retweetEntries(tweetId);
    const [, rows] = await this.redis.hscan(key, '0', 'COUNT', this.pageSize);
    let changed = 0;
    const followers: string[] = [];
    const removals: Promise<number>[] = [];
    for (let i = 0; i < rows.length; i += 2) {
      followers.push(rows[i]!);
      removals.push(this.redis.lrem(this.keys.timeline(rows[i]!), 0, rows[i + 1]!));
    }
    for (const n of await Promise.all(removals)) changed += n;
    if (followers.length) await this.redis.hdel(key, ...followers);
    return { next: (await this.redis.hlen(key)) > 0 ? 'more' : 'end', changed };
  }

  /**
   * Redis Cluster form of replyPage (reply-range.lua): of the replier's next followers, those who
   * also follow the author replied to (ZSCORE on each follower's slot) get the entry, by node, with
   * a marker per page and node (deliverByNode; the entry goes in at most once anyway).
   */
  private async replyPageAcrossSlots(tweet: Tweet & { replyTo: { author: string } }): Promise<WalkStep> {
    const k = this.keys;
    const walk = k.walk(`reply:${tweet.id}`);
    if ((await this.redis.exists(k.tombstone(tweet.id))) === 1) {
      await this.redis.set(walk, 'end', 'EX', this.ttl);
      return { next: 'end', changed: 0 };
    }
    const cursor = (await this.redis.get(walk)) ?? '-inf';
    const page = await this.walkPage(k.followers(tweet.author), walk);
    if (!page) return { next: 'end', changed: 0 };
    const replied = tweet.replyTo.author;
    const follows = await Promise.all(page.followers.map((f) => (f === replied ? Promise.resolve('self') : this.redis.zscore(k.following(f), replied))));
    const receivers = page.followers.filter((_, i) => follows[i] !== null);
    const entry = timelineEntry(Date.parse(tweet.createdAt), tweet.id);
    const changed = await this.deliverByNode(tweet.id, `reply:${cursor}`, receivers, entry);
    await this.redis.set(walk, page.next, 'EX', this.ttl);
    return { next: page.next, changed };
  }

  /**
   * Redis Cluster form of retweetPage (retweet-page.lua), same rule: the retweeter's next followers
   * get the original's entry at the retweet's time unless they follow the author or already hold it
   * through another retweet (retweet-entries:{id}). The entries go in by node first (a marker per
   * page and node), then are recorded in retweet-entries:{id}: a crash between the two redoes the
   * page, finds the entries there (inserted at most once) and records them.
   */
  private async retweetPageAcrossSlots(e: RetweetEvent): Promise<WalkStep> {
    const k = this.keys;
    const walk = this.retweetWalk(e);
    const [deleted, retweeted] = await Promise.all([this.redis.exists(k.tombstone(e.tweetId)), this.redis.zscore(k.retweets(e.tweetId), e.user)]);
    if (deleted === 1 || retweeted === null) {
      await this.redis.set(walk, 'end', 'EX', this.ttl);
      return { next: 'end', changed: 0 };
    }
    const cursor = (await this.redis.get(walk)) ?? '-inf';
    const page = await this.walkPage(k.followers(e.user), walk);
    if (!page) return { next: 'end', changed: 0 };
    const others = page.followers.filter((f) => f !== e.author);
    const [held, follows] = await Promise.all([
      others.length ? this.redis.hmget(k.retweetEntries(e.tweetId), ...others) : Promise.resolve([]),
      Promise.all(others.map((f) => this.redis.zscore(k.following(f), e.author))),
    ]);
    const receivers = others.filter((_, i) => held[i] === null && follows[i] === null);
    const entry = timelineEntry(Date.parse(e.at), e.tweetId);
    await this.deliverByNode(e.tweetId, `rt:${e.user}:${Date.parse(e.at)}:${cursor}`, receivers, entry);
    if (receivers.length) await this.redis.hset(k.retweetEntries(e.tweetId), ...receivers.flatMap((f) => [f, entry]));
    await this.redis.set(walk, page.next, 'EX', this.ttl);
    return { next: page.next, changed: receivers.length };
  }

  /**
   * Redis Cluster form of unretweetPage (unretweet-page.lua): each of the retweeter's next followers
   * loses the recorded entry unless an account they follow still retweets the tweet (the
   * retweeters checked against following:{follower} on its slot; ZINTERCARD cannot span slots).
   */
  private async unretweetPageAcrossSlots(e: RetweetEvent): Promise<WalkStep> {
    const k = this.keys;
    const walk = this.retweetWalk(e);
    if ((await this.redis.zscore(k.retweets(e.tweetId), e.user)) !== null) {
      await this.redis.set(walk, 'end', 'EX', this.ttl);
      return { next: 'end', changed: 0 };
    }
    const page = await this.walkPage(k.followers(e.user), walk);
    if (!page) return { next: 'end', changed: 0 };
    const [entries, retweeters] = await Promise.all([
      page.followers.length ? this.redis.hmget(k.retweetEntries(e.tweetId), ...page.followers) : Promise.resolve([]),
      this.redis.zrange(k.retweets(e.tweetId), 0, -1),
    ]);
    const holders = page.followers.map((f, i) => ({ f, entry: entries[i] })).filter((h): h is { f: string; entry: string } => h.entry != null);
    const stillGiven = await Promise.all(
      holders.map(async (h) => retweeters.length > 0 && (await this.redis.zmscore(k.following(h.f), ...retweeters)).some((s) => s !== null)),
    );
    const losing = holders.filter((_, i) => !stillGiven[i]);
    const removed = await Promise.all(losing.map((h) => this.redis.lrem(k.timeline(h.f), 0, h.entry)));
    if (losing.length) await this.redis.hdel(k.retweetEntries(e.tweetId), ...losing.map((h) => h.f));
    await this.redis.set(walk, page.next, 'EX', this.ttl);
    return { next: page.next, changed: removed.reduce((a, b) => a + b, 0) };
  }

  /** An entry into many users' timelines on a cluster: one deliverToUsers call per node, each with a marker of its own (`name`). */
  private async deliverByNode(tweetId: string, name: string, users: readonly string[], entry: string): Promise<number> {
    const k = this.keys;
    const routing = new RedisRouting(this.redis);
    const pushed = await Promise.all(
      routing
        .groupByNode(users, (u) => k.timeline(u))
        .map(async (group) => {
          const marker = k.fanoutNodeMarker(tweetId, name, group[0]!);
          const code = await routing.script<number>(
            'deliverToUsers',
            [marker, marker, ...group.map((u) => k.timeline(u))],
            [entry, this.options.cap, 'end', this.ttl, '0'],
          );
          return code === 0 ? 0 : group.length;
        }),
    );
    return pushed.reduce((a, b) => a + b, 0);
  }

  /** Tells open live streams (the API's hub) that a tweet is gone. */
  async publishDeleted(d: TweetDelete): Promise<void> {
    await this.redis.publish(this.keys.timelineEvents(), JSON.stringify({ type: 'delete', tweetId: d.tweetId, author: d.author }));
  }

  async isDeleted(tweetId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.tombstone(tweetId))) === 1;
  }

  /** Ids of a tweet's replies, newest first, paged by score cursor like every list. */
  async replyIds(tweetId: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.replies(tweetId), cursor, limit);
  }

  /**
   * What the reader's view adds to tweets that have likes or retweets: whether the reader likes or
   * retweets each, and (for home timelines) which of the reader's followees retweeted it. One
   * pipeline, and none at all when no tweet of the page has a like or a retweet.
   */
  /** Which of the viewer's followees retweeted a tweet: ZINTER on one server; on Redis Cluster the two sets are on different slots, so the retweeters are checked against following:{viewer}. */
  private followedRetweeters(r: ChirpRedis, id: string, viewer: string): unknown {
    const k = this.keys;
    if (!isCluster(this.redis)) return r.zinter(2, k.retweets(id), k.following(viewer));
    return r.zrange(k.retweets(id), 0, -1).then(async (users) => {
      if (users.length === 0) return [];
      const scores = await r.zmscore(k.following(viewer), ...users);
      return users.filter((_, i) => scores[i] !== null);
    });
  }

  async decorate(tweets: StoredTweet[], viewer: string | undefined, withRetweeters: boolean): Promise<void> {
    const reacted = tweets.filter((t) => (t.counts?.likes ?? 0) > 0 || (t.counts?.retweets ?? 0) > 0);
    if (!viewer || reacted.length === 0) return;
    const k = this.keys;
    const commands: Queued[] = [];
    for (const t of reacted) {
      commands.push(
        (r) => r.sismember(k.likes(t.id), viewer),
        (r) => r.zscore(k.retweets(t.id), viewer),
      );
      if (withRetweeters) commands.push((r) => this.followedRetweeters(r, t.id, viewer));
    }
    const results = await execAcrossSlots(this.redis, commands);
    const per = withRetweeters ? 3 : 2;
    reacted.forEach((t, i) => {
      const at = (n: number): unknown => {
        const [error, value] = results[i * per + n] ?? [null, null];
        if (error) throw error;
        return value;
      };
      t.liked = at(0) === 1;
      t.retweeted = at(1) !== null;
      if (withRetweeters) {
        const by = at(2) as string[];
        if (by.length > 0) t.retweetedBy = by;
      }
    });
  }
}
