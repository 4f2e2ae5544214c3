import { tweetSchema } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { e2eLatency } from '@chirp/telemetry';
import { input, jsonCodec, type Processor } from '@chirp/streams';
import { workerProcessor, type WorkerRuntime } from '@chirp/worker';

/** The saver group: tweet bodies into `tweet:<id>` and the author's own list. Idempotent on redelivery. */
export function createSaver(rt: WorkerRuntime): Processor {
  const store = new TweetStore(rt.redis, rt.keys);
  const latency = e2eLatency(rt.registry);
  return workerProcessor(rt, [
      input(rt.topics.newTweets, jsonCodec(tweetSchema), async ({ value: tweet }) => {
        await store.save(tweet);
        latency.observe({ stage: 'saved' }, Math.max(0, Date.now() - Date.parse(tweet.createdAt)) / 1000);
      }),
  ]);
}
