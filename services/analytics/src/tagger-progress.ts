import type { Admin, Kafka } from 'kafkajs';
import { ChirpError, retryTopic } from '@chirp/core';

export interface TaggerProgressOptions {
  kafka: Kafka;
  /** twitter.newTweets, the tagger's input. */
  newTweetsTopic: string;
  /** The tagger's consumer group. */
  taggerGroup: string;
  /** The group's lookup of twitter.tweetTags, once the processor made it (undefined before). */
  view: () => { catchUp(): Promise<void> } | undefined;
  /** Clock skew allowed between the API that stamped a click and the one that stamped the tweet. */
  slackMs?: number;
  /** How long one admin answer is reused by the partitions that wait. */
  cacheMs?: number;
  /** How long the lookup may take to read what twitter.tweetTags holds now before it counts as behind. */
  viewTimeoutMs?: number;
}

/**
 * Tells apart the two reasons a click finds no verdict for its tweet:
 *
 * - **The tagger or the lookup is behind** (the tagger stopped, restarting, lagging; the lookup
 *   not yet at the end of twitter.tweetTags). The verdict is on its way: this is a dependency
 *   failure, like Redis down, and `check` throws `UPSTREAM`, so the processor pauses the partition,
 *   keeps its offsets and probes again, for as long as it takes.
 * - **The tagger is past the tweet and the lookup holds all of twitter.tweetTags**: no verdict is
 *   coming (a click on a tweet that never existed, sent by a producer that bypassed the API). `check`
 *   returns and the click fails as a message (NOT_READY → retry topic → DLQ).
 *
 * "Past the tweet" needs no tweet offset: the API accepts a click only on a stored tweet, so the
 * tweet was appended to twitter.newTweets before the click's time. The tagger is past it once its
 * committed offset on every partition reaches the first record stamped after that time (plus
 * `slackMs`), or the partition's end. Proven times are remembered: the tagger only moves on.
 */
export class TaggerProgress {
  private readonly o: Required<Omit<TaggerProgressOptions, 'view'>> & Pick<TaggerProgressOptions, 'view'>;
  private admin: Admin | undefined;
  /** Every time up to this one is proven behind the tagger. */
  private provenMs = -Infinity;
  /** The last answer: "not past" or a failure is reused for `cacheMs` by every partition asking. */
  private last: { atMs: number; checkedAt: number; past: boolean; error?: ChirpError } | undefined;
  private inFlight: Promise<boolean> | undefined;
  /** Orders proofs and catch-ups: a catch-up answers for a proof only if it began after it. */
  private step = 0;
  /** The step at which the newest proof that the tagger is past (provenMs) was read. */
  private provenStep = -1;
  private viewCatchUp: { step: number; settled: Promise<boolean> } | undefined;

  constructor(options: TaggerProgressOptions) {
    this.o = { slackMs: 5000, cacheMs: 1000, viewTimeoutMs: 5000, ...options };
  }

  /** Throws `UPSTREAM` while the verdict for a tweet clicked at `clickAt` may still come; see the class. */
  async check(tweetId: string, clickAt: string): Promise<void> {
    const atMs = Math.min(Date.parse(clickAt), Date.now()) + this.o.slackMs;
    if (!(await this.taggerPast(atMs)))
      throw new ChirpError('UPSTREAM', `tweet ${tweetId} has no verdict yet and the tagger has not reached ${clickAt}`, { retriable: true });
    if (!(await this.lookupAtEnd(this.provenStep)))
      throw new ChirpError('UPSTREAM', `tweet ${tweetId} has no verdict yet and the lookup of the verdicts is behind`, { retriable: true });
  }

