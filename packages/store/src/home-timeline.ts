import { ACTIVITY_WRITE_INTERVAL_MS, ActivityStore, ActivityWindow } from './activity-store.ts';
import type { Keys } from './keys.ts';
import { hiddenReplies } from './reply-rule.ts';
import type { ChirpRedis } from './scripts.ts';
import { isCluster } from './cluster-routing.ts';
import type { StoredTweet, TweetStore } from './tweet-store.ts';
import { compareEntries, entryId, parseEntry, timelineEntry, type ParsedEntry } from './timeline-entry.ts';

export interface HomePage {
  tweets: StoredTweet[];
  nextCursor: string | null;
  /** True when this read rebuilt the timeline (the reader came back after the activity window). */
  rebuilt: boolean;
}

export interface HomeTimelineOptions {
  /** TIMELINE_CAP: a read never shows more than the first cap entries. */
  cap?: number;
  /** FANOUT_ACTIVE_DAYS (0 = off): a read records activity and rebuilds a returning reader's timeline. */
  activeDays?: number;
  /** A rebuild reads the most recently followed this many authors … */
  rebuildAuthors?: number;
  /** … and this many recent tweets of each: at most authors × tweets entries, bounded work. */
  rebuildTweetsPerAuthor?: number;
}

/** Most pulled (celebrity) authors merged into one page: bounds the read's work. */
const MAX_PULLED_AUTHORS = 50;

/**
 * The home timeline with hybrid push/pull, and rebuild on return: a read is activity, and a reader
 * back after the activity window (or with a rebuild marker from signing in or posting) gets the
 * timeline rebuilt from the authors they follow in the same script call (home-page.lua).
 *
 * Hybrid push/pull: entries pushed by fan-out, merged with the recent
 * tweets of followed authors above the pull threshold, newest first. Two Redis round trips
 * whatever the page size or the number of such authors: one script call for both sides, one MGET
 * for bodies.
 *
 * The cursor is a point in timeline order, `<id>~<createdAt ms>` of the last tweet shown: both
 * sides continue strictly after it, so a page is never repeated, an id shown by both sides is
 * shown once, and paging goes on when that tweet has left the list (unfollowed, trimmed).
 */
