import type { Tweet } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';

export interface FanoutChunk {
  tweetId: string;
  /** Followers whose timelines get the id. */
  followers: readonly string[];
  /** Cursor this chunk starts at: with tweetId it names the chunk's marker. */
  cursor: string;
  /** Cursor after this chunk, stored in the marker so a resumed fan-out can skip ahead. */
  nextCursor: string;
  /** True when this chunk ends its range: it counts down the tweet's pending chunks. */
  last?: boolean;
}

/** How applying a chunk went: before (a redelivery), now, or now and it completed the fan-out. */
export type ChunkOutcome = 'duplicate' | 'applied' | 'completed';
const OUTCOME: ChunkOutcome[] = ['duplicate', 'applied', 'completed'];

export interface TimelineStoreOptions {
  cap: number;
  /** How long an applied-chunk marker lives: longer than any redelivery can take. */
  markerTtlSeconds?: number;
}

/** Home timelines: capped lists of tweet ids, newest first. */
export class TimelineStore {
  private readonly markerTtl: number;

  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly options: TimelineStoreOptions,
  ) {
    this.markerTtl = options.markerTtlSeconds ?? 7 * 24 * 3600;
  }

  get cap(): number {
    return this.options.cap;
  }

  /** Applies one chunk atomically, at most once. */
  async applyChunk(chunk: FanoutChunk): Promise<ChunkOutcome> {
    const keys = [
      this.keys.fanoutChunk(chunk.tweetId, chunk.cursor),
      this.keys.fanoutPending(chunk.tweetId),
      ...chunk.followers.map((f) => this.keys.timeline(f)),
    ];
    const code = await this.redis.fanoutChunk(keys.length, ...keys, chunk.tweetId, this.options.cap, chunk.nextCursor, this.markerTtl, chunk.last ? '1' : '0');
    return OUTCOME[code] ?? 'applied';
  }

  /**
   * Delivers the next page of a follower range in one round trip (read, push, marker and countdown
   * all inside Redis). `marker` names this page: range start plus cursor.
   */
  async applyRangePage(page: {
    tweetId: string;
    author: string;
    marker: string;
    cursor: string;
    to: string;
    limit: number;
    includeAuthor: boolean;
  }): Promise<{ outcome: ChunkOutcome; next: string; pushed: number }> {
    const [code, next, pushed] = await this.redis.fanoutRange(
      this.keys.followers(page.author),
      this.keys.fanoutChunk(page.tweetId, page.marker),
      this.keys.fanoutPending(page.tweetId),
      page.tweetId, this.options.cap, page.cursor, page.to, page.limit, this.markerTtl, this.keys.timeline(''),
      page.includeAuthor ? page.author : '',
    );
    return { outcome: OUTCOME[code] ?? 'applied', next, pushed };
  }

  /**
   * Records how many chunks a fan-out has, once (NX): a redelivered plan does not reset a count
   * that chunks already decremented.
   */
  async setPending(tweetId: string, chunks: number): Promise<void> {
    await this.redis.set(this.keys.fanoutPending(tweetId), chunks, 'EX', this.markerTtl, 'NX');
  }

  /** The cursor a previously applied chunk recorded, if any. */
  async appliedChunkEnd(tweetId: string, cursor: string): Promise<string | null> {
    return this.redis.get(this.keys.fanoutChunk(tweetId, cursor));
  }

  /** One page of ids after a cursor id: ONE round trip (LPOS + LRANGE in a script). */
  async page(user: string, cursorId: string | undefined, limit: number): Promise<string[]> {
    return this.redis.timelinePage(this.keys.timeline(user), cursorId ?? '', limit);
  }

  async length(user: string): Promise<number> {
    return this.redis.llen(this.keys.timeline(user));
  }

  async ids(user: string): Promise<string[]> {
    return this.redis.lrange(this.keys.timeline(user), 0, -1);
  }

  /** Announces a tweet that is in every timeline; the tweet rides along so no reader races the saver. */
  async publishDelivered(event: { tweetId: string; author: string; tweet?: Tweet }): Promise<void> {
    await this.redis.publish(this.keys.timelineEvents(), JSON.stringify(event));
  }
}
