import { tweetSchema, tweetTagsSchema, type Tweet, type TweetTags } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import type { Registry } from '@chirp/telemetry';
import { batchInput, Emitter, jsonCodec, ProduceBatcher, type Input, type Processor } from '@chirp/streams';
import { e2eObserver, workerProcessor, type WorkerRuntime } from '@chirp/worker';
import { createProducer } from '@chirp/streams';
import type { Tagger } from '@chirp/tagging';
import type { Producer } from 'kafkajs';

export interface TaggerInputDeps {
  topic: string;
  tagger: Tagger;
  verdicts: Emitter<TweetTags>;
  store: TweetStore;
  registry: Registry;
}

/**
 * The tagger's edge, batch-first: one `tagMany` for the batch, its verdicts in one produce request,
 * then their tags in one Redis pipeline. Idempotent over the batch (the compacted topic keeps each
 * tweet's latest verdict; the tag lists are sets).
 */
export function taggerInput(d: TaggerInputDeps): Input {
  const observeLatency = e2eObserver(d.registry, 'tagged');
  return batchInput<Tweet>(d.topic, jsonCodec(tweetSchema), async (messages) => {
    const tweets = messages.map((m) => m.value);
    const results = await d.tagger.tagMany(tweets.map((t) => ({ id: t.id, text: t.text })));
    const taggedAt = new Date().toISOString();
    await d.verdicts.emitMany(
      tweets.map((t, i) => {
        const r = results[i]!;
        return { key: t.id, value: { tweetId: t.id, tags: r.tags, provider: r.provider, model: r.model, taggedAt } };
      }),
    );
    await d.store.saveTagsMany(tweets.map((t, i) => ({ tweetId: t.id, tags: results[i]!.tags, createdAtMs: Date.parse(t.createdAt) })));
    for (const t of tweets) observeLatency(t.createdAt);
  });
}

/**
 * The tagger group: tags each tweet (LLM or local), publishes the verdict to twitter.tweetTags
 * (compacted, keyed by tweet id: the table of record) and stores the tags for readers. A tweet with
 * no fitting tag is stored with [] rather than left pending.
 */
export function createTaggerProcessor(rt: WorkerRuntime, tagger: Tagger): { processor: Processor; producer: Producer } {
  const producer = createProducer(rt.kafka);
  // Batches of several partitions handled at once share produce requests too.
  const batcher = new ProduceBatcher({ producer, lingerMs: 1, maxInFlight: 2 });
  const verdicts = new Emitter<TweetTags>({ producer: batcher, topic: rt.topics.tweetTags, codec: jsonCodec(tweetTagsSchema) });
  const store = new TweetStore(rt.redis, rt.keys);
  const processor = workerProcessor(rt, [taggerInput({ topic: rt.topics.newTweets, tagger, verdicts, store, registry: rt.registry })]);
  return { processor, producer };
}
