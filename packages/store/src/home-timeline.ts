import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import type { StoredTweet, TweetStore } from './tweet-store.ts';

export interface HomePage {
  tweets: StoredTweet[];
  nextCursor: string | null;
}

/** Most pulled (celebrity) authors merged into one page: bounds the read's work. */
const MAX_PULLED_AUTHORS = 50;

/**
 * The home timeline with hybrid push/pull: ids pushed by fan-out, merged with the recent tweets of
 * followed authors above the pull threshold, newest first. Two Redis round trips whatever the page
 * size or the number of such authors: one script call for both id lists, one MGET for bodies.
 *
 * The cursor has two parts, `<last timeline id>~<score of the last pulled tweet shown>`, so each
 * side continues exactly where it stopped; with no pulled author it is just the timeline id.
 */
export class HomeTimeline {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly tweets: TweetStore,
  ) {}

  static parseCursor(cursor: string | undefined): { id: string; before: string } {
    if (!cursor) return { id: '', before: '+inf' };
    const [id = '', before] = cursor.split('~');
    return { id, before: before || '+inf' };
  }

  async page(user: string, cursor: string | undefined, limit: number): Promise<HomePage> {
    const c = HomeTimeline.parseCursor(cursor);
    const [ids, pulledRaw] = await this.redis.homePage(
      this.keys.timeline(user), this.keys.following(user), this.keys.pulledAuthors(),
      c.id, limit, c.before, this.keys.userTweets(''), MAX_PULLED_AUTHORS,
    );
    const pulled: { id: string; score: number }[] = [];
    for (let i = 0; i < pulledRaw.length; i += 2) pulled.push({ id: pulledRaw[i]!, score: Number(pulledRaw[i + 1]) });
    pulled.sort((a, b) => b.score - a.score);
    const bodies = await this.tweets.getMany([...ids, ...pulled.map((p) => p.id)]);
    const byId = new Map(bodies.map((t) => [t.id, t]));

    // Merge: the timeline keeps its own order; a pulled tweet goes before the first timeline
    // tweet that is older than it.
    const out: StoredTweet[] = [];
    const seen = new Set<string>();
    let i = 0;
    let j = 0;
    let lastTimelineId = c.id;
    let lastPulledScore = c.before;
    const time = (t: StoredTweet): number => Date.parse(t.createdAt);
    while (out.length < limit && (i < ids.length || j < pulled.length)) {
      const tl = i < ids.length ? byId.get(ids[i]!) : undefined;
      if (i < ids.length && !tl) {
        lastTimelineId = ids[i++]!; // body missing: skipped, but consumed
        continue;
      }
      const pt = j < pulled.length ? byId.get(pulled[j]!.id) : undefined;
      const takePulled = j < pulled.length && (!tl || pulled[j]!.score > time(tl));
      if (takePulled) {
        lastPulledScore = String(pulled[j]!.score);
        j++;
        if (pt && !seen.has(pt.id)) {
          seen.add(pt.id);
          out.push(pt);
        }
      } else {
        lastTimelineId = ids[i++]!;
        if (!seen.has(tl!.id)) {
          seen.add(tl!.id);
          out.push(tl!);
        }
      }
    }
    const more = ids.length === limit || i < ids.length || j < pulled.length || pulled.length >= limit;
    if (!more) return { tweets: out, nextCursor: null };
    const usedPulled = pulled.length > 0 || c.before !== '+inf';
    if (!usedPulled) return { tweets: out, nextCursor: lastTimelineId || null };
    return { tweets: out, nextCursor: `${lastTimelineId}~${lastPulledScore === '+inf' ? '' : lastPulledScore}` };
  }
}
