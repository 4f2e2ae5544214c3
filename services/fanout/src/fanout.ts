import type { FanoutChunkMessage, Tweet } from '@chirp/core';
import { GraphStore, TimelineStore, TweetStore, type DeliveryOutcome } from '@chirp/store';
import type { Emitter } from '@chirp/streams';
import type { WorkerRuntime } from '@chirp/worker';
import { fanoutMetrics, type FanoutMetrics } from './fanout-metrics.ts';

export interface FanoutOptions {
  timelineCap: number;
  /** Followers per chunk: one Lua call pushes the id onto this many timelines. */
  chunkSize: number;
  /** Authors with at least this many followers are not fanned out: their tweets are merged at read time. */
  pullThreshold: number;
}

export type FanoutMode = 'inline' | 'chunked' | 'pulled';

/** What a Fanout needs of its worker: the Redis client, its keys and the metrics registry. */
export type FanoutRuntime = Pick<WorkerRuntime, 'redis' | 'keys' | 'registry'>;

type TweetRef = { id: string; author: string; createdAtMs: number };

/** Where a tweet's fan-out stands after one step: done (announce it) or still under way. */
export interface StepResult {
  mode: FanoutMode;
  completed: boolean;
  followers: number;
}

/**
 * Pushes tweet ids onto timelines, chunk by chunk.
 *
 * A range of followers (scores in (from, to]) is read page by page with a stable score cursor,
 * never whole into memory. Each page is applied by one Lua call that also sets the marker
 * `fanout:<tweet>:<mode>:<from>/<cursor>` holding the next cursor, atomically: a redelivered
 * message walks the markers to where it stopped and goes on, so no follower is missed. Inline and
 * chunked markers have distinct names: an author who crossed the chunk size between a delivery
 * and its redelivery gets a full chunked fan-out that announces itself. Timelines never hold an
 * id twice whatever is redone (the insert finds a copy where it would go).
 *
 * Small follower sets are delivered inline by the planner. Large ones are cut into chunks by rank
 * (the plan is stored once, so a redelivered tweet replays the same chunks) and published to
 * twitter.fanout, where every fanout instance takes its share. Authors above the pull threshold
 * are not fanned out at all: readers merge their recent tweets at read time.
 */
export class Fanout {
  readonly graph: GraphStore;
  readonly tweets: TweetStore;
  readonly timelines: TimelineStore;
  readonly metrics: FanoutMetrics;

  constructor(
    rt: FanoutRuntime,
    private readonly options: FanoutOptions,
    private readonly chunkEmitter: Emitter<FanoutChunkMessage>,
  ) {
    this.graph = new GraphStore(rt.redis, rt.keys, options.timelineCap);
    this.tweets = new TweetStore(rt.redis, rt.keys);
    this.timelines = new TimelineStore(rt.redis, rt.keys, { cap: options.timelineCap });
    this.metrics = fanoutMetrics(rt.registry);
  }

