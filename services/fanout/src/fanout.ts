import { tweetSchema, type Tweet } from '@chirp/core';
import { GraphStore, TimelineStore } from '@chirp/store';
import { e2eLatency, Histogram, type Registry } from '@chirp/telemetry';
import { input, jsonCodec, Processor, type WorkerRuntime } from '@chirp/streams';

export interface FanoutOptions {
  timelineCap: number;
  /** Followers per chunk: one Lua call pushes the id onto this many timelines. */
  chunkSize: number;
}

const START = '-inf';
const END = 'end';

interface FanoutMetrics {
  size: Histogram<never>;
  duration: Histogram<never>;
}

function fanoutMetrics(registry: Registry): FanoutMetrics {
  return {
    size: new Histogram({
      name: 'chirp_fanout_followers',
      help: 'Timelines one tweet was pushed to',
      buckets: [0, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'chirp_fanout_duration_seconds',
      help: 'Time to push one tweet to every follower timeline',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  };
}

/**
 * Pushes a tweet's id onto its author's and every follower's timeline.
 *
 * Followers are read page by page with a stable score cursor (never whole into memory). Each page
 * is one chunk applied by one Lua call that also sets a marker `fanout:<tweet>:<cursor>` holding
 * the next cursor, atomically: a redelivered message walks the markers to where it stopped and
 * goes on from there, so no follower is missed and none gets the tweet twice.
 */
export class Fanout {
  private readonly graph: GraphStore;
  private readonly timelines: TimelineStore;
  private readonly metrics: FanoutMetrics;

  constructor(
    private readonly rt: WorkerRuntime,
    private readonly options: FanoutOptions,
  ) {
    this.graph = new GraphStore(rt.redis, rt.keys, options.timelineCap);
    this.timelines = new TimelineStore(rt.redis, rt.keys, { cap: options.timelineCap });
    this.metrics = fanoutMetrics(rt.registry);
  }

  async deliver(tweet: Tweet, signal?: AbortSignal): Promise<number> {
    const end = this.metrics.duration.startTimer();
    let cursor = START;
    let pushed = 0;
    for (;;) {
      signal?.throwIfAborted();
      const applied = await this.timelines.appliedChunkEnd(tweet.id, cursor);
      if (applied !== null) {
        if (applied === END) break;
        cursor = applied;
        continue;
      }
      const page = await this.graph.followersAfter(tweet.author, cursor, this.options.chunkSize);
      const followers = cursor === START ? [tweet.author, ...page.followers] : page.followers;
      const next = page.nextCursor ?? END;
      if (await this.timelines.applyChunk({ tweetId: tweet.id, followers, cursor, nextCursor: next })) pushed += followers.length;
      if (next === END) break;
      cursor = next;
    }
    end();
    this.metrics.size.observe(pushed);
    await this.timelines.publishDelivered({ tweetId: tweet.id, author: tweet.author });
    return pushed;
  }
}

export function createFanout(rt: WorkerRuntime, options: FanoutOptions): Processor {
  const fanout = new Fanout(rt, options);
  const latency = e2eLatency(rt.registry);
  return new Processor({
    kafka: rt.kafka,
    groupId: rt.groupId,
    registry: rt.registry,
    logger: rt.logger,
    concurrency: rt.concurrency,
    failure: rt.failure,
    inputs: [
      input(rt.topics.newTweets, jsonCodec(tweetSchema), async ({ value: tweet }, ctx) => {
        await fanout.deliver(tweet, ctx.signal);
        latency.observe({ stage: 'fanned_out' }, Math.max(0, Date.now() - Date.parse(tweet.createdAt)) / 1000);
      }),
    ],
  });
}
