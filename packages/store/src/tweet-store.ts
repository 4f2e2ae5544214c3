import type { Tag, Tweet } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { pageBySortedScore, type Page } from './paging.ts';
import { throwFirstError } from './pipeline-result.ts';
import { execAcrossSlots, isCluster, type Queued } from './cluster-routing.ts';

/** Likes, retweets and replies of a tweet, each the size of a set rebuilt from the log (never a blind INCR). */
export interface TweetCounts {
  likes: number;
  retweets: number;
  replies: number;
}

export const NO_COUNTS: TweetCounts = { likes: 0, retweets: 0, replies: 0 };

export interface StoredTweet extends Tweet {
  tags?: Tag[];
  counts?: TweetCounts;
  /** Followees of the reader who retweeted it (home timeline reads only). */
  retweetedBy?: string[];
  /** Whether the reader likes / retweets it (reads by a signed-in user). */
  liked?: boolean;
  retweeted?: boolean;
}

/** Tweet bodies, authors' own tweet lists and tags. */
export class TweetStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
  ) {}

  /** Idempotent: a redelivered tweet rewrites the same body and score. */
  async save(tweet: Tweet): Promise<void> {
    await this.saveMany([tweet]);
  }

  /**
   * The tweet in its author's list only. The fanout calls it before the first push: unfollow finds
   * the target's tweets in a timeline through this list, so a tweet must be in it before it can be
   * in anyone's timeline, whatever the saver's lag (found by the chaos suite: two tweets pushed
   * while the saver lagged stayed in an unfollower's timeline).
   */
  async indexByAuthor(tweet: { id: string; author: string; createdAtMs: number }): Promise<void> {
    await this.indexByAuthorMany([tweet]);
  }

  /**
   * indexByAuthor for many tweets in one round trip (one pipeline of one script per tweet). Unless
   * deleted (issue 18): a late fan-out of a deleted tweet must not put it back in the list.
   */
  async indexByAuthorMany(tweets: readonly { id: string; author: string; createdAtMs: number }[]): Promise<void> {
    if (tweets.length === 0) return;
    if (isCluster(this.redis)) return this.indexByAuthorAcrossSlots(tweets);
    const pipe = this.redis.pipeline() as unknown as Pick<ChirpRedis, 'indexByAuthor'> & { exec(): Promise<[Error | null, unknown][] | null> };
    for (const t of tweets) void pipe.indexByAuthor(this.keys.tombstone(t.id), this.keys.userTweets(t.author), t.createdAtMs, t.id);
    throwFirstError(await pipe.exec());
  }

  /**
   * Bodies, authors' lists, the users index and replies' place under their parent, of many tweets
   * in ONE round trip (one pipeline of one script per tweet). A deleted tweet is not stored again.
   * Idempotent, so a batch handed again, whole or split, rewrites the same values.
   */
  async saveMany(tweets: readonly Tweet[]): Promise<void> {
    if (tweets.length === 0) return;
    if (isCluster(this.redis)) return this.saveAcrossSlots(tweets);
    const pipe = this.redis.pipeline() as unknown as Pick<ChirpRedis, 'saveTweet'> & { exec(): Promise<[Error | null, unknown][] | null> };
    const k = this.keys;
    for (const tweet of tweets) {
      const keys = [k.tombstone(tweet.id), k.tweet(tweet.id), k.userTweets(tweet.author), k.users()];
      const parent = tweet.replyTo?.id;
      if (parent) keys.push(k.replies(parent), k.counts(parent), k.likes(parent), k.retweets(parent), k.tombstone(parent), k.replyParents());
      const args = [JSON.stringify(tweet), Date.parse(tweet.createdAt), tweet.author, tweet.id, ...(tweet.replyTo ? [tweet.replyTo.author] : [])];
      void pipe.saveTweet(keys.length, ...keys, ...args);
    }
    throwFirstError(await pipe.exec());
  }

  async saveTags(tweetId: string, tags: readonly Tag[], createdAtMs: number | null, cap = 1000): Promise<void> {
    await this.saveTagsMany([{ tweetId, tags, createdAtMs }], cap);
  }

  /**
   * Tags of many tweets and their `tag:<tag>` lists (each capped) in ONE round trip (one script per
   * verdict, save-tags.lua). Idempotent. A deleted tweet's verdict is dropped, whenever it arrives.
   */
  async saveTagsMany(verdicts: readonly { tweetId: string; tags: readonly Tag[]; createdAtMs: number | null }[], cap = 1000): Promise<void> {
    if (verdicts.length === 0) return;
    if (!isCluster(this.redis)) {
      const pipe = this.redis.pipeline() as unknown as Pick<ChirpRedis, 'saveTags'> & ReturnType<ChirpRedis['pipeline']>;
      const touched = new Set<string>();
      for (const { tweetId, tags, createdAtMs } of verdicts) {
        const score = createdAtMs ?? Date.now();
        void pipe.saveTags(this.keys.tombstone(tweetId), this.keys.tweetTags(tweetId), JSON.stringify(tags), score, tweetId, this.keys.tagTweets(''), ...tags);
        for (const tag of tags) touched.add(tag);
      }
      // Trimmed once per tag of the batch rather than once per push.
      for (const tag of touched) pipe.zremrangebyrank(this.keys.tagTweets(tag), 0, -cap - 1);
      throwFirstError(await pipe.exec());
      return;
    }
    // Redis Cluster: `tag:<tag>` lists live on other slots than the tweet's keys, so save-tags.lua
    // cannot run there. The tombstone is read first (the tweet's slot) and deleted tweets skipped;
    // a delete that lands between that read and the writes is not caught (docs/guarantees.md).
    const deleted = new Set((await this.tombstoned(verdicts.map((v) => ({ id: v.tweetId })))).map((t) => t.id));
    const commands: Queued[] = [];
    const touched = new Set<string>();
    for (const { tweetId, tags, createdAtMs } of verdicts) {
      if (deleted.has(tweetId)) continue;
      commands.push((r) => r.set(this.keys.tweetTags(tweetId), JSON.stringify(tags)));
      const score = createdAtMs ?? Date.now();
      for (const tag of tags) {
        commands.push((r) => r.zadd(this.keys.tagTweets(tag), score, tweetId));
        touched.add(tag);
      }
    }
    // Trimmed once per tag of the batch rather than once per push.
    for (const tag of touched) commands.push((r) => r.zremrangebyrank(this.keys.tagTweets(tag), 0, -cap - 1));
    throwFirstError(await execAcrossSlots(this.redis, commands));
  }

  async get(id: string): Promise<StoredTweet | null> {
    const [tweet] = await this.getMany([id]);
    return tweet ?? null;
  }

  /**
   * Bodies, tags and counts of many tweets in ONE round trip (a single MGET of body, tags and
   * counts keys). Ids whose body is missing (never saved, or deleted) are skipped; order is kept.
   */
  async getMany(ids: readonly string[]): Promise<StoredTweet[]> {
    if (ids.length === 0) return [];
    const keys: string[] = [];
    for (const id of ids) keys.push(this.keys.tweet(id), this.keys.tweetTags(id), this.keys.counts(id));
    // Redis Cluster: one MGET per tweet (its three keys share the tweet's slot), sent per node together.
    const values = isCluster(this.redis)
      ? (await Promise.all(ids.map((_, i) => this.redis.mget(keys.slice(3 * i, 3 * i + 3))))).flat()
      : await this.redis.mget(keys);
    const out: StoredTweet[] = [];
    for (let i = 0; i < ids.length; i++) {
      const body = values[3 * i];
      if (!body) continue;
      const tweet = JSON.parse(body) as StoredTweet;
      const tags = values[3 * i + 1];
      if (tags) tweet.tags = JSON.parse(tags) as Tag[];
      const counts = values[3 * i + 2];
      tweet.counts = counts ? (JSON.parse(counts) as TweetCounts) : { ...NO_COUNTS };
      out.push(tweet);
    }
    return out;
  }

  /**
   * Redis Cluster form of saveMany: a tweet's keys, its author's list, `users` and its parent's keys
   * are on different slots, so each part is one call on its own slot (all sent together): the body
   * unless deleted (save-body.lua), then the author's list and `users`, and a reply under its parent
   * (save-reply.lua). The author's list is written like indexByAuthorAcrossSlots, so a delete that
   * runs in between never leaves the id behind. Idempotent as saveMany.
   */
  private async saveAcrossSlots(tweets: readonly Tweet[]): Promise<void> {
    const k = this.keys;
    const stored = await execAcrossSlots(
      this.redis,
      tweets.map((t) => (r) => r.saveBody(k.tombstone(t.id), k.tweet(t.id), JSON.stringify(t))),
    );
    throwFirstError(stored);
    const saved = tweets.filter((_, i) => stored[i]![1] === 1);
    const commands: Queued[] = [];
    for (const t of saved) {
      const ms = Date.parse(t.createdAt);
      commands.push((r) => r.zadd(k.users(), 'NX', ms, t.author));
      const parent = t.replyTo?.id;
      if (parent) {
        commands.push((r) => r.saveReply(k.replies(parent), k.counts(parent), k.likes(parent), k.retweets(parent), k.tombstone(parent), ms, t.id));
        commands.push((r) => r.hset(k.replyParents(), t.id, t.replyTo!.author)); // the reply rule's record, as save-tweet.lua writes it
      }
    }
    throwFirstError(await execAcrossSlots(this.redis, commands));
    await this.indexByAuthorAcrossSlots(saved.map((t) => ({ id: t.id, author: t.author, createdAtMs: Date.parse(t.createdAt) })));
    // A reply deleted while it was being saved: its delete may have left the parent's index before
    // save-reply.lua wrote it, so the index is checked against the tombstone written first.
    const gone = await this.tombstoned(saved.filter((t) => t.replyTo?.id));
    throwFirstError(
      await execAcrossSlots(
        this.redis,
        gone.map((t) => {
          const p = t.replyTo!.id;
          return (r) => r.dropReply(k.replies(p), k.counts(p), k.likes(p), k.retweets(p), t.id);
        }),
      ),
    );
  }

  /** The items whose tweet has a tombstone (`deleted:<id>`), read per slot on a cluster. */
  private async tombstoned<T extends { id: string }>(items: readonly T[]): Promise<T[]> {
    const deleted = await execAcrossSlots(
      this.redis,
      items.map((t) => (r) => r.exists(this.keys.tombstone(t.id))),
    );
    throwFirstError(deleted);
    return items.filter((_, i) => deleted[i]![1] === 1);
  }

  /**
   * Redis Cluster form of indexByAuthorMany: the tombstone (the tweet's slot) and the author's list
   * (the author's slot) cannot be read and written in one script. The id goes into the list first,
   * then the tombstone is read, and a deleted tweet's id comes out again: a delete sets the
   * tombstone before it takes the id out, so whichever order the two run in, no deleted id stays.
   */
  private async indexByAuthorAcrossSlots(tweets: readonly { id: string; author: string; createdAtMs: number }[]): Promise<void> {
    if (tweets.length === 0) return;
    const k = this.keys;
    throwFirstError(
      await execAcrossSlots(
        this.redis,
        tweets.map((t) => (r) => r.zadd(k.userTweets(t.author), t.createdAtMs, t.id)),
      ),
    );
    const gone = await this.tombstoned(tweets);
    throwFirstError(
      await execAcrossSlots(
        this.redis,
        gone.map((t) => (r) => r.zrem(k.userTweets(t.author), t.id)),
      ),
    );
  }

  async authorTweetIds(author: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.userTweets(author), cursor, limit);
  }

  async tagTweetIds(tag: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.tagTweets(tag), cursor, limit);
  }
}