  /** Handles a new tweet: decides inline, chunked or pulled, and does the inline part. */
  async plan(tweet: Tweet, signal?: AbortSignal): Promise<StepResult> {
    const plannedAt = Date.now();
    const ref = { id: tweet.id, author: tweet.author, createdAtMs: Date.parse(tweet.createdAt) };
    // Follower count, "is this author pulled?" and the author's list (before any push: unfollow must
    // find the tweet there) are sent together; auto-pipelining makes them one round trip per tweet.
    const [[count, pulled]] = await Promise.all([this.graph.followerCountAndPulled(tweet.author), this.tweets.indexByAuthor(ref)]);
    const { pullThreshold, chunkSize } = this.options;
    // Hysteresis: a pulled author stays pulled until well below the threshold. Never both pushed
    // and pulled: readers would get the tweet from both sides.
    if (count >= pullThreshold || (pulled && count >= pullThreshold / 2)) {
      await this.graph.markPulled(tweet.author, count);
      await this.applySelf(ref, true);
      this.metrics.size.observe({ mode: 'pulled' }, count);
      return { mode: 'pulled', completed: true, followers: count };
    }
    if (pulled) await this.graph.unmarkPulled(tweet.author);
    if (count <= chunkSize) {
      const completed = await this.deliverRange(ref, 'inline', '-inf', '+inf', true, signal);
      this.metrics.size.observe({ mode: 'inline' }, count);
      if (completed) this.metrics.duration.observe({ mode: 'inline' }, (Date.now() - plannedAt) / 1000);
      return { mode: 'inline', completed, followers: count };
    }
    const bounds = await this.timelines.storedPlan(tweet.id, () => this.graph.chunkBounds(tweet.author, chunkSize, count));
    const chunks = bounds.length - 1;
    await this.timelines.setPending(tweet.id, chunks);
    await this.applySelf(ref, false);
    await this.chunkEmitter.emitMany(
      Array.from({ length: chunks }, (_, index) => ({
        key: `${tweet.id}:${index}`, // spreads one tweet's chunks over the partitions, so over instances
        value: {
          tweetId: tweet.id,
          author: tweet.author,
          text: tweet.text,
          createdAt: tweet.createdAt,
          index,
          chunks,
          from: bounds[index]!,
          to: bounds[index + 1]!,
          plannedAt,
        },
      })),
    );
    this.metrics.size.observe({ mode: 'chunked' }, count);
    return { mode: 'chunked', completed: false, followers: count };
  }

  /** Handles one chunk from twitter.fanout. Resolves true when it completed the tweet's fan-out. */
  async deliverChunk(chunk: FanoutChunkMessage, signal?: AbortSignal): Promise<boolean> {
    const tweet = { id: chunk.tweetId, author: chunk.author, createdAtMs: Date.parse(chunk.createdAt) };
    const completed = await this.deliverRange(tweet, 'chunk', chunk.from, chunk.to, false, signal);
    if (completed) this.metrics.duration.observe({ mode: 'chunked' }, (Date.now() - chunk.plannedAt) / 1000);
    return completed;
  }

  async announce(tweet: Tweet): Promise<void> {
    await this.timelines.publishDelivered({ tweetId: tweet.id, author: tweet.author, tweet });
  }

  /** The author's own timeline, as its own one-off delivery. */
  private async applySelf(tweet: TweetRef, last: boolean): Promise<DeliveryOutcome> {
    const outcome = await this.timelines.deliverToUsers({ tweetId: tweet.id, createdAtMs: tweet.createdAtMs, users: [tweet.author], marker: 'self', last });
    this.metrics.chunks.inc({ outcome: outcome === 'duplicate' ? 'duplicate' : 'applied' });
    return outcome;
  }

  /**
   * Followers in (from, to], page by page, each page one script call that reads, pushes, marks and
   * counts down inside Redis. Resolves true when this range completed the fan-out.
   */
  private async deliverRange(tweet: TweetRef, mode: 'inline' | 'chunk', from: string, to: string, withAuthor: boolean, signal?: AbortSignal): Promise<boolean> {
    let cursor = from;
    for (;;) {
      signal?.throwIfAborted();
      // Markers are named by mode, range start and cursor: a range's last cursor is the next
      // range's start, and an inline range starts where the first chunk does.
      const { outcome, next, pushed } = await this.timelines.deliverFollowerPage({
        tweetId: tweet.id,
        createdAtMs: tweet.createdAtMs,
        author: tweet.author,
        marker: `${mode}:${from}/${cursor}`,
        cursor,
        to,
        limit: this.options.chunkSize,
        includeAuthor: withAuthor && cursor === from,
      });
      this.metrics.chunks.inc({ outcome: outcome === 'duplicate' ? 'duplicate' : 'applied' });
      if (pushed > 0) this.metrics.timelines.inc(pushed);
      if (next === 'end') return outcome === 'completed';
      cursor = next;
    }
  }
}