export class HomeTimeline {
  private readonly options: Required<HomeTimelineOptions>;
  private readonly window: ActivityWindow;
  private readonly activity: ActivityStore;

  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly tweets: TweetStore,
    options: HomeTimelineOptions = {},
  ) {
    this.options = { cap: 800, activeDays: 30, rebuildAuthors: 50, rebuildTweetsPerAuthor: 20, ...options };
    this.window = new ActivityWindow(this.options.activeDays);
    this.activity = new ActivityStore(redis, keys, this.window);
  }

  /** Activity other than a read (a sign-in): at most one write a minute; a returning user's next read rebuilds. */
  async recordActivity(user: string, atMs = Date.now()): Promise<void> {
    await this.activity.record([{ user, atMs }]);
  }

  /** The cursor as a timeline entry; '' (the top) when absent or from before the time part. */
  static parseCursor(cursor: string | undefined): string {
    if (!cursor) return '';
    const [id = '', ms = ''] = cursor.split('~');
    return id && ms ? timelineEntry(Number(ms), id) : '';
  }

  async page(user: string, cursor: string | undefined, limit: number): Promise<HomePage> {
    const o = this.options;
    const [timeline, pulled, pulledMore, rebuilt, hiddenReplies] = isCluster(this.redis)
      ? await this.readAcrossSlots(user, HomeTimeline.parseCursor(cursor), limit)
      : await this.redis.homePage(
          this.keys.timeline(user),
          this.keys.following(user),
          this.keys.pulledAuthors(),
          this.keys.activeUsers(),
          this.keys.timelineRebuild(user),
          this.keys.replyParents(),
          HomeTimeline.parseCursor(cursor),
          limit,
          this.keys.userTweets(''),
          MAX_PULLED_AUTHORS,
          user,
          Date.now(),
          this.window.ms,
          ACTIVITY_WRITE_INTERVAL_MS,
          o.rebuildAuthors,
          o.rebuildTweetsPerAuthor,
          o.cap,
        );
    // Replies of pulled authors the reader may not see (Twitter's rule): consumed, not shown.
    const hidden = new Set(hiddenReplies.map(entryId));
    const candidates: ParsedEntry[] = [...timeline, ...pulled].map(parseEntry).sort(compareEntries);
    const bodies = await this.tweets.getMany(candidates.map((c) => c.id));
    const byId = new Map(bodies.map((t) => [t.id, t]));
    const out: StoredTweet[] = [];
    const seen = new Set<string>();
    let last: ParsedEntry | undefined;
    let used = 0;
    for (const c of candidates) {
      if (out.length === limit) break;
      used++;
      last = c;
      const tweet = byId.get(c.id);
      if (!tweet || seen.has(c.id) || hidden.has(c.id)) continue; // body missing or a reply not for this reader (skipped, but consumed), or shown by both sides
      seen.add(c.id);
      out.push(tweet);
    }
    const more = used < candidates.length || timeline.length === limit || pulledMore === 1;
    return { tweets: out, nextCursor: more && last ? `${last.id}~${last.ms}` : null, rebuilt: rebuilt === 1 };
  }

  /**
   * Redis Cluster form of home-page.lua, the same answer in steps: the user's keys share a slot,
   * but active-users, pulled-authors and the authors' tweet lists are each elsewhere.
   * 1. the read recorded as activity (active-users' slot), and the rebuild marker and the pulled
   *    authors read, together;
   * 2. a returning reader's timeline rebuilt: the recent tweets of the authors followed (each on
   *    its author's slot) merged in one call on the user's slot, then the marker deleted;
   * 3. the page of the timeline by home-page.lua itself on the user's slot (activity off, and a
   *    key of that slot that never exists for pulled-authors, so it reads the timeline only),
   *    together with the pulled authors' tweets older than the cursor.
   * Round trips: 3 (4 on a rebuild) plus the bodies, against 2 on one server.
   */
  private async readAcrossSlots(user: string, cursor: string, limit: number): Promise<[string[], string[], number, number, string[]]> {
    const o = this.options;
    const k = this.keys;
    const now = Date.now();
    const [back, marker, pulledAll] = await Promise.all([
      this.window.enabled ? this.activity.recordReturning([user, now]) : Promise.resolve([]),
      this.window.enabled ? this.redis.exists(k.timelineRebuild(user)) : Promise.resolve(0),
      this.redis.zrange(k.pulledAuthors(), 0, -1),
    ]);
    let rebuilt = 0;
    if (back.length > 0 || marker === 1) {
      const authors = await this.redis.zrange(k.following(user), 0, o.rebuildAuthors - 1, 'REV');
      const pulledSet = new Set(pulledAll);
      const pushed = authors.filter((a) => !pulledSet.has(a)); // pulled authors are merged below anyway
      const lists = await Promise.all(
        pushed.map((a) => this.redis.zrange(k.userTweets(a), '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, o.rebuildTweetsPerAuthor, 'WITHSCORES')),
      );
      const rows: ParsedEntry[] = [];
      for (const got of lists) for (let i = 0; i < got.length; i += 2) rows.push({ ms: Number(got[i + 1]), id: got[i]! });
      const hidden = await hiddenReplies(
        this.redis,
        k,
        user,
        rows.map((r) => r.id),
      ); // the reply rule, as the rebuild in home-page.lua
      const fresh = rows
        .filter((r) => !hidden.has(r.id))
        .sort(compareEntries)
        .slice(0, o.cap)
        .map((r) => timelineEntry(r.ms, r.id));
      await this.redis.timelineAuthorEntries(k.following(user), k.timeline(user), '', 'f', o.cap, ...fresh);
      await this.redis.del(k.timelineRebuild(user));
      rebuilt = 1;
    }
    const noPulled = `${k.timeline(user)}:no-pulled-authors`; // same slot as the timeline, never written
    const followedPulled = async (): Promise<string[]> => {
      if (pulledAll.length === 0) return [];
      const scores = await this.redis.zmscore(k.following(user), ...pulledAll);
      return pulledAll.filter((_, i) => scores[i] !== null).slice(0, MAX_PULLED_AUTHORS);
    };
    const max = cursor === '' ? '+inf' : String(parseEntry(cursor).ms);
    const slack = cursor === '' ? 0 : 16; // equal times are filtered by id below, as in home-page.lua
    const [[timeline], pulledLists] = await Promise.all([
      this.redis.homePage(k.timeline(user), k.following(user), noPulled, noPulled, noPulled, noPulled, cursor, limit, '', 0, user, now, 0, 0, 0, 0, o.cap),
      followedPulled().then((authors) =>
        Promise.all(authors.map((a) => this.redis.zrange(k.userTweets(a), max, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, limit + slack, 'WITHSCORES'))),
      ),
    ]);
    const pulled: string[] = [];
    let more = 0;
    const after = cursor === '' ? undefined : parseEntry(cursor);
    for (const rows of pulledLists) {
      let taken = 0;
      for (let j = 0; j < rows.length; j += 2) {
        const e = { ms: Number(rows[j + 1]), id: rows[j]! };
        if (taken < limit && (!after || compareEntries(after, e) < 0)) {
          pulled.push(timelineEntry(e.ms, e.id));
          taken++;
        }
      }
      if (taken === limit) more = 1;
    }
    return [timeline, pulled, more, rebuilt, await this.hiddenAcrossSlots(user, pulled)];
  }

  /** Twitter's reply rule for pulled entries on a cluster, as home-page.lua's `visible` decides it. */
  private async hiddenAcrossSlots(user: string, pulled: readonly string[]): Promise<string[]> {
    const hidden = await hiddenReplies(this.redis, this.keys, user, pulled.map(entryId));
    return pulled.filter((e) => hidden.has(entryId(e)));
  }
}
