import type { Tweet } from '@chirp/core';
import type { ActivityWindow } from './activity-store.ts';
import { RedisRouting } from './cluster-routing.ts';
import type { Keys } from './keys.ts';
import { throwFirstError } from './pipeline-result.ts';
import type { ChirpRedis } from './scripts.ts';
import { timelineEntry } from './timeline-entry.ts';

/** A delivery of one tweet to listed users' timelines (the author's own, or a test's). */
export interface UserDelivery {
  tweetId: string;
  /** The tweet's createdAt in ms: its place in every timeline. */
  createdAtMs: number;
  users: readonly string[];
  /** Names this delivery's marker (with tweetId): a redelivery with the same name does nothing. */
  marker: string;
  /** True when this delivery ends its range: it counts down the tweet's pending chunks. */
  last?: boolean;
}

/** One page of a follower range: followers with scores in (cursor, to], at most `limit`. */
export interface FollowerPageDelivery {
  tweetId: string;
  createdAtMs: number;
  author: string;
  /** Names this page's marker (with tweetId). */
  marker: string;
  cursor: string;
  to: string;
  limit: number;
  includeAuthor: boolean;
}

/** The first page of a tweet's follower range (scores from -inf), its author's timeline included. */
export interface FirstPageDelivery {
  tweetId: string;
  createdAtMs: number;
  author: string;
  /** Names this page's marker (with tweetId): the same name as the range's first page in deliverFollowerPage. */
  marker: string;
}

export interface PageOutcome {
  outcome: DeliveryOutcome;
  /** The cursor to go on from, or 'end'. */
  next: string;
  pushed: number;
}

/** The live event of a delivered tweet on `events:timeline`. */
export interface DeliveredEvent {
  tweetId: string;
  author: string;
  tweet?: Tweet;
}

/** How a delivery went: before (a redelivery), now, or now and it completed the fan-out. */
export type DeliveryOutcome = 'duplicate' | 'applied' | 'completed';
const OUTCOME: DeliveryOutcome[] = ['duplicate', 'applied', 'completed'];

export interface TimelineStoreOptions {
  cap: number;
  /** How long a fan-out marker or plan lives: longer than any redelivery can take. */
  markerTtlSeconds?: number;
  /** Push only to followers active within this window (and to those never recorded); absent: to all. */
  activity?: ActivityWindow;
}

/**
 * Home timelines: capped lists of entries `<ms>:<id>`, sorted newest first (timeline-entry.ts),
 * every id at most once; and the fan-out's bookkeeping (markers, pending counters, plans).
 */
