import { describe, expect, it } from 'vitest';
import { tweetTagsSchema, type Tweet, type TweetTags } from '@chirp/core';
import { TweetStore } from '@chirp/store';
import { createProducer, Emitter, jsonCodec, type Message } from '@chirp/streams';
import { createTagger } from '@chirp/tagging';
import { createRegistry } from '@chirp/telemetry';
import { countRedisCommands, countSocketWrites, createTestContext, recordSends } from '@chirp/testkit';
import { taggerInput } from '../src/tagger.ts';

const ctx = await createTestContext();

describe('tagger', () => {
  it('emits the verdicts of a batch in one produce request and stores their tags in one pipeline; redelivery is harmless', async () => {
    const producer = createProducer(ctx.kafka, { idempotent: true });
    await producer.connect();
    ctx.onCleanup(() => producer.disconnect());
    // Sends, not Produce requests on the wire: those include kafkajs's retries of a send (the
    // produce-batcher test saw one on a loaded broker). One send is one request per broker.
    const sends = recordSends(producer);
    const redis = ctx.createRedis('tagger-batch-test');
    const tagger = createTagger();
    ctx.onCleanup(() => tagger.close());
    const verdicts = new Emitter<TweetTags>({ producer, topic: ctx.topics.tweetTags, codec: jsonCodec(tweetTagsSchema) });
    const edge = taggerInput({
      topic: ctx.topics.newTweets,
      tagger,
      verdicts,
      store: new TweetStore(redis, ctx.keys),
      registry: createRegistry('tagger-test'),
    });
    const tweets = Array.from({ length: 20 }, (_, i): Tweet => ({
      id: `tb${i}`,
      author: 'w',
      text: `finished a great novel for book club ${i}`,
      createdAt: new Date().toISOString(),
    }));
    const batch = tweets.map((value, i): Message<Tweet> => ({
      topic: ctx.topics.newTweets,
      partition: 0,
      offset: String(i),
      key: 'w',
      value,
      timestamp: Date.now(),
      headers: {},
    }));
    const hctx = { signal: new AbortController().signal, heartbeat: async () => {} };
    const writes = await countSocketWrites(redis); // connects (every master of a cluster)
    const commands = countRedisCommands(redis);
    const execs = { n: 0 };
    const pipeline = redis.pipeline.bind(redis);
    const multi = redis.multi.bind(redis);
    redis.pipeline = (...a: Parameters<typeof pipeline>) => (execs.n++, pipeline(...a));
    redis.multi = ((...a: Parameters<typeof multi>) => (execs.n++, multi(...a))) as typeof multi;
    await edge.handleBatch(batch, hctx);
    expect(sends).toHaveLength(1);
    // One server: one pipeline. Redis Cluster: the `tag:<tag>` lists are on other slots than the
    // tweets, so the tombstones are read first and the writes go by node (tweet-store.ts saveTagsMany).
    expect(writes.writes).toBeGreaterThan(0);
    if (ctx.cluster) expect(writes.writes).toBeLessThanOrEqual(2 * writes.nodes);
    else expect(execs.n).toBe(1);
    expect(commands.count).toBeGreaterThan(20);
    await edge.handleBatch(batch, hctx); // handed again whole: same tags, same list
    commands.restore();
    expect(JSON.parse((await ctx.redis.get(ctx.keys.tweetTags('tb7')))!)).toContain('bookworms');
    expect(await ctx.redis.zcard(ctx.keys.tagTweets('bookworms'))).toBe(20);
  });
});
