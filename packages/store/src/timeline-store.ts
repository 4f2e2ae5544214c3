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
}

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

  /** Applies one chunk atomically, at most once. Resolves true if applied now, false if before. */
  async applyChunk(chunk: FanoutChunk): Promise<boolean> {
    const keys = [this.keys.fanoutChunk(chunk.tweetId, chunk.cursor), ...chunk.followers.map((f) => this.keys.timeline(f))];
    const applied = await this.redis.fanoutChunk(keys.length, ...keys, chunk.tweetId, this.options.cap, chunk.nextCursor, this.markerTtl);
    return applied === 1;
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

  async publishDelivered(event: { tweetId: string; author: string }): Promise<void> {
    await this.redis.publish(this.keys.timelineEvents(), JSON.stringify(event));
  }
}
