import { tweetSchema, tweetTagsSchema, type TweetTags } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { e2eLatency } from '@chirp/telemetry';
import { Emitter, input, jsonCodec, type Processor } from '@chirp/streams';
import { workerProcessor, type WorkerRuntime } from '@chirp/worker';
import { createProducer } from '@chirp/streams';
import type { Tagger } from '@chirp/tagging';
import type { Producer } from 'kafkajs';

/**
 * The tagger group: tags each tweet (LLM or local), publishes the verdict to twitter.tweetTags
 * (compacted, keyed by tweet id: the table of record) and stores the tags for readers. A tweet with
 * no fitting tag is stored with [] rather than left pending.
 */
export function createTaggerProcessor(rt: WorkerRuntime, tagger: Tagger): { processor: Processor; producer: Producer } {
  const store = new TweetStore(rt.redis, rt.keys);
  const latency = e2eLatency(rt.registry);
  const producer = createProducer(rt.kafka);
  const verdicts = new Emitter<TweetTags>({ producer, topic: rt.topics.tweetTags, codec: jsonCodec(tweetTagsSchema) });
  const processor = workerProcessor(rt, [
      input(rt.topics.newTweets, jsonCodec(tweetSchema), async ({ value: tweet }) => {
        const result = await tagger.tag({ id: tweet.id, text: tweet.text });
        const verdict: TweetTags = { tweetId: tweet.id, tags: result.tags, provider: result.provider, model: result.model, taggedAt: new Date().toISOString() };
        await verdicts.emit(tweet.id, verdict);
        await store.saveTags(tweet.id, result.tags, Date.parse(tweet.createdAt));
        latency.observe({ stage: 'tagged' }, Math.max(0, Date.now() - Date.parse(tweet.createdAt)) / 1000);
      }),
  ]);
  return { processor, producer };
}
