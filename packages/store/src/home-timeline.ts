import { ACTIVITY_WRITE_INTERVAL_MS, ActivityStore, ActivityWindow } from './activity-store.ts';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
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
    const [timeline, pulled, pulledMore, rebuilt, hiddenReplies] = await this.redis.homePage(
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
}
