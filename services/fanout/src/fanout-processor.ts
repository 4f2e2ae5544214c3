import { fanoutChunkSchema, tweetSchema, type FanoutChunkMessage, type Tweet } from '@chirp/core';
import { batchInput, createProducer, Emitter, input, jsonCodec, type Processor } from '@chirp/streams';
import { e2eObserver, workerProcessor, type WorkerRuntime } from '@chirp/worker';
import type { Producer } from 'kafkajs';
import { Fanout, type FanoutOptions } from './fanout.ts';
import { isReplyToOther, Social, socialInputs } from './social.ts';

/** The fanout group: plans on twitter.newTweets, applies chunks from twitter.fanout. */
export function createFanout(
  rt: WorkerRuntime,
  options: FanoutOptions & { walkPageSize?: number },
): { processor: Processor; producer: Producer; fanout: Fanout } {
  const producer = createProducer(rt.kafka);
  const chunks = new Emitter<FanoutChunkMessage>({ producer, topic: rt.topics.fanout, codec: jsonCodec(fanoutChunkSchema) });
  const fanout = new Fanout(rt, options, chunks);
  const social = new Social(rt, options.timelineCap, options.walkPageSize); // issue 18: deletes, replies, retweets, likes (social.ts)
  const observeLatency = e2eObserver(rt.registry, 'fanned_out');
  const done = async (tweets: readonly Tweet[]): Promise<void> => {
    await fanout.announce(tweets);
    for (const tweet of tweets) observeLatency(tweet.createdAt);
  };
  const processor = workerProcessor(rt, [
    // Batch-first: a batch of tweets is planned with one count read and its small fan-outs pushed
    // in as few script calls as the push budget allows (Fanout.planBatch). A reply to someone else
    // reaches only followers who also follow the author replied to (social.ts, issue 18).
    batchInput<Tweet>(rt.topics.newTweets, jsonCodec(tweetSchema), async (messages, ctx) => {
      const tweets = messages.map((m) => m.value);
      const replies = tweets.filter(isReplyToOther);
      const posts = tweets.filter((t) => !isReplyToOther(t));
      const steps = await fanout.planBatch(posts, ctx.signal);
      for (const reply of replies) await social.deliverReply(reply, ctx.signal);
      await done([...posts.filter((_, i) => steps[i]!.completed), ...replies]);
    }),
    input(rt.topics.fanout, jsonCodec(fanoutChunkSchema), async ({ value: chunk }, ctx) => {
      if (await fanout.deliverChunk(chunk, ctx.signal)) await done([{ id: chunk.tweetId, author: chunk.author, text: chunk.text, createdAt: chunk.createdAt }]);
    }),
    ...socialInputs(rt, social),
  ]);
  return { processor, producer, fanout };
}