  /**
   * The lookup holds all of twitter.tweetTags within `viewTimeoutMs`, as the topic was after the
   * proof read at `provenStep`: the tagger produced the verdict before it committed past the tweet,
   * so only a catch-up that began after that read (and so reads the topic's end after it) must hold
   * it. A catch-up in flight that began later is shared by every partition asking; one that began
   * earlier is not enough, and a new one starts.
   */
  private lookupAtEnd(provenStep: number): Promise<boolean> {
    const view = this.o.view();
    if (!view) return Promise.resolve(true);
    if (!this.viewCatchUp || this.viewCatchUp.step <= provenStep) {
      const entry = { step: ++this.step, settled: Promise.resolve(false) };
      entry.settled = settlesWithin(view.catchUp(), this.o.viewTimeoutMs).finally(() => {
        if (this.viewCatchUp === entry) this.viewCatchUp = undefined;
      });
      this.viewCatchUp = entry;
    }
    return this.viewCatchUp.settled;
  }

  private async taggerPast(atMs: number): Promise<boolean> {
    for (;;) {
      if (atMs <= this.provenMs) return true;
      const last = this.last;
      if (last && Date.now() - last.checkedAt < this.o.cacheMs) {
        if (last.error !== undefined) throw last.error;
        if (!last.past && atMs >= last.atMs) return false;
      }
      if (!this.inFlight) {
        this.inFlight = this.query(atMs).finally(() => (this.inFlight = undefined));
        return this.inFlight;
      }
      await this.inFlight.catch(() => undefined); // another partition asks: its answer may do
    }
  }

  private async query(atMs: number): Promise<boolean> {
    const startedAt = Date.now();
    try {
      const admin = await this.connect();
      const retry = retryTopic(this.o.taggerGroup);
      // The tagger's retry topic too: a tweet it failed on is committed past on twitter.newTweets
      // while its verdict still waits there. Read after the newTweets offsets, so nothing moves
      // from one to the other unseen.
      const [byTime, [committed]] = await Promise.all([
        admin.fetchTopicOffsetsByTimestamp(this.o.newTweetsTopic, atMs),
        admin.fetchOffsets({ groupId: this.o.taggerGroup, topics: [this.o.newTweetsTopic] }),
      ]);
      // No retry topic (a tagger that never started): nothing waits there.
      const retryEnds = await admin.fetchTopicOffsets(retry).catch(() => []);
      const [retryCommitted] = retryEnds.length > 0 ? await admin.fetchOffsets({ groupId: this.o.taggerGroup, topics: [retry] }) : [];
      const past =
        reaches(committed?.partitions ?? [], byTime) &&
        reaches(
          retryCommitted?.partitions ?? [],
          retryEnds.map((e) => ({ partition: e.partition, offset: e.high })),
        );
      this.last = { atMs, checkedAt: Date.now(), past };
      // Where no record is as new as atMs, the partition's end stood in: that proves the times up
      // to the query, not beyond (a later tweet may come with an earlier clock).
      if (past) {
        this.provenMs = Math.max(this.provenMs, Math.min(atMs, startedAt));
        this.provenStep = ++this.step;
      }
      return past;
    } catch (cause) {
      const error =
        cause instanceof ChirpError ? cause : new ChirpError('KAFKA_UNAVAILABLE', 'cannot read the tagger’s progress from Kafka', { cause, retriable: true });
      this.last = { atMs, checkedAt: Date.now(), past: false, error };
      throw error;
    }
  }

  private async connect(): Promise<Admin> {
    if (!this.admin) {
      // A short retry budget: the partition's own backoff is the retry.
      const admin = this.o.kafka.admin({ retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1000 } });
      try {
        await admin.connect();
      } catch (cause) {
        throw new ChirpError('KAFKA_UNAVAILABLE', 'cannot reach Kafka to read the tagger’s progress', { cause, retriable: true });
      }
      this.admin = admin;
    }
    return this.admin;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = undefined;
  }
}

/** Whether the committed offsets (none: the partition's start) reach `targets` on every partition. */
function reaches(committed: readonly { partition: number; offset: string }[], targets: readonly { partition: number; offset: string }[]): boolean {
  const done = new Map(committed.map((p) => [p.partition, Math.max(0, Number(p.offset))]));
  return targets.every((t) => (done.get(t.partition) ?? 0) >= Number(t.offset));
}

/** true when `promise` resolves within `ms`; false when it takes longer or rejects (a reader closed or crashed counts as behind). */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
