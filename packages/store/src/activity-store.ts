import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { isCluster } from './cluster-routing.ts';

const DAY_MS = 24 * 3600_000;
/** A user's activity is written at most this often: a busy reader costs one ZSCORE per read, not a write. */
export const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

/**
 * The activity window (`FANOUT_ACTIVE_DAYS`): fan-out pushes only to users active within it, a
 * user back after it gets their timeline rebuilt on first read. 0 turns it off (push to everyone).
 */
export class ActivityWindow {
  readonly ms: number;

  constructor(readonly days: number) {
    this.ms = Math.max(0, days) * DAY_MS;
  }

  get enabled(): boolean {
    return this.ms > 0;
  }

  /** Followers last active before this time (ms) receive no pushes; '' when the window is off. */
  pushCutoff(nowMs = Date.now()): number | '' {
    return this.enabled ? nowMs - this.ms : '';
  }
}

/**
 * `active-users` (user → last activity ms) and the rebuild markers of users who came back after the
 * window (lua/includes/activity.lua). Written by the API (sign-in; reads record themselves in
 * home-page.lua) and by the fanout (an author posted). Not a view of the log: losing it only makes
 * everyone count as never seen, who receive pushes.
 */
export class ActivityStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly window: ActivityWindow,
  ) {}

  /**
   * Records that users were active (at most once a minute each: ZADD GT). A user back after the
   * window gets a rebuild marker. Resolves how many came back. One script call for all of them.
   */
  async record(activity: readonly { user: string; atMs: number }[]): Promise<number> {
    if (!this.window.enabled || activity.length === 0) return 0;
    const pairs = activity.flatMap(({ user, atMs }) => [user, Math.floor(atMs)]);
    if (isCluster(this.redis)) return (await this.recordReturning(pairs)).length;
    return this.redis.recordActivity(this.keys.activeUsers(), this.keys.timelineRebuild(''), this.window.ms, ACTIVITY_WRITE_INTERVAL_MS, ...pairs);
  }

  /**
   * Redis Cluster form of record: active-users and the users' rebuild markers are on different
   * slots, so the script records and names who came back, then their markers are set (each on
   * its user's slot). Resolves the users who came back.
   */
  async recordReturning(pairs: readonly (string | number)[]): Promise<string[]> {
    const back = await this.redis.recordActivityReturning(this.keys.activeUsers(), this.window.ms, ACTIVITY_WRITE_INTERVAL_MS, ...pairs);
    await Promise.all(back.map((user) => this.redis.set(this.keys.timelineRebuild(user), '1', 'PX', this.window.ms)));
    return back;
  }
}
