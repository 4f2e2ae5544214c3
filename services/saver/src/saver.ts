import { tweetSchema, type Tweet } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { e2eLatency, type Registry } from '@chirp/telemetry';
import { batchInput, jsonCodec, type Input, type Processor } from '@chirp/streams';
import { workerProcessor, type WorkerRuntime } from '@chirp/worker';

/**
 * The saver's edge, batch-first: a batch is stored with one pipeline (one round trip). Idempotent,
 * so a batch handed again whole or split rewrites the same values; a Redis outage throws as it
 * comes and the processor pauses the partition.
 */
export function saverInput(topic: string, store: TweetStore, registry: Registry): Input {
  const latency = e2eLatency(registry);
  return batchInput<Tweet>(topic, jsonCodec(tweetSchema), async (messages) => {
    await store.saveMany(messages.map((m) => m.value));
    const now = Date.now();
    for (const { value } of messages) latency.observe({ stage: 'saved' }, Math.max(0, now - Date.parse(value.createdAt)) / 1000);
  });
}

/** The saver group: tweet bodies into `tweet:<id>` and the author's own list. */
export function createSaver(rt: WorkerRuntime): Processor {
  return workerProcessor(rt, [saverInput(rt.topics.newTweets, new TweetStore(rt.redis, rt.keys), rt.registry)]);
}
