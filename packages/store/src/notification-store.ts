import type { Keys } from './keys.ts';
import { execAcrossSlots } from './cluster-routing.ts';
import { pageBySortedScore } from './paging.ts';
import { throwFirstError } from './pipeline-result.ts';
import type { ChirpRedis } from './scripts.ts';

/** What a notification group is about, read from its id (`<kind>:<subject>`). */
export const NOTIFICATION_KINDS = ['mention', 'reply', 'like', 'retweet', 'follow'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One aggregated notification: "maria and 3 others liked your tweet". */
export interface Notification {
  /** The group id, e.g. `like:<tweet id>` or `follow:2026-12-01`. */
  id: string;
  kind: NotificationKind;
  /** The tweet it is about (the mentioning or replying tweet, the liked or retweeted one); absent for follows. */
  tweetId?: string;
  /** The most recent actors, newest first, at most 3. */
  actors: string[];
  /** How many distinct actors the group holds (muted and blocked ones left out). */
  count: number;
  /** Time of the latest activity. */
  at: string;
  unread: boolean;
}

export interface NotificationPage {
  notifications: Notification[];
  nextCursor: string | null;
  unread: number;
}

/** The group of one activity. Follows are grouped per UTC day, the rest per tweet. */
export function notificationGroup(kind: NotificationKind, subject: string): string {
  return `${kind}:${subject}`;
}

/** The kind of a group and the tweet it is about (none for follows). */
function groupSubject(group: string): { kind: NotificationKind; tweetId?: string } {
  const sep = group.indexOf(':');
  const kind = group.slice(0, sep) as NotificationKind;
  return kind === 'follow' ? { kind } : { kind, tweetId: group.slice(sep + 1) };
}

const ACTORS_SHOWN = 3;
/** Actors read per group to find the most recent visible ones past muted ones. */
const ACTORS_READ = 20;

/**
 * Aggregated notification feeds: a view of the log written by the notify group (notify.lua), read
 * by the API. Users are lowercased (a mention `@Maria` reaches the account `maria`).
 */
export class NotificationStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly cap: number,
  ) {}

  /** Adds one activity (idempotent); false when the user had blocked the actor by then. */
  async add(user: string, group: string, actor: string, atMs: number): Promise<boolean> {
    return this.apply(user, group, actor, atMs, '');
  }

  /**
   * A like/unlike or retweet/undo (`on` false): last writer wins per actor of the group by event
   * time, so an undo takes the actor out (the group goes when empty) and a redelivered older like
   * does not bring them back. False when turned away (blocked, or older than the actor's latest).
   */
  async react(user: string, group: string, actor: string, atMs: number, on: boolean): Promise<boolean> {
    return this.apply(user, group, actor, atMs, on ? 'f' : 'u');
  }

  private async apply(user: string, group: string, actor: string, atMs: number, action: '' | 'f' | 'u'): Promise<boolean> {
    const u = user.toLowerCase();
    const k = this.keys;
    const applied = await this.redis.notify(
      k.notifications(u),
      k.notificationGroup(u, group),
      k.relationClocks(u),
      k.notificationClocks(u, group),
      group,
      actor.toLowerCase(),
      Math.floor(atMs),
      this.cap,
      k.notificationGroup(u, ''),
      action,
      k.notificationClocks(u, ''),
    );
    return applied === 1;
  }

  /** Moves the read marker forward (never back). */
  async markRead(user: string, atMs: number): Promise<void> {
    await this.redis.notificationsRead(this.keys.notificationsRead(user.toLowerCase()), Math.floor(atMs));
  }

  /**
   * A page of groups, newest activity first, with the actors in `hidden` (muted, blocked) left
   * out, groups about a deleted tweet (its tombstone) left out, and the unread count (groups with
   * activity after the read marker). Three round trips.
   */
  async page(user: string, cursor: string | undefined, limit: number, hidden: ReadonlySet<string>): Promise<NotificationPage> {
    const u = user.toLowerCase();
    const k = this.keys;
    const [readRaw, groups] = await Promise.all([this.redis.get(k.notificationsRead(u)), pageBySortedScore(this.redis, k.notifications(u), cursor, limit)]);
    const readAt = Number(readRaw ?? 0);
    const hiddenList = [...hidden];
    // The user's keys in one pipeline (one slot); the tombstones, on their tweets' slots, beside it.
    const pipeline = this.redis.pipeline().zcount(k.notifications(u), `(${readAt}`, '+inf');
    for (const group of groups.items) {
      const key = k.notificationGroup(u, group);
      pipeline.zcard(key).zrange(key, 0, ACTORS_READ - 1, 'REV', 'WITHSCORES');
      if (hiddenList.length > 0) pipeline.zmscore(key, ...hiddenList);
    }
    const subjects = groups.items.map((g) => groupSubject(g).tweetId).filter((t): t is string => t !== undefined);
    const [res, tombstones] = await Promise.all([
      pipeline.exec(),
      execAcrossSlots(
        this.redis,
        subjects.map((t) => (r) => r.exists(k.tombstone(t))),
      ),
    ]);
    throwFirstError(tombstones);
    const deleted = new Set(subjects.filter((_, j) => tombstones[j]![1] === 1));
    const values = (res ?? []).map(([err, v]) => {
      if (err) throw err;
      return v;
    });
    const unread = Number(values[0]);
    const notifications: Notification[] = [];
    let i = 1;
    for (const group of groups.items) {
      const total = Number(values[i++]);
      const raw = values[i++] as string[];
      const hiddenHere = hiddenList.length > 0 ? (values[i++] as (string | null)[]).filter((s) => s !== null).length : 0;
      const { kind, tweetId } = groupSubject(group);
      // The tweet it is about was deleted (tombstones are kept): applied before or after the delete, it is not listed.
      if (tweetId !== undefined && deleted.has(tweetId)) continue;
      const visible: { actor: string; ms: number }[] = [];
      for (let j = 0; j < raw.length; j += 2) if (!hidden.has(raw[j]!)) visible.push({ actor: raw[j]!, ms: Number(raw[j + 1]) });
      const count = total - hiddenHere;
      if (count <= 0 || visible.length === 0) continue;
      const latest = visible[0]!.ms;
      notifications.push({
        id: group,
        kind,
        ...(tweetId === undefined ? {} : { tweetId }),
        actors: visible.slice(0, ACTORS_SHOWN).map((v) => v.actor),
        count,
        at: new Date(latest).toISOString(),
        unread: latest > readAt,
      });
    }
    return { notifications, nextCursor: groups.nextCursor, unread };
  }
}
