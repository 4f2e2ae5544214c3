import type { Keys } from './keys.ts';
import { hiddenReplies } from './reply-rule.ts';
import type { ChirpRedis } from './scripts.ts';
import { pageBySortedScore, type Page } from './paging.ts';
import { throwFirstError } from './pipeline-result.ts';
import { execAcrossSlots, isCluster, type Queued } from './cluster-routing.ts';
import { entryId, timelineEntry } from './timeline-entry.ts';

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
    if (isCluster(this.redis)) return this.edgeAcrossSlots(user, target, Math.floor(atMs), 'f');
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
    if (isCluster(this.redis)) return this.edgeAcrossSlots(user, target, Math.floor(atMs), 'u');
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
   * Redis Cluster form of follow/unfollow: the user's keys and the target's are on different slots,
   * so the event is applied in steps, each idempotent, each redone by a redelivery:
   * 1. the event on the user's slot (edge clock, following:{user}), which says whether the user
   *    follows the target now (edge-user-side.lua);
   * 2. followers:{target} made to agree (follower-mirror.lua), so the fan-out of the target's next
   *    tweet reaches the user (follow) or no longer does (unfollow);
   * 3. the target's recent tweets, read from tweets:{target} after step 2, merged into the timeline,
   *    or the target's entries taken out of it (timeline-author-entries.lua), unless a later event of
   *    the edge changed step 1's answer meanwhile. A tweet posted between 1 and 2 is missed by the
   *    fan-out but already in tweets:{target} (indexed before its first push), so step 3 finds it.
   */
  private async edgeAcrossSlots(user: string, target: string, atMs: number, action: 'f' | 'u'): Promise<boolean> {
    const k = this.keys;
    const [changed, follows] = await this.redis.edgeUserSide(k.edgeClocks(user), k.following(user), target, atMs, action);
    await this.redis.followerMirror(k.followers(target), user, atMs, follows);
    if (action === 'f') {
      await this.redis.zadd(k.users(), 'NX', atMs, user);
      await this.redis.zadd(k.users(), 'NX', atMs, target);
      const rows = await this.redis.zrange(k.userTweets(target), '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, this.mergeOnFollow, 'WITHSCORES');
      // Twitter's reply rule, as follow.lua applies it on one server.
      const hidden = await hiddenReplies(
        this.redis,
        k,
        user,
        rows.filter((_, i) => i % 2 === 0),
      );
      const fresh: string[] = [];
      for (let i = 0; i < rows.length; i += 2) if (!hidden.has(rows[i]!)) fresh.push(timelineEntry(Number(rows[i + 1]), rows[i]!));
      await this.redis.timelineAuthorEntries(k.following(user), k.timeline(user), target, 'f', this.timelineCap, ...fresh);
    } else {
      // The whole list, up to the cap plus the trim slack, as unfollow.lua reads it.
      const current = await this.redis.lrange(k.timeline(user), 0, this.timelineCap + Math.min(100, Math.ceil(this.timelineCap / 8)) - 1);
      const scores = current.length ? await this.redis.zmscore(k.userTweets(target), ...current.map(entryId)) : [];
      const drop = current.filter((_, i) => scores[i] !== null);
      await this.redis.timelineAuthorEntries(k.following(user), k.timeline(user), target, 'u', this.timelineCap, ...drop);
    }
    return changed === 1;
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
    const res = await execAcrossSlots(
      this.redis,
      distinct.flatMap((user): Queued[] => [(r) => r.zcard(this.keys.followers(user)), (r) => r.zscore(this.keys.pulledAuthors(), user)]),
    );
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
    const commands: Queued[] = [
      (r) => r.zcard(this.keys.followers(user)),
      (r) => r.zcard(this.keys.following(user)),
      (r) => r.zcard(this.keys.userTweets(user)),
      (r) => r.zscore(this.keys.users(), user),
    ];
    if (viewer) commands.push((r) => r.zscore(this.keys.following(viewer), user));
    const res = await execAcrossSlots(this.redis, commands);
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
