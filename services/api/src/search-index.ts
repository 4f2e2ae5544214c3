import MiniSearch from 'minisearch';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { backoffMs, ChirpError, SEARCH_MAX_TWEETS_DEFAULT, sleep, tweetDeleteSchema, tweetSchema, type Tweet } from '@chirp/core';
import { highWatermarks, jsonCodec, PartitionReader } from '@chirp/streams';
import type { Logger } from '@chirp/telemetry';

export interface SearchProgress {
  ready: boolean;
  /** Tweets read from the log so far. */
  indexed: number;
  /** Tweets the log held when reading started: ready once all of them are indexed. */
  total: number;
  /** Tweets the index holds now: at least the most recent max/2 read and at most max, less those deleted since. */
  held: number;
  /** SEARCH_MAX_TWEETS: older tweets leave the index (they are still read by id and on timelines). */
  max: number;
}

export interface SearchResult {
  tweets: Tweet[];
  users: string[];
}

/** Search over tweet text and handles (routes/search.ts). */
export interface TweetSearch {
  progress(): SearchProgress;
  /** Throws NOT_READY while the index is still being built from the log. */
  search(q: string, limit: number): SearchResult;
}

const codec = jsonCodec(tweetSchema);
const deleteCodec = jsonCodec(tweetDeleteSchema);

/**
 * A full-text index (MiniSearch) over recent tweets, held in the API process and fed from
 * twitter.newTweets like any other view (no consumer group, nothing committed): on start it reads
 * the last share of each partition that its generations hold (at most `maxTweets` in all), answers
 * NOT_READY until it reached the high watermarks of that moment, then follows the topic. Nothing
 * to recover: a restart rebuilds it from the log. Tombstones on twitter.tweetDeletes
 * (`deletesTopic`, read whole) take a tweet out, whichever topic is read first (see `deleted`).
 * Bounded, as rolling time-based indices are: two generations of floor(max/2) tweets each. Tweets
 * go into the newer one; when it has taken its share, the older one is dropped whole (to the
 * garbage collector) and a new one begins. So it holds at least the most recent floor(max/2)
 * tweets read and at most max (log order, partitions interleaved as they arrive), and memory stays
 * flat however long the log grows. Dropping a generation costs nothing per tweet, where taking
 * tweets out one by one would: MiniSearch's `remove` costs about as much as an `add`, and
 * `discard` leaves its terms to a vacuum, which walks the whole term tree.
 * No vacuum ever runs (autoVacuum off): MiniSearch 7.2's background vacuum walks the tree across
 * timer ticks, and an add in between can leave it on a node that is gone, a TypeError no caller can
 * catch (services/api/test/search-bound.test.ts). A deleted tweet's terms stay until its
 * generation is dropped; they never match, as MiniSearch skips discarded ids.
 */
export class LogSearchIndex implements TweetSearch {
  /** The older generation, then the newer one that takes new tweets. */
  private older = LogSearchIndex.generation();
  private newer = LogSearchIndex.generation();
  /** Tweets added to `newer`: at max/2 it becomes `older`. Counted as added, not held, so deletes cannot stretch a generation. */
  private addedToNewer = 0;
  private readonly perGeneration: number;
  private readonly handles = new MiniSearch<{ id: string }>({ fields: ['id'], searchOptions: { prefix: true } });
  private readonly abort = new AbortController();
  private reader: PartitionReader | undefined;
  private deletesReader: PartitionReader | undefined;
  /**
   * Deleted tweets (id → the tweet's createdAt ms): a tombstone read before its tweet keeps the tweet
   * out. The deletes topic is read whole: every tombstone is kept until both readers caught up, then
   * it is cut back to the `max` newest tweets whenever it reaches twice that (pruneTombstones).
   */
  private readonly deleted = new Map<string, number>();
  private readonly max: number;
  private ready = false;
  private indexed = 0;
  private total = 0;

  constructor(private readonly o: { kafka: Kafka; topic: string; deletesTopic?: string; logger: Logger; maxTweets?: number }) {
    this.max = o.maxTweets ?? SEARCH_MAX_TWEETS_DEFAULT;
    if (!Number.isInteger(this.max) || this.max < 2) throw new RangeError(`maxTweets must be an integer of at least 2, got ${this.max}`);
    this.perGeneration = Math.floor(this.max / 2);
  }

