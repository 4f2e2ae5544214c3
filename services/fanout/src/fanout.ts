import type { FanoutChunkMessage, Tweet } from '@chirp/core';
import { ActivityStore, ActivityWindow, GraphStore, TimelineStore, TweetStore, type DeliveryOutcome, type PageOutcome } from '@chirp/store';
import type { Emitter } from '@chirp/streams';
import type { WorkerRuntime } from '@chirp/worker';
import { fanoutMetrics, type FanoutMetrics } from './fanout-metrics.ts';

export interface FanoutOptions {
  timelineCap: number;
  /** Followers per chunk: one Lua call pushes the id onto this many timelines. */
  chunkSize: number;
  /** Authors with at least this many followers are not fanned out: their tweets are merged at read time. */
  pullThreshold: number;
  /** Push only to followers active in the last this many days (FANOUT_ACTIVE_DAYS); 0 = to every follower. */
  activeDays?: number;
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
 * Timelines one script call may push to: the followers of one page, and the followers plus authors
 * of one call of a batch's small fan-outs. Measured here at 5–13 µs per push inside Redis (the
 * busier the machine the more), so a call stays within a few milliseconds and none blocks Redis
 * for 10 ms (packages/store/test/bounded-scripts.test.ts).
 */
export const PUSHES_PER_CALL = 500;

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
  readonly activity: ActivityStore;
  readonly metrics: FanoutMetrics;

  constructor(
    rt: FanoutRuntime,
    private readonly options: FanoutOptions,
    private readonly chunkEmitter: Emitter<FanoutChunkMessage>,
  ) {
    this.graph = new GraphStore(rt.redis, rt.keys, options.timelineCap);
    this.tweets = new TweetStore(rt.redis, rt.keys);
    const window = new ActivityWindow(options.activeDays ?? 0);
    this.timelines = new TimelineStore(rt.redis, rt.keys, { cap: options.timelineCap, activity: window });
    this.activity = new ActivityStore(rt.redis, rt.keys, window);
    this.metrics = fanoutMetrics(rt.registry);
  }

  /** Handles a new tweet: decides inline, chunked or pulled, and does the inline part. */
  async plan(tweet: Tweet, signal?: AbortSignal): Promise<StepResult> {
    return (await this.planBatch([tweet], signal))[0]!;
  }

  /**
   * Handles a batch of new tweets (in offset order). One round trip reads every author's follower
   * count and pulled flag, puts every tweet in its author's list (before any push: unfollow must
   * find the tweet there) and records the authors as active. Then all small fan-outs of the batch
   * (at most FANOUT_CHUNK_SIZE followers) go in as few script calls as the push budget allows, in
   * batch order; pulled and chunked tweets take their own path as before. Idempotent over the
   * batch: every page has its marker, so a batch handed again, whole or split, pushes nothing twice.
   */
  async planBatch(batch: readonly Tweet[], signal?: AbortSignal): Promise<StepResult[]> {
    const plannedAt = Date.now();
    const refs = batch.map((t) => ({ id: t.id, author: t.author, createdAtMs: Date.parse(t.createdAt) }));
    const [counts] = await Promise.all([
      this.graph.followerCountsAndPulled(refs.map((r) => r.author)),
      this.tweets.indexByAuthorMany(refs),
      this.activity.record(refs.map((r) => ({ user: r.author, atMs: r.createdAtMs }))),
    ]);
    const results: StepResult[] = [];
    const small: number[] = [];
    for (const [i, ref] of refs.entries()) {
      const [count, pulled] = counts.get(ref.author)!;
      const mode = this.modeOf(count, pulled);
      if (mode === 'inline') {
        if (pulled) await this.graph.unmarkPulled(ref.author);
        small.push(i);
      } else results[i] = mode === 'pulled' ? await this.planPulled(ref, count) : await this.planChunked(batch[i]!, ref, count, pulled, plannedAt);
    }
    const pageSize = this.pageSize();
    for (const group of this.pushGroups(small.map((i) => Math.min(counts.get(refs[i]!.author)![0], pageSize)))) {
      signal?.throwIfAborted();
      const indexes = group.map((g) => small[g]!);
      const pages = await this.timelines.deliverFirstPages(
        indexes.map((i) => ({ tweetId: refs[i]!.id, createdAtMs: refs[i]!.createdAtMs, author: refs[i]!.author, marker: 'inline:-inf/-inf' })),
        pageSize,
      );
      for (const [k, i] of indexes.entries()) {
        const count = counts.get(refs[i]!.author)![0];
        // More followers than one page (or a set that grew since the count): go on page by page.
        const completed = await this.afterPage(pages[k]!, refs[i]!, 'inline', '-inf', signal);
        this.metrics.size.observe({ mode: 'inline' }, count);
        if (completed) this.metrics.duration.observe({ mode: 'inline' }, (Date.now() - plannedAt) / 1000);
        results[i] = { mode: 'inline', completed, followers: count };
      }
    }
    return results;
  }

  /** Hysteresis: a pulled author stays pulled until well below the threshold; never both pushed and pulled. */
  private modeOf(count: number, pulled: boolean): FanoutMode {
    const { pullThreshold, chunkSize } = this.options;
    if (count >= pullThreshold || (pulled && count >= pullThreshold / 2)) return 'pulled';
    return count <= chunkSize ? 'inline' : 'chunked';
  }

  /** Followers per page: a chunk is applied in pages of at most this many. */
  private pageSize(): number {
    return Math.min(this.options.chunkSize, PUSHES_PER_CALL);
  }

  /** Cuts consecutive small fan-outs (followers on their first page) into groups within PUSHES_PER_CALL. */
  private pushGroups(followerCounts: readonly number[]): number[][] {
    const groups: number[][] = [];
    let current: number[] = [];
    let pushes = 0;
    for (const [i, count] of followerCounts.entries()) {
      const cost = count + 1; // the author's own timeline too
      if (current.length > 0 && pushes + cost > PUSHES_PER_CALL) {
        groups.push(current);
        current = [];
        pushes = 0;
      }
      current.push(i);
      pushes += cost;
    }
    if (current.length > 0) groups.push(current);
    return groups;
  }

  private async planPulled(ref: TweetRef, count: number): Promise<StepResult> {
    await this.graph.markPulled(ref.author, count);
    await this.applySelf(ref, true);
    this.metrics.size.observe({ mode: 'pulled' }, count);
    return { mode: 'pulled', completed: true, followers: count };
  }

  private async planChunked(tweet: Tweet, ref: TweetRef, count: number, pulled: boolean, plannedAt: number): Promise<StepResult> {
    if (pulled) await this.graph.unmarkPulled(tweet.author);
    const { chunkSize } = this.options;
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
    const completed = await this.deliverRange(tweet, 'chunk', chunk.from, chunk.to, signal);
    if (completed) this.metrics.duration.observe({ mode: 'chunked' }, (Date.now() - chunk.plannedAt) / 1000);
    return completed;
  }

  /** Announces delivered tweets on `events:timeline`, in order, in one round trip. */
  async announce(tweets: readonly Tweet[]): Promise<void> {
    await this.timelines.publishDeliveredMany(tweets.map((tweet) => ({ tweetId: tweet.id, author: tweet.author, tweet })));
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
  private async deliverRange(tweet: TweetRef, mode: 'inline' | 'chunk', from: string, to: string, signal?: AbortSignal): Promise<boolean> {
    return this.afterPage(await this.deliverPage(tweet, mode, from, from, to, signal), tweet, mode, from, signal, to);
  }

  /** Counts a page and goes on with the range's next pages while there are more. */
  private async afterPage(page: PageOutcome, tweet: TweetRef, mode: 'inline' | 'chunk', from: string, signal?: AbortSignal, to = '+inf'): Promise<boolean> {
    for (let current = page; ;) {
      this.metrics.chunks.inc({ outcome: current.outcome === 'duplicate' ? 'duplicate' : 'applied' });
      if (current.pushed > 0) this.metrics.timelines.inc(current.pushed);
      if (current.next === 'end') return current.outcome === 'completed';
      current = await this.deliverPage(tweet, mode, from, current.next, to, signal);
    }
  }

  /**
   * One page after a range's first (the first, with the author's timeline, is deliverFirstPages' for
   * an inline range). Markers are named by mode, range start and cursor: a range's last cursor is
   * the next range's start, and an inline range starts where the first chunk does.
   */
  private async deliverPage(tweet: TweetRef, mode: 'inline' | 'chunk', from: string, cursor: string, to: string, signal?: AbortSignal): Promise<PageOutcome> {
    signal?.throwIfAborted();
    return this.timelines.deliverFollowerPage({
      tweetId: tweet.id,
      createdAtMs: tweet.createdAtMs,
      author: tweet.author,
      marker: `${mode}:${from}/${cursor}`,
      cursor,
      to,
      limit: this.pageSize(),
      includeAuthor: false,
    });
  }
}
