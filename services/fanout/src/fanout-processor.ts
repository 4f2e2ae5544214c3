import { fanoutChunkSchema, tweetSchema, type FanoutChunkMessage, type Tweet } from '@chirp/core';
import { createProducer, Emitter, input, jsonCodec, type Processor } from '@chirp/streams';
import { e2eObserver, workerProcessor, type WorkerRuntime } from '@chirp/worker';
import type { Producer } from 'kafkajs';
import { Fanout, type FanoutOptions } from './fanout.ts';

/** The fanout group: plans on twitter.newTweets, applies chunks from twitter.fanout. */
export function createFanout(rt: WorkerRuntime, options: FanoutOptions): { processor: Processor; producer: Producer; fanout: Fanout } {
  const producer = createProducer(rt.kafka);
  const chunks = new Emitter<FanoutChunkMessage>({ producer, topic: rt.topics.fanout, codec: jsonCodec(fanoutChunkSchema) });
  const fanout = new Fanout(rt, options, chunks);
  const observeLatency = e2eObserver(rt.registry, 'fanned_out');
  const done = async (tweet: Tweet): Promise<void> => {
    await fanout.announce(tweet);
    observeLatency(tweet.createdAt);
  };
  const processor = workerProcessor(rt, [
    input(rt.topics.newTweets, jsonCodec(tweetSchema), async ({ value: tweet }, ctx) => {
      if ((await fanout.plan(tweet, ctx.signal)).completed) await done(tweet);
    }),
    input(rt.topics.fanout, jsonCodec(fanoutChunkSchema), async ({ value: chunk }, ctx) => {
      if (await fanout.deliverChunk(chunk, ctx.signal)) await done({ id: chunk.tweetId, author: chunk.author, text: chunk.text, createdAt: chunk.createdAt });
    }),
  ]);
  return { processor, producer, fanout };
}
