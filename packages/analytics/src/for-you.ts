import { ChirpError } from '@chirp/core';
import { ForYouCandidates, type CandidateOptions, type ChirpRedis, type Keys, type StoredTweet, type TweetStore } from '@chirp/store';

export type Ranking = 'following' | 'for-you';

/** `ranking` of GET /api/timelines/:user: absent or `following` is the plain timeline. */
export function rankingParam(value: unknown): Ranking {
  if (value === undefined || value === '' || value === 'following') return 'following';
  if (value === 'for-you') return 'for-you';
  throw new ChirpError('VALIDATION', 'ranking must be following or for-you', { field: 'ranking' });
}

export interface ForYouOptions {
  redis: ChirpRedis;
  keys: Keys;
  tweets: TweetStore;
  /** Age at which a tweet's recency factor halves. */
  recencyHalfLifeMs: number;
  /** Score of a tweet matching none of the user's tags, relative to one on their strongest tag (1). */
  baseline?: number;
  candidates?: Partial<CandidateOptions>;
  now?: () => number;
}

const DEFAULT_CANDIDATES: CandidateOptions = { strongTags: 5, perTag: 30, timelineWindow: 100 };

/**
 * Ranks a tweet for a reader:
 *
 *   score = (baseline + A) · 2^(−age / H)
 *
 * A = max over the tweet's tags of s_tag / s_max, the reader's affinity to the tag relative to
 * their strongest tag (in [0, 1]; dividing by s_max also cancels the forward-decay divisor
 * e^{λ(now−t0)}, so raw sums from prefs:<user> can be used as they are); age = now − createdAt;
 * H = the recency half-life. With baseline 0.25 a tweet on the strongest tag beats an untagged
 * one up to log2(5) ≈ 2.3 half-lives younger; with no affinity at all the order is newest first.
 */
export function forYouScore(
  tags: readonly string[] | undefined,
  affinity: ReadonlyMap<string, number>,
  ageMs: number,
  o: { baseline: number; recencyHalfLifeMs: number },
): number {
  let a = 0;
  for (const tag of tags ?? []) a = Math.max(a, affinity.get(tag) ?? 0);
  return (o.baseline + a) * 2 ** (-Math.max(0, ageMs) / o.recencyHalfLifeMs);
}

/**
 * The for-you page: candidates are the top of the home timeline plus recent tweets carrying the
 * reader's strongest tags (tag:<tag> sets), ranked by forYouScore. TWO Redis round trips whatever
 * the page size: one script for affinities, timeline ids and tagged ids, one MGET for bodies and
 * tags. One page only (nextCursor null): the ranking is recomputed on every read.
 */
export class ForYou {
  private readonly reader: ForYouCandidates;
  private readonly options: CandidateOptions;
  private readonly baseline: number;
  private readonly now: () => number;

  constructor(private readonly o: ForYouOptions) {
    if (!(o.recencyHalfLifeMs > 0)) throw new ChirpError('CONFIG', `recencyHalfLifeMs must be > 0, got ${o.recencyHalfLifeMs}`);
    this.reader = new ForYouCandidates(o.redis, o.keys);
    this.options = { ...DEFAULT_CANDIDATES, ...o.candidates };
    this.baseline = o.baseline ?? 0.25;
    this.now = o.now ?? Date.now;
  }

  async page(user: string, limit: number): Promise<{ tweets: StoredTweet[]; nextCursor: null }> {
    const { affinity, timeline, tagged } = await this.reader.read(user, { ...this.options, timelineWindow: Math.max(this.options.timelineWindow, limit) });
    const ids = [...new Set([...timeline, ...tagged.flat()])];
    const tweets = await this.o.tweets.getMany(ids);
    const strongest = affinity[0]?.score ?? 0;
    const relative = new Map(strongest > 0 ? affinity.map((a) => [a.tag, a.score / strongest] as const) : []);
    const now = this.now();
    const scored = tweets.map((t) => {
      const created = Date.parse(t.createdAt);
      return { t, created, score: forYouScore(t.tags, relative, now - created, { baseline: this.baseline, recencyHalfLifeMs: this.o.recencyHalfLifeMs }) };
    });
    scored.sort((a, b) => b.score - a.score || b.created - a.created || a.t.id.localeCompare(b.t.id));
    return { tweets: scored.slice(0, limit).map((s) => s.t), nextCursor: null };
  }
}
