import { tweetSchema, type Tweet } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import type { Registry } from '@chirp/telemetry';
import { batchInput, jsonCodec, type Input, type Processor } from '@chirp/streams';
import { e2eObserver, workerProcessor, type WorkerRuntime } from '@chirp/worker';

/**
 * The saver's edge, batch-first: a batch is stored with one pipeline (one round trip). Idempotent,
 * so a batch handed again whole or split rewrites the same values; a Redis outage throws as it
 * comes and the processor pauses the partition.
 */
export function saverInput(topic: string, store: TweetStore, registry: Registry): Input {
  const observeLatency = e2eObserver(registry, 'saved');
  return batchInput<Tweet>(topic, jsonCodec(tweetSchema), async (messages) => {
    await store.saveMany(messages.map((m) => m.value));
    for (const { value } of messages) observeLatency(value.createdAt);
  });
}

/** The saver group: tweet bodies into `tweet:<id>` and the author's own list. */
export function createSaver(rt: WorkerRuntime): Processor {
  return workerProcessor(rt, [saverInput(rt.topics.newTweets, new TweetStore(rt.redis, rt.keys), rt.registry)]);
}
