import type { Redis } from 'ioredis';
import { ChirpError } from '@chirp/core';
import { execAcrossSlots, type ChirpRedis, type HomeTimeline, type Keys, type Queued, type StoredTweet, type TweetStore } from '@chirp/store';
import type { Logger } from '@chirp/telemetry';

/** One open stream, as the hub sees it: where tweets go and how much it holds unsent. */
export interface LiveSink {
  send(tweet: StoredTweet): void;
  /** A tweet was deleted (issue 18): the client removes it where it shows it. */
  removed?(tweetId: string): void;
  /** Bytes written but not yet taken by the client (the response's and its socket's buffers). */
  buffered(): number;
  /** Drops the connection (a client too slow to keep up). */
  close(): void;
}

export interface LiveLimits {
  /** Open streams per user; past it, 429. */
  perUser: number;
  /** Open streams per client address; past it, 429. */
  perClient: number;
  /** A stream holding more unsent bytes than this is disconnected (the client reconnects with Last-Event-ID). */
  bufferBytes: number;
  /** Most tweets replayed after a Last-Event-ID (read from the user's home timeline). */
  replay: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = { perUser: 5, perClient: 20, bufferBytes: 256 * 1024, replay: 100 };

export interface LiveHubOptions {
  /** A dedicated connection: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  /** The ordinary connection, for reading bodies and follow edges. */
  redis: Redis;
  keys: Keys;
  tweets: TweetStore;
  /** The user's home timeline, the bounded source of a Last-Event-ID replay. */
  home?: HomeTimeline;
  logger: Logger;
  limits?: Partial<LiveLimits>;
}

interface Entry {
  sink: LiveSink;
  client: string;
}

/**
 * Fans "tweet delivered" events (published by the fanout worker once a tweet is in every
 * timeline) out to open SSE streams. Per event: one GET of the body and one pipeline of ZSCOREs
 * (does each connected user follow the author?), whatever the number of streams. Streams are
 * capped per user and per client, and one whose client stops reading is dropped at a byte bound.
 */
export class LiveHub {
  readonly limits: LiveLimits;
  private readonly streams = new Map<string, Set<Entry>>();
  private readonly perClient = new Map<string, number>();
  private started: Promise<void> | undefined;
  private subscribed = false;
  private closed = false;
  private dropped = 0;

  constructor(private readonly o: LiveHubOptions) {
    this.limits = { ...DEFAULT_LIVE_LIMITS, ...o.limits };
  }

  /**
   * Subscribes to the delivery channel. Rejects when Redis does not answer, but keeps trying:
   * every time the subscriber connection becomes ready it subscribes if it has not yet (ioredis
   * re-subscribes by itself only channels it had subscribed before).
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      this.o.subscriber.on('message', (_channel: string, raw: string) => void this.onEvent(raw));
      this.o.subscriber.on('ready', () => void this.listen().catch((error: unknown) => this.o.logger.warn({ err: error }, 'live subscribe failed')));
      await this.listen();
    })();
    return this.started;
  }

  private async listen(): Promise<void> {
    if (this.subscribed || this.closed) return;
    await this.o.subscriber.subscribe(this.o.keys.timelineEvents());
    if (!this.subscribed) this.o.logger.info('live updates subscribed');
    this.subscribed = true;
  }

  /** Adds a stream, or throws RATE_LIMITED when the user or the client already has its cap. */
  subscribe(user: string, client: string, sink: LiveSink): () => void {
    const set = this.streams.get(user);
    if ((set?.size ?? 0) >= this.limits.perUser) {
      throw new ChirpError('RATE_LIMITED', `user already has ${this.limits.perUser} open streams`, { field: 'user' });
    }
    const ofClient = this.perClient.get(client) ?? 0;
    if (ofClient >= this.limits.perClient) throw new ChirpError('RATE_LIMITED', `this client already has ${this.limits.perClient} open streams`);
    const entry: Entry = { sink, client };
    if (set) set.add(entry);
    else this.streams.set(user, new Set([entry]));
    this.perClient.set(client, ofClient + 1);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.remove(user, entry);
    };
  }

