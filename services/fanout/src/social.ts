import { likeEventSchema, retweetEventSchema, tweetDeleteSchema, type LikeEvent, type RetweetEvent, type Tweet, type TweetDelete } from '@chirp/core';
import { GraphStore, SocialStore, TimelineStore, TweetStore, type WalkStep } from '@chirp/store';
import { batchInput, input, jsonCodec, type Input } from '@chirp/streams';
import type { WorkerRuntime } from '@chirp/worker';

/** What the social inputs need of their worker. */
export type SocialRuntime = Pick<WorkerRuntime, 'redis' | 'keys' | 'topics'>;

/** Runs a resumable walk page by page until it reports 'end'; stops between pages on shutdown. */
async function walk(step: () => Promise<WalkStep>, signal?: AbortSignal): Promise<number> {
  let changed = 0;
  for (;;) {
    signal?.throwIfAborted();
    const page = await step();
    changed += page.changed;
    if (page.next === 'end') return changed;
  }
}

/** A reply to someone else's tweet: fanned out by Twitter's rule, not by the ordinary planner. */
export function isReplyToOther(tweet: Tweet): tweet is Tweet & { replyTo: { id: string; author: string } } {
  return tweet.replyTo !== undefined && tweet.replyTo.author !== tweet.author;
}

/**
 * Issue 18's work in the fanout group, beside the planner (fanout.ts) and in inputs of its own:
 * tombstones (twitter.tweetDeletes), retweets (twitter.retweets), likes (twitter.likes), and the
 * fan-out of replies. Every step is a bounded script call; a redelivered event resumes its walk.
 */
export class Social {
  readonly store: SocialStore;
  private readonly tweets: TweetStore;
  private readonly timelines: TimelineStore;
  private readonly graph: GraphStore;

  constructor(rt: Pick<WorkerRuntime, 'redis' | 'keys'>, timelineCap: number, walkPageSize?: number) {
    this.store = new SocialStore(rt.redis, rt.keys, { cap: timelineCap, pageSize: walkPageSize });
    this.tweets = new TweetStore(rt.redis, rt.keys);
    this.timelines = new TimelineStore(rt.redis, rt.keys, { cap: timelineCap });
    this.graph = new GraphStore(rt.redis, rt.keys, timelineCap);
  }

  /**
   * A reply reaches its author, and those followers of its author who also follow the author
   * replied to. A pulled (celebrity) replier is merged at read time like any of their tweets.
   */
  async deliverReply(tweet: Tweet & { replyTo: { author: string } }, signal?: AbortSignal): Promise<void> {
    const ms = Date.parse(tweet.createdAt);
    await this.tweets.indexByAuthor({ id: tweet.id, author: tweet.author, createdAtMs: ms });
    await this.timelines.deliverToUsers({ tweetId: tweet.id, createdAtMs: ms, users: [tweet.author], marker: 'self' });
    const [, pulled] = await this.graph.followerCountAndPulled(tweet.author);
    if (!pulled) await walk(() => this.store.replyPage(tweet), signal);
  }

  /**
   * A tombstone: first everything that is O(1) (the tweet stops being readable at once and live
   * streams are told), then the author's followers page by page, then the timelines that hold it
   * through a retweet. A redelivery redoes step 1 (idempotent) and resumes the walks.
   */
  async delete(d: TweetDelete, signal?: AbortSignal): Promise<void> {
    if (await this.store.tombstone(d)) await this.store.publishDeleted(d);
    await walk(() => this.store.unfanPage(d), signal);
    await walk(() => this.store.unretweetEntriesPage(d.tweetId), signal);
  }

  /** A retweet or its undo: the retweeters set, then the walk over the retweeter's followers. */
  async retweet(e: RetweetEvent, signal?: AbortSignal): Promise<void> {
    // The walk runs even when the event was applied before: a redelivery after a crash resumes it.
    // A walk whose event lost to a newer one stops at once (the scripts check the current state).
    await this.store.applyRetweet(e);
    await walk(() => (e.action === 'retweet' ? this.store.retweetPage(e) : this.store.unretweetPage(e)), signal);
  }

  async like(e: LikeEvent): Promise<void> {
    await this.store.applyLike(e);
  }
}

/** The inputs the fanout group adds for issue 18. */
export function socialInputs(rt: SocialRuntime, social: Social): Input[] {
  return [
    input(rt.topics.tweetDeletes, jsonCodec(tweetDeleteSchema), async ({ value }, ctx) => social.delete(value, ctx.signal)),
    input(rt.topics.retweets, jsonCodec(retweetEventSchema), async ({ value }, ctx) => social.retweet(value, ctx.signal)),
    batchInput<LikeEvent>(rt.topics.likes, jsonCodec(likeEventSchema), async (messages) => {
      // Last writer wins per (user, tweet): the order of application does not matter.
      await Promise.all(messages.map((m) => social.like(m.value)));
    }),
  ];
}
