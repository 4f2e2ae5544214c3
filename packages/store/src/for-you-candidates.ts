import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { isCluster } from './cluster-routing.ts';
import type { TagScore } from './preferences-store.ts';
import { entryId } from './timeline-entry.ts';

export interface CandidateOptions {
  /** Strongest tags whose recent tweets become candidates. */
  strongTags: number;
  /** Recent tweet ids taken per strong tag. */
  perTag: number;
  /** Home timeline ids considered (from the top). */
  timelineWindow: number;
}

export interface Candidates {
  /** Every tag of the user, strongest first (raw forward-decayed scores). */
  affinity: TagScore[];
  /** Home timeline ids, newest first. */
  timeline: string[];
  /** Recent ids carrying the user's strongest tags, per tag. */
  tagged: string[][];
}

/** Candidates of a user's for-you page in ONE round trip (a script; the tweet bodies are another). */
export class ForYouCandidates {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
  ) {}

  async read(user: string, o: CandidateOptions): Promise<Candidates> {
    const [prefs, entries, tagged] = isCluster(this.redis)
      ? await this.readAcrossSlots(user, o)
      : await this.redis.forYouCandidates(
          this.keys.preferences(user),
          this.keys.timeline(user),
          this.keys.tagTweets(''),
          o.strongTags,
          o.perTag,
          o.timelineWindow,
        );
    const affinity: TagScore[] = [];
    for (let i = 0; i < prefs.length; i += 2) affinity.push({ tag: prefs[i]!, score: Number(prefs[i + 1]) });
    return { affinity, timeline: entries.map(entryId), tagged };
  }

  /**
   * Redis Cluster form of for-you-candidates.lua: prefs:{user} and timeline:{user} share a slot,
   * each `tag:<tag>` is elsewhere; two round trips (the user's keys, then the strong tags' lists
   * together, one per node).
   */
  private async readAcrossSlots(user: string, o: CandidateOptions): Promise<[string[], string[], string[][]]> {
    const [prefs, entries] = await Promise.all([
      this.redis.zrange(this.keys.preferences(user), 0, -1, 'REV', 'WITHSCORES'),
      this.redis.lrange(this.keys.timeline(user), 0, o.timelineWindow - 1),
    ]);
    const strong = Array.from({ length: Math.min(prefs.length / 2, o.strongTags) }, (_, i) => prefs[2 * i]!);
    const tagged = await Promise.all(strong.map((tag) => this.redis.zrange(this.keys.tagTweets(tag), '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, o.perTag)));
    return [prefs, entries, tagged];
  }
}
