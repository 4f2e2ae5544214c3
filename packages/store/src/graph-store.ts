import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { pageBySortedScore, type Page } from './paging.ts';
import { throwFirstError } from './pipeline-result.ts';

export interface Profile {
  user: string;
  followers: number;
  following: number;
  tweets: number;
}

/** The follow graph: followers:<user> and following:<user> ZSETs, updated together by Lua. */
export class GraphStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly timelineCap: number,
    /** How many of the target's recent tweets a new follow merges into the timeline. */
    private readonly mergeOnFollow = 50,
  ) {}

  /**
   * Applies a follow event of time `atMs`. Edge events are last-writer-wins by event time (an
   * unfollow wins a tie): a follow older than the edge's last applied event changes nothing, so
   * events applied out of order (a retried follow after the later unfollow) leave the latest state.
   */
  async follow(user: string, target: string, atMs = Date.now()): Promise<boolean> {
    const k = this.keys;
    const added = await this.redis.follow(
      k.followers(target),
      k.following(user),
      k.timeline(user),
      k.userTweets(target),
      k.users(),
      k.edgeClocks(user),
      k.replyParents(),
      user,
      target,
      Math.floor(atMs),
      this.timelineCap,
      this.mergeOnFollow,
    );
    return added === 1;
  }

  /** Applies an unfollow event of time `atMs`, last-writer-wins as `follow`. */
  async unfollow(user: string, target: string, atMs = Date.now()): Promise<boolean> {
    const k = this.keys;
    const removed = await this.redis.unfollow(
      k.followers(target),
      k.following(user),
      k.timeline(user),
      k.userTweets(target),
      k.edgeClocks(user),
      user,
      target,
      this.timelineCap,
      Math.floor(atMs),
    );
    return removed === 1;
  }

  /**
   * Scores that cut a follower set into chunks of `size`, found by rank in one pipeline
   * (O(log n) each, nothing read whole). Chunk i covers (bounds[i], bounds[i+1]], the first
   * starting at -inf and the last ending at +inf so followers who arrive meanwhile are included.
   */
  async chunkBounds(user: string, size: number, count: number): Promise<string[]> {
    const pipeline = this.redis.pipeline();
    for (let rank = size - 1; rank < count - 1; rank += size) pipeline.zrange(this.keys.followers(user), rank, rank, 'WITHSCORES');
    const res = (await pipeline.exec()) ?? [];
    const cuts = res.map(([err, v]) => {
      if (err) throw err;
      return (v as string[])[1]!;
    });
    return ['-inf', ...cuts, '+inf'];
  }

  /** Follower count, and whether the author is recorded as pulled (merged at read), in one pipeline. */
  async followerCountAndPulled(user: string): Promise<[number, boolean]> {
    return (await this.followerCountsAndPulled([user])).get(user)!;
  }

  /** followerCountAndPulled of many authors in ONE pipeline: author → [followers, pulled]. */
  async followerCountsAndPulled(users: readonly string[]): Promise<Map<string, [number, boolean]>> {
    const distinct = [...new Set(users)];
    const pipe = this.redis.pipeline();
    for (const user of distinct) pipe.zcard(this.keys.followers(user)).zscore(this.keys.pulledAuthors(), user);
    const res = (await pipe.exec()) ?? [];
    throwFirstError(res);
    return new Map(distinct.map((user, i) => [user, [Number(res[2 * i]![1]), res[2 * i + 1]![1] !== null]]));
  }

  /** Records an author as pulled (merged at read time), with the follower count last seen. */
  async markPulled(author: string, followers: number): Promise<void> {
    await this.redis.zadd(this.keys.pulledAuthors(), followers, author);
  }

  /** The author is fanned out again. */
  async unmarkPulled(author: string): Promise<void> {
    await this.redis.zrem(this.keys.pulledAuthors(), author);
  }

  async profile(user: string, viewer?: string): Promise<(Profile & { exists: boolean; viewerFollows?: boolean }) | null> {
    const tx = this.redis
      .pipeline()
      .zcard(this.keys.followers(user))
      .zcard(this.keys.following(user))
      .zcard(this.keys.userTweets(user))
      .zscore(this.keys.users(), user);
    if (viewer) tx.zscore(this.keys.following(viewer), user);
    const res = await tx.exec();
    if (!res) return null;
    const val = (i: number): unknown => {
      const [err, v] = res[i]!;
      if (err) throw err;
      return v;
    };
    const profile: Profile & { exists: boolean; viewerFollows?: boolean } = {
      user,
      followers: Number(val(0)),
      following: Number(val(1)),
      tweets: Number(val(2)),
      exists: val(3) !== null,
    };
    if (viewer) profile.viewerFollows = val(4) !== null;
    return profile;
  }

  async followersPage(user: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.followers(user), cursor, limit);
  }

  async followingPage(user: string, cursor: string | undefined, limit: number): Promise<Page<string>> {
    return pageBySortedScore(this.redis, this.keys.following(user), cursor, limit);
  }
}