  private static generation(): MiniSearch<Tweet> {
    return new MiniSearch<Tweet>({
      fields: ['text', 'author'],
      storeFields: ['id', 'author', 'text', 'createdAt'],
      searchOptions: { boost: { author: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      autoVacuum: false,
    });
  }

  private has(id: string): boolean {
    return this.newer.has(id) || this.older.has(id);
  }

  /** Starts reading, trying again with backoff while the topic or broker is not there. */
  async start(): Promise<void> {
    const log = this.o.logger.child({ view: 'search' });
    for (let attempt = 1; !this.abort.signal.aborted; attempt++) {
      try {
        const marks = await highWatermarks(this.o.kafka, this.o.topic);
        // The last capacity/partitions of each partition (capacity: what the two generations hold,
        // 2·floor(max/2)): none read at the start is dropped again, each partition's newest are
        // there, and a start costs at most `max` tweets however long the topic's retention (one per
        // partition when there are more partitions than that).
        const tail = Math.max(1, Math.floor((2 * this.perGeneration) / Math.max(1, marks.size)));
        this.total = [...marks.values()].reduce((s, m) => s + Math.min(Number(m.high - m.low), tail), 0);
        const reader = new PartitionReader({
          kafka: this.o.kafka,
          topic: this.o.topic,
          mode: 'follow',
          lastMessages: tail,
          logger: log,
          onMessages: (_p, messages) => this.apply(messages),
        });
        this.reader = reader;
        await reader.start();
        const deletes = this.o.deletesTopic
          ? new PartitionReader({ kafka: this.o.kafka, topic: this.o.deletesTopic, mode: 'follow', logger: log, onMessages: (_p, m) => this.applyDeletes(m) })
          : undefined;
        this.deletesReader = deletes;
        await deletes?.start();
        void Promise.all([reader.caughtUp(), deletes?.caughtUp()]).then(
          () => {
            this.ready = true;
            this.pruneTombstones();
            log.info({ tweets: this.progress().held }, 'search index ready');
          },
          () => undefined,
        );
        return;
      } catch (error) {
        await this.reader?.close();
        await this.deletesReader?.close();
        if (this.abort.signal.aborted) return;
        if (attempt === 1 || attempt % 10 === 0) log.warn({ err: error, attempt }, 'search cannot read its topic yet; trying again');
        await sleep(backoffMs(attempt, { baseMs: 500, capMs: 5000 }), this.abort.signal);
      }
    }
  }

  private apply(messages: KafkaMessage[]): void {
    for (const m of messages) {
      this.indexed++;
      if (m.value === null) continue;
      let tweet: Tweet;
      try {
        tweet = codec.decode(m.value);
      } catch {
        continue; // the workers dead-letter it; the index skips it
      }
      if (this.has(tweet.id) || this.deleted.has(tweet.id)) continue; // a producer retry wrote it twice, or it was deleted
      if (this.addedToNewer === this.perGeneration) {
        this.older = this.newer; // the old `older` and everything in it go to the garbage collector
        this.newer = LogSearchIndex.generation();
        this.addedToNewer = 0;
      }
      this.newer.add({ id: tweet.id, author: tweet.author, text: tweet.text, createdAt: tweet.createdAt });
      this.addedToNewer++;
      for (const handle of [tweet.author.toLowerCase(), ...(tweet.mentions ?? [])]) if (!this.handles.has(handle)) this.handles.add({ id: handle });
    }
  }

  private applyDeletes(messages: KafkaMessage[]): void {
    for (const m of messages) {
      if (m.value === null) continue;
      let id: string;
      let createdMs: number;
      try {
        const tombstone = deleteCodec.decode(m.value);
        id = tombstone.tweetId;
        createdMs = Date.parse(tombstone.createdAt);
      } catch {
        continue;
      }
      this.deleted.set(id, createdMs);
      if (this.deleted.size >= 2 * this.max) this.pruneTombstones();
      for (const generation of [this.newer, this.older]) if (generation.has(id)) generation.discard(id);
    }
  }

  /**
   * Keeps the tombstones of the `max` newest tweets deleted. Only once both readers caught up: during
   * a start the tweets reader may still reach an old tweet (a quiet partition's) whose tombstone is
   * older than `max` others, so until then every tombstone read is kept.
   */
  private pruneTombstones(): void {
    if (!this.ready || this.deleted.size <= this.max) return;
    const newest = [...this.deleted].sort((a, b) => b[1] - a[1]).slice(0, this.max);
    this.deleted.clear();
    for (const [tweetId, ms] of newest) this.deleted.set(tweetId, ms);
  }

  progress(): SearchProgress {
    return {
      ready: this.ready,
      indexed: Math.min(this.indexed, this.total),
      total: this.total,
      held: this.newer.documentCount + this.older.documentCount,
      max: this.max,
    };
  }

  search(q: string, limit: number): SearchResult {
    if (!this.ready) {
      const p = this.progress();
      throw new ChirpError('NOT_READY', `search index is being built from the log (${p.indexed} of ${p.total} tweets)`, { retriable: true });
    }
    // Both generations, best first (each scores against its own statistics: close enough to rank one page).
    const tweets = [...this.newer.search(q).slice(0, limit), ...this.older.search(q).slice(0, limit)]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((r) => ({ id: r.id as string, author: r.author as string, text: r.text as string, createdAt: r.createdAt as string }));
    const users = this.handles
      .search(q.replace(/^@/, ''))
      .slice(0, 10)
      .map((r) => r.id as string);
    return { tweets, users };
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reader?.close();
    await this.deletesReader?.close();
  }
}
