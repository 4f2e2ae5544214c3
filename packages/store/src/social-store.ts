import type { LikeEvent, RetweetEvent, Tweet, TweetDelete } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { execAcrossSlots, isCluster, type Queued } from './cluster-routing.ts';
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
    const k = this.keys;
    const id = d.tweetId;
    const keys = [k.tombstone(id), k.tweet(id), k.userTweets(d.author), k.tweetTags(id), k.timeline(d.author), k.likes(id), k.retweets(id), k.counts(id)];
    const parent = d.replyTo?.id;
    if (parent) keys.push(k.replies(parent), k.counts(parent), k.likes(parent), k.retweets(parent));
    const code = await this.redis.deleteTweet(keys.length, ...keys, id, timelineEntry(Date.parse(d.createdAt), id), k.tagTweets(''));
    return code === 1;
  }

  /** Step 2 of a delete, one page of the author's followers: the tweet's entry leaves their timelines. */
  async unfanPage(d: TweetDelete): Promise<WalkStep> {
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
    const [left, changed] = await this.redis.unretweetEntries(this.keys.retweetEntries(tweetId), this.keys.timeline(''), this.pageSize);
    return { next: left > 0 ? 'more' : 'end', changed };
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
      commands.push((r) => r.sismember(k.likes(t.id), viewer), (r) => r.zscore(k.retweets(t.id), viewer));
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