  private remove(user: string, entry: Entry): void {
    const set = this.streams.get(user);
    if (!set?.delete(entry)) return;
    if (set.size === 0) this.streams.delete(user);
    const n = (this.perClient.get(entry.client) ?? 1) - 1;
    if (n > 0) this.perClient.set(entry.client, n);
    else this.perClient.delete(entry.client);
  }

  /** Writes a tweet to a stream unless it holds too much already; then drops the stream. */
  private deliver(user: string, entry: Entry, tweet: StoredTweet): void {
    if (entry.sink.buffered() > this.limits.bufferBytes) {
      this.dropped++;
      this.remove(user, entry);
      entry.sink.close();
      this.o.logger.info({ user, buffered: entry.sink.buffered() }, 'slow live stream dropped');
      return;
    }
    entry.sink.send(tweet);
  }

  /**
   * Tweets of the user's home timeline newer than `lastEventId`, oldest first, at most
   * `limits.replay`. When the id is not among them (too old, or left the timeline) all of those are
   * given: the client may see a few it had, never misses one within the bound.
   */
  async missed(user: string, lastEventId: string): Promise<StoredTweet[]> {
    if (!this.o.home) return [];
    const u = user.toLowerCase();
    const [page, hidden] = await Promise.all([
      this.o.home.page(user, undefined, this.limits.replay),
      this.o.redis.sunion(this.o.keys.mutes(u), this.o.keys.blocks(u)), // hidden at read, as the timeline route does
    ]);
    const at = page.tweets.findIndex((t) => t.id === lastEventId);
    const missed = at < 0 ? page.tweets : page.tweets.slice(0, at);
    return missed.filter((t) => !hidden.includes(t.author.toLowerCase())).reverse();
  }

  get size(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  /** Streams dropped for not reading (for tests and metrics). */
  get droppedSlow(): number {
    return this.dropped;
  }

  private async onEvent(raw: string): Promise<void> {
    if (this.streams.size === 0 || this.closed) return;
    try {
      const event = JSON.parse(raw) as { type?: 'delete'; tweetId: string; author: string; tweet?: StoredTweet };
      if (event.type === 'delete') {
        // Every open stream: the tweet may have reached a reader through a retweet; deletes are rare.
        for (const set of this.streams.values()) for (const entry of set) entry.sink.removed?.(event.tweetId);
        return;
      }
      const users = [...this.streams.keys()];
      const author = event.author.toLowerCase();
      // Per reader: the follow edge, and whether they muted or blocked the author (issue 18: the
      // home timeline hides those at read, so the live stream must not push them either). Each
      // reader's keys share a slot; on Redis Cluster the readers' commands go per node.
      const reads = users.flatMap((u): Queued[] => [
        (r) => r.zscore(this.o.keys.following(u), event.author),
        (r) => r.sismember(this.o.keys.mutes(u.toLowerCase()), author),
        (r) => r.sismember(this.o.keys.blocks(u.toLowerCase()), author),
      ]);
      // The event carries the tweet; older publishers sent only ids, so fall back to a read.
      const [tweet, replies] = await Promise.all([event.tweet ?? this.o.tweets.get(event.tweetId), execAcrossSlots(this.o.redis as ChirpRedis, reads)]);
      if (!tweet) return;
      users.forEach((u, i) => {
        const [edge, muted, blocked] = [0, 1, 2].map((j) => replies?.[3 * i + j]?.[1]);
        if (muted === 1 || blocked === 1) return;
        if (u !== event.author && !edge) return;
        for (const entry of this.streams.get(u) ?? []) this.deliver(u, entry, tweet);
      });
    } catch (error) {
      this.o.logger.warn({ err: error }, 'live event dropped');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.streams.clear();
    this.perClient.clear();
    try {
      await this.o.subscriber.quit();
    } catch {
      this.o.subscriber.disconnect();
    }
  }
}
