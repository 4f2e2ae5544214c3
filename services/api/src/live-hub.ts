import type { Redis } from 'ioredis';
import type { Keys, StoredTweet, TweetStore } from '@chirp/store';
import type { Logger } from '@chirp/telemetry';

type Send = (tweet: StoredTweet) => void;

export interface LiveHubOptions {
  /** A dedicated connection: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  /** The ordinary connection, for reading bodies and follow edges. */
  redis: Redis;
  keys: Keys;
  tweets: TweetStore;
  logger: Logger;
}

/**
 * Fans "tweet delivered" events (published by the fanout worker once a tweet is in every
 * timeline) out to open SSE streams. Per event: one GET of the body and one pipeline of ZSCOREs
 * (does each connected user follow the author?), whatever the number of streams.
 */
export class LiveHub {
  private readonly streams = new Map<string, Set<Send>>();
  private started: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly o: LiveHubOptions) {}

  start(): Promise<void> {
    this.started ??= (async () => {
      this.o.subscriber.on('message', (_channel: string, raw: string) => void this.onEvent(raw));
      await this.o.subscriber.subscribe(this.o.keys.timelineEvents());
    })();
    return this.started;
  }

  subscribe(user: string, send: Send): () => void {
    let set = this.streams.get(user);
    if (!set) this.streams.set(user, (set = new Set()));
    set.add(send);
    return () => {
      set.delete(send);
      if (set.size === 0) this.streams.delete(user);
    };
  }

  get size(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  private async onEvent(raw: string): Promise<void> {
    if (this.streams.size === 0 || this.closed) return;
    try {
      const event = JSON.parse(raw) as { tweetId: string; author: string; tweet?: StoredTweet };
      const users = [...this.streams.keys()];
      const pipeline = this.o.redis.pipeline();
      for (const u of users) pipeline.zscore(this.o.keys.following(u), event.author);
      // The event carries the tweet; older publishers sent only ids, so fall back to a read.
      const [tweet, edges] = await Promise.all([event.tweet ?? this.o.tweets.get(event.tweetId), pipeline.exec()]);
      if (!tweet) return;
      users.forEach((u, i) => {
        if (u !== event.author && !edges?.[i]?.[1]) return;
        for (const send of this.streams.get(u) ?? []) send(tweet);
      });
    } catch (error) {
      this.o.logger.warn({ err: error }, 'live event dropped');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.streams.clear();
    try {
      await this.o.subscriber.quit();
    } catch {
      this.o.subscriber.disconnect();
    }
  }
}
