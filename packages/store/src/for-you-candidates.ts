import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
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
    const [prefs, entries, tagged] = await this.redis.forYouCandidates(
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
}
