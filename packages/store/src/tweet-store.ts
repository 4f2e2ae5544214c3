import type { Tag, Tweet } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { pageBySortedScore, type Page } from './paging.ts';

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
    const ms = Date.parse(tweet.createdAt);
    await this.redis
      .multi()
      .set(this.keys.tweet(tweet.id), JSON.stringify(tweet))
      .zadd(this.keys.userTweets(tweet.author), ms, tweet.id)
      .zadd(this.keys.users(), 'NX', ms, tweet.author)
      .exec();
  }

  async saveTags(tweetId: string, tags: readonly Tag[], createdAtMs: number | null, cap = 1000): Promise<void> {
    const tx = this.redis.multi().set(this.keys.tweetTags(tweetId), JSON.stringify(tags));
    const score = createdAtMs ?? Date.now();
    for (const tag of tags) {
      tx.zadd(this.keys.tagTweets(tag), score, tweetId).zremrangebyrank(this.keys.tagTweets(tag), 0, -cap - 1);
    }
    await tx.exec();
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
