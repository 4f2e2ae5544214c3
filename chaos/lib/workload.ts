import { seededRandom } from '@chirp/core';
import type { ApiClient } from './api-client.ts';
import type { Model } from './model.ts';

export interface WorkloadOptions {
  users: number;
  /** Accounts that follow only the celebrity (so the celebrity's fan-out is chunked). */
  celebrityFollowers: number;
  /** Follows per ordinary user at the start. */
  followsPerUser: number;
  /** Tweets to post in all (ordinary users and the celebrity). */
  tweets: number;
  /** Tweets per second aimed at. */
  rate: number;
  /** Requests in flight at once. */
  concurrency: number;
  seed: number;
  log?: (line: string) => void;
}

const WORDS = [
  'books',
  'reading',
  'novel',
  'football',
  'match',
  'goal',
  'pizza',
  'recipe',
  'coffee',
  'travel',
  'beach',
  'music',
  'concert',
  'movie',
  'game',
  'code',
];

/**
 * Users, follows, unfollows, tweets and clicks through the API, recorded in the model only when
 * acknowledged. One action per edge at a time, retried until its outcome is known, so the latest
 * acknowledged action of an edge is the one the log ends with.
 */
export class Workload {
  readonly celebrity = 'celeb';
  readonly handles: string[];
  private readonly rand: () => number;
  private readonly edgeBusy = new Set<string>();
  private seq = 0;
  posted = 0;
  unknown = 0;
  /** The longest time between two acknowledged tweets while the run went on (a fault's 503 window). */
  longestAckGapMs = 0;
  private lastAckAt = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly model: Model,
    private readonly o: WorkloadOptions,
  ) {
    this.rand = seededRandom(o.seed);
    this.handles = Array.from({ length: o.users }, (_, i) => `u${i}`);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  /** Sign-ups and the initial graph: every ordinary user follows the celebrity and a few others. */
  async setup(): Promise<void> {
    const fans = Array.from({ length: this.o.celebrityFollowers }, (_, i) => `fan${i}`);
    const everyone = [this.celebrity, ...this.handles, ...fans];
    // Sign-ups hash a password (scrypt, ~0.1-0.5 s of a core each): more at once than the API's thread
    // pool only queues them past the client's timeout, and a timed-out sign-in counts as a failed one.
    await inParallel(everyone, Math.min(4, this.o.concurrency), (h) => this.api.signUp(h));
    for (const h of everyone) this.model.users.add(h);
    this.o.log?.(`  ${everyone.length} accounts`);
    const edges: [string, string][] = [];
    for (const u of [...this.handles, ...fans]) edges.push([u, this.celebrity]);
    for (const u of this.handles) {
      for (let i = 0; i < this.o.followsPerUser; i++) {
        const t = this.pick(this.handles);
        if (t !== u) edges.push([u, t]);
      }
    }
    await inParallel(edges, this.o.concurrency, ([u, t]) => this.edge(u, t, 'follow'));
    this.o.log?.(`  ${edges.length} follows`);
  }

  /** Posts `tweets` at `rate` with follows, unfollows and clicks mixed in; resolves when all are answered. */
  async run(): Promise<void> {
    const started = Date.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.o.tweets) {
        const n = next++;
        const due = started + (n / this.o.rate) * 1000;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        await this.tweet(n % 25 === 0 ? this.celebrity : this.pick(this.handles));
        const roll = this.rand();
        if (roll < 0.05) await this.toggleEdge();
        else if (roll < 0.15) await this.click();
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency }, worker));
  }

  private async tweet(author: string): Promise<void> {
    const text = `chaos #${this.seq++} ${this.pick(WORDS)} ${this.pick(WORDS)} and ${this.pick(WORDS)}`;
    const outcome = await this.api.postTweet(author, text);
    this.posted++;
    if (outcome.kind === 'acked') {
      const now = Date.now();
      if (this.lastAckAt > 0) this.longestAckGapMs = Math.max(this.longestAckGapMs, now - this.lastAckAt);
      this.lastAckAt = now;
      this.model.ackTweet(outcome.value);
    } else if (outcome.kind === 'maybe') {
      this.unknown++;
      this.model.maybeTweets.set(text, author);
    } else this.refuse(`tweet ${outcome.status} ${outcome.body}`);
  }

  private async toggleEdge(): Promise<void> {
    const u = this.pick(this.handles);
    const t = this.pick(this.handles);
    if (u === t) return;
    await this.edge(u, t, this.model.follows(u, t) ? 'unfollow' : 'follow');
  }

  /** One action on an edge, retried until acknowledged; skipped while another is in flight. */
  private async edge(user: string, target: string, action: 'follow' | 'unfollow'): Promise<void> {
    const key = `${user}>${target}`;
    if (this.edgeBusy.has(key)) return;
    this.edgeBusy.add(key);
    try {
      let sentAt = Date.now();
      const outcome = await this.api.retry(() => {
        sentAt = Date.now();
        return this.api.edge(user, target, action);
      });
      if (outcome.kind === 'acked') this.model.ackEdge(user, target, action, sentAt);
      else if (outcome.kind === 'rejected') this.refuse(`${action} ${outcome.status} ${outcome.body}`);
      else throw new Error(`${action} ${key} never answered: ${outcome.reason}`);
    } finally {
      this.edgeBusy.delete(key);
    }
  }

  private async click(): Promise<void> {
    const ids = [...this.model.tweets.keys()];
    if (ids.length === 0) return;
    const user = this.pick(this.handles);
    const outcome = await this.api.click(user, this.pick(ids.slice(-200)), this.rand() < 0.5 ? 'like' : 'open');
    if (outcome.kind === 'acked') this.model.ackClick(user);
    // 404: the saver has not stored the tweet yet (it lags behind while faults go on); not a refusal.
    else if (outcome.kind === 'rejected' && outcome.status !== 404) this.refuse(`click ${outcome.status} ${outcome.body}`);
  }

  private refuse(what: string): void {
    this.model.refused++;
    if (this.model.refused <= 5) this.o.log?.(`  ! refused: ${what}`);
  }
}

export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (i < items.length) await task(items[i++]!);
    }),
  );
}
