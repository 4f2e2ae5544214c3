import type { Tag, Tweet } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { pageBySortedScore, type Page } from './paging.ts';
import { throwFirstError } from './pipeline-result.ts';

export interface StoredTweet extends Tweet {
  tags?: Tag[];
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

  /** indexByAuthor for many tweets in one round trip (one pipeline). */
  async indexByAuthorMany(tweets: readonly { id: string; author: string; createdAtMs: number }[]): Promise<void> {
    if (tweets.length === 0) return;
    const pipe = this.redis.pipeline();
    for (const t of tweets) pipe.zadd(this.keys.userTweets(t.author), t.createdAtMs, t.id);
    throwFirstError(await pipe.exec());
  }

  /**
   * Bodies, authors' lists and the users index of many tweets in ONE round trip (one pipeline).
   * Idempotent, so a batch handed again, whole or split, rewrites the same values.
   */
  async saveMany(tweets: readonly Tweet[]): Promise<void> {
    if (tweets.length === 0) return;
    const pipe = this.redis.pipeline();
    for (const tweet of tweets) {
      const ms = Date.parse(tweet.createdAt);
      pipe
        .set(this.keys.tweet(tweet.id), JSON.stringify(tweet))
        .zadd(this.keys.userTweets(tweet.author), ms, tweet.id)
        .zadd(this.keys.users(), 'NX', ms, tweet.author);
    }
    throwFirstError(await pipe.exec());
  }

  async saveTags(tweetId: string, tags: readonly Tag[], createdAtMs: number | null, cap = 1000): Promise<void> {
    await this.saveTagsMany([{ tweetId, tags, createdAtMs }], cap);
  }

  /** Tags of many tweets and their `tag:<tag>` lists (each capped) in ONE round trip. Idempotent. */
  async saveTagsMany(verdicts: readonly { tweetId: string; tags: readonly Tag[]; createdAtMs: number | null }[], cap = 1000): Promise<void> {
    if (verdicts.length === 0) return;
    const pipe = this.redis.pipeline();
    const touched = new Set<string>();
    for (const { tweetId, tags, createdAtMs } of verdicts) {
      pipe.set(this.keys.tweetTags(tweetId), JSON.stringify(tags));
      const score = createdAtMs ?? Date.now();
      for (const tag of tags) {
        pipe.zadd(this.keys.tagTweets(tag), score, tweetId);
        touched.add(tag);
      }
    }
    // Trimmed once per tag of the batch rather than once per push.
    for (const tag of touched) pipe.zremrangebyrank(this.keys.tagTweets(tag), 0, -cap - 1);
    throwFirstError(await pipe.exec());
  }

  async get(id: string): Promise<StoredTweet | null> {
    const [tweet] = await this.getMany([id]);
    return tweet ?? null;
  }

  /**
   * Bodies and tags of many tweets in ONE round trip (a single MGET of body and tags keys).
   * Ids whose body is missing are skipped; order is kept.
   */
  async getMany(ids: readonly string[]): Promise<StoredTweet[]> {
    if (ids.length === 0) return [];
    const keys: string[] = [];
    for (const id of ids) keys.push(this.keys.tweet(id), this.keys.tweetTags(id));
    const values = await this.redis.mget(keys);
    const out: StoredTweet[] = [];
    for (let i = 0; i < ids.length; i++) {
      const body = values[2 * i];
      if (!body) continue;
      const tweet = JSON.parse(body) as StoredTweet;
      const tags = values[2 * i + 1];
      if (tags) tweet.tags = JSON.parse(tags) as Tag[];
      out.push(tweet);
    }
    return out;
  }

  async authorTweetIds(author: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.userTweets(author), cursor, limit);
  }

  async tagTweetIds(tag: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.tagTweets(tag), cursor, limit);
  }
}