export class TimelineStore {
  private readonly markerTtl: number;
  private readonly routing: RedisRouting;

  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
    private readonly options: TimelineStoreOptions,
  ) {
    this.markerTtl = options.markerTtlSeconds ?? 7 * 24 * 3600;
    this.routing = new RedisRouting(redis);
  }

  get cap(): number {
    return this.options.cap;
  }

  /** Puts a tweet in the listed users' timelines, atomically and at most once per marker. */
  async deliverToUsers(d: UserDelivery): Promise<DeliveryOutcome> {
    if (this.routing.cluster) return this.deliverByNode(d.tweetId, d.createdAtMs, d.users, d.marker, 'end', d.last === true);
    const keys = [this.keys.fanoutMarker(d.tweetId, d.marker), this.keys.fanoutPending(d.tweetId), ...d.users.map((u) => this.keys.timeline(u))];
    const code = await this.redis.deliverToUsers(
      keys.length,
      ...keys,
      timelineEntry(d.createdAtMs, d.tweetId),
      this.options.cap,
      'end',
      this.markerTtl,
      d.last ? '1' : '0',
      this.keys.tombstone(d.tweetId), // social (issue 18): a deleted tweet is delivered nowhere
    );
    return OUTCOME[code] ?? 'applied';
  }

  /**
   * Delivers the next page of a follower range in one round trip (read, insert, marker and
   * countdown all inside Redis).
   */
  async deliverFollowerPage(page: FollowerPageDelivery): Promise<PageOutcome> {
    if (this.routing.cluster) return this.deliverFollowerPageByNode(page);
    const [code, next, pushed] = await this.redis.fanoutRange(
      this.keys.followers(page.author),
      this.keys.fanoutMarker(page.tweetId, page.marker),
      this.keys.fanoutPending(page.tweetId),
      this.keys.activeUsers(),
      timelineEntry(page.createdAtMs, page.tweetId),
      this.options.cap,
      page.cursor,
      page.to,
      page.limit,
      this.markerTtl,
      this.keys.timeline(''),
      page.includeAuthor ? page.author : '',
      this.pushCutoff(),
      this.keys.tombstone(page.tweetId), // social (issue 18): a deleted tweet is pushed nowhere
    );
    return { outcome: OUTCOME[code] ?? 'applied', next, pushed };
  }

  /**
   * The first pages of many tweets' follower ranges (at most `limit` followers each, the author's
   * own timeline included) in ONE script call, in order: per tweet the same work, marker and
   * countdown as deliverFollowerPage's first page. The caller bounds the timelines per call.
   */
  async deliverFirstPages(pages: readonly FirstPageDelivery[], limit: number): Promise<PageOutcome[]> {
    if (pages.length === 0) return [];
    // Redis Cluster: the batch script cannot reach timelines on every node; each page goes by node
    // (with the tombstone check and the active-user cutoff of fanout-page.lua).
    if (this.routing.cluster) {
      const outcomes: PageOutcome[] = [];
      for (const p of pages) {
        outcomes.push(await this.deliverFollowerPageByNode({ ...p, cursor: '-inf', to: '+inf', limit, includeAuthor: true }));
      }
      return outcomes;
    }
    const args: (string | number)[] = [];
    for (const p of pages) {
      args.push(
        this.keys.fanoutMarker(p.tweetId, p.marker),
        this.keys.fanoutPending(p.tweetId),
        this.keys.followers(p.author),
        p.author,
        timelineEntry(p.createdAtMs, p.tweetId),
        this.keys.tombstone(p.tweetId), // social (issue 18): a deleted tweet is pushed nowhere
      );
    }
    const out = await this.redis.fanoutBatch(
      this.keys.activeUsers(),
      this.options.cap,
      limit,
      this.markerTtl,
      this.keys.timeline(''),
      this.pushCutoff(),
      ...args,
    );
    return pages.map((_, i) => ({ outcome: OUTCOME[Number(out[3 * i])] ?? 'applied', next: String(out[3 * i + 1]), pushed: Number(out[3 * i + 2]) }));
  }

  private pushCutoff(): number | '' {
    return this.options.activity?.pushCutoff() ?? '';
  }

  /**
   * Redis Cluster: the followers' timelines live on every node, so one call cannot reach them all.
   * The users are grouped by the node owning their timelines and each group gets one call of the
   * same delivery script, with a marker of its own on that node (a redelivery skips the groups
   * already applied); then the delivery's own marker and the countdown, both on the tweet's slot,
   * are set in one last call. A crash between the two redoes only the groups not yet marked.
   */
  private async deliverByNode(
    tweetId: string,
    createdAtMs: number,
    users: readonly string[],
    marker: string,
    markerValue: string,
    last: boolean,
  ): Promise<DeliveryOutcome> {
    // social (issue 18): a deleted tweet is delivered nowhere (as deliver-to-users.lua: as if done before).
    if ((await this.redis.exists(this.keys.tombstone(tweetId))) === 1) return 'duplicate';
    const entry = timelineEntry(createdAtMs, tweetId);
    const groups = this.routing.groupByNode(users, (u) => this.keys.timeline(u));
    await Promise.all(
      groups.map((group) => {
        const groupMarker = this.keys.fanoutNodeMarker(tweetId, marker, group[0]!);
        // KEYS[2] (the countdown) is not touched with ARGV[5] = '0': the group marker stands in, on the same node.
        const keys = [groupMarker, groupMarker, ...group.map((u) => this.keys.timeline(u))];
        return this.routing.script<number>('deliverToUsers', keys, [entry, this.options.cap, 'end', this.markerTtl, '0']);
      }),
    );
    const code = await this.routing.script<number>(
      'deliverToUsers',
      [this.keys.fanoutMarker(tweetId, marker), this.keys.fanoutPending(tweetId)],
      [entry, this.options.cap, markerValue, this.markerTtl, last ? '1' : '0'],
    );
    return OUTCOME[code] ?? 'applied';
  }

  /**
   * Redis Cluster form of deliverFollowerPage: the page is read here, then delivered by node, with
   * what fanout-page.lua does on one server: a deleted tweet ends the range unpushed, and only
   * followers active within the window (or never recorded) receive the push.
   */
  private async deliverFollowerPageByNode(page: FollowerPageDelivery): Promise<PageOutcome> {
    const marker = this.keys.fanoutMarker(page.tweetId, page.marker);
    const done = await this.redis.get(marker);
    if (done !== null) return { outcome: 'duplicate', next: done, pushed: 0 };
    if ((await this.redis.exists(this.keys.tombstone(page.tweetId))) === 1) {
      await this.redis.set(marker, 'end', 'EX', this.markerTtl);
      return { outcome: 'applied', next: 'end', pushed: 0 };
    }
    const rows = await this.redis.zrangebyscore(this.keys.followers(page.author), `(${page.cursor}`, page.to, 'WITHSCORES', 'LIMIT', 0, page.limit);
    const followers = rows.filter((_, i) => i % 2 === 0);
    const next = followers.length === page.limit ? rows[rows.length - 1]! : 'end';
    const cutoff = this.pushCutoff();
    let receivers = followers;
    if (cutoff !== '' && followers.length > 0) {
      const last = await this.redis.zmscore(this.keys.activeUsers(), ...followers);
      receivers = followers.filter((_, i) => last[i] === null || Number(last[i]) >= cutoff);
    }
    const users = page.includeAuthor ? [page.author, ...receivers] : receivers;
    const outcome = await this.deliverByNode(page.tweetId, page.createdAtMs, users, page.marker, next, next === 'end');
    return { outcome, next, pushed: outcome === 'duplicate' ? 0 : users.length };
  }

  /**
   * Records how many chunks a fan-out has, once (NX): a redelivered plan does not reset a count
   * that chunks already decremented.
   */
  async setPending(tweetId: string, chunks: number): Promise<void> {
    await this.redis.set(this.keys.fanoutPending(tweetId), chunks, 'EX', this.markerTtl, 'NX');
  }

  /**
   * The chunk plan of a large fan-out, written once: the stored one when there is one, else the
   * computed one stored with NX (whoever came first wins; everyone returns the winner's).
   */
  async storedPlan(tweetId: string, compute: () => Promise<string[]>): Promise<string[]> {
    const key = this.keys.fanoutPlan(tweetId);
    const existing = await this.redis.get(key);
    if (existing) return JSON.parse(existing) as string[];
    const bounds = JSON.stringify(await compute());
    const res = (await this.redis.multi().set(key, bounds, 'EX', this.markerTtl, 'NX').get(key).exec()) ?? [];
    throwFirstError(res);
    const stored = res[1]?.[1] as string | null | undefined;
    return JSON.parse(stored ?? bounds) as string[];
  }

  /** Announces a tweet that is in every timeline; the tweet rides along so no reader races the saver. */
  async publishDelivered(event: DeliveredEvent): Promise<void> {
    await this.publishDeliveredMany([event]);
  }

  /** Announces many tweets, in order, in one round trip (one pipeline of PUBLISH). */
  async publishDeliveredMany(events: readonly DeliveredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const pipe = this.redis.pipeline();
    for (const event of events) pipe.publish(this.keys.timelineEvents(), JSON.stringify(event));
    throwFirstError(await pipe.exec());
  }
}
