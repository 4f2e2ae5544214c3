import type { Kafka, Producer } from 'kafkajs';
import {
  accountEventSchema,
  ChirpError,
  clickSchema,
  followEventSchema,
  notificationReadSchema,
  relationEventSchema,
  likeEventSchema,
  retweetEventSchema,
  tweetDeleteSchema,
  tweetSchema,
  type AccountEvent,
  type Click,
  type FollowEvent,
  type NotificationRead,
  type RelationEvent,
  type LikeEvent,
  type RetweetEvent,
  type TopicNames,
  type Tweet,
  type TweetDelete,
} from '@chirp/core';
import { createProducer, Emitter, jsonCodec, ProduceBatcher } from '@chirp/streams';
import type { Logger } from '@chirp/telemetry';
import type { Publisher } from './deps.ts';

/**
 * The API's producer. It fails fast (a bounded retry budget) so a request gets a 503 within a few
 * seconds while Kafka is away, and never succeeds later behind the client's back. kafkajs
 * reconnects by itself on the next send once the broker is back.
 */
export class KafkaPublisher implements Publisher {
  /** Public for instrumentation (tests count its produce requests). */
  readonly producer: Producer;
  private readonly tweets: Emitter<Tweet>;
  private readonly follows: Emitter<FollowEvent>;
  private readonly clickEvents: Emitter<Click>;
  private readonly accounts: Emitter<AccountEvent>;
  private readonly relations: Emitter<RelationEvent>;
  private readonly reads: Emitter<NotificationRead>;
  private readonly deletes: Emitter<TweetDelete>;
  private readonly retweets: Emitter<RetweetEvent>;
  private readonly likes: Emitter<LikeEvent>;
  private connecting: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    topics: TopicNames,
    private readonly logger: Logger,
  ) {
    this.producer = createProducer(kafka, { attempts: 3, backoff: { baseMs: 200, capMs: 1000 } });
    // Concurrent requests share produce requests; each still answers only after its batch's ack.
    const batcher = new ProduceBatcher({ producer: this.producer, lingerMs: 1, maxMessages: 500, maxInFlight: 1 });
    this.tweets = new Emitter({ producer: batcher, topic: topics.newTweets, codec: jsonCodec(tweetSchema) });
    this.follows = new Emitter({ producer: batcher, topic: topics.follows, codec: jsonCodec(followEventSchema) });
    this.clickEvents = new Emitter({ producer: batcher, topic: topics.clicks, codec: jsonCodec(clickSchema) });
    this.accounts = new Emitter({ producer: batcher, topic: topics.accounts, codec: jsonCodec(accountEventSchema) });
    this.relations = new Emitter({ producer: batcher, topic: topics.relations, codec: jsonCodec(relationEventSchema) });
    this.reads = new Emitter({ producer: batcher, topic: topics.notificationReads, codec: jsonCodec(notificationReadSchema) });
    this.deletes = new Emitter({ producer: batcher, topic: topics.tweetDeletes, codec: jsonCodec(tweetDeleteSchema) });
    this.retweets = new Emitter({ producer: batcher, topic: topics.retweets, codec: jsonCodec(retweetEventSchema) });
    this.likes = new Emitter({ producer: batcher, topic: topics.likes, codec: jsonCodec(likeEventSchema) });
  }

  private async connected(): Promise<void> {
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined; // try again on the next request
      throw new ChirpError('KAFKA_UNAVAILABLE', 'Kafka is unavailable', { cause: error, retriable: true });
    });
    return this.connecting;
  }

  async tweet(tweet: Tweet): Promise<void> {
    await this.connected();
    await this.tweets.emit(tweet.author, tweet, { timestamp: Date.parse(tweet.createdAt) });
  }

  async follow(event: FollowEvent): Promise<void> {
    await this.connected();
    // Keyed by the edge: compaction keeps each edge's latest state, and its events stay in order.
    await this.follows.emit(`${event.user}|${event.target}`, event);
  }

  async clicks(clicks: readonly Click[]): Promise<void> {
    await this.connected();
    // Keyed by user: a user's clicks stay in order, on the partition that holds their analytics state.
    await this.clickEvents.emitMany(clicks.map((c) => ({ key: c.user, value: c, timestamp: Date.parse(c.at) })));
  }

  async account(event: AccountEvent): Promise<void> {
    await this.connected();
    // Keyed by the lowercased handle: every sign-up of a handle lands on one partition, in order.
    await this.accounts.emit(event.handle.toLowerCase(), event);
  }

  async relation(event: RelationEvent): Promise<void> {
    await this.connected();
    // Keyed by edge and kind, lowercased as the view stores them: one relation's events stay in
    // order and compaction keeps each relation's latest (a mute and a block of one edge both survive).
    await this.relations.emit(`${event.user.toLowerCase()}|${event.target.toLowerCase()}|${event.kind}`, event);
  }

  async notificationsRead(event: NotificationRead): Promise<void> {
    await this.connected();
    await this.reads.emit(event.user.toLowerCase(), event);
  }

  async deleteTweet(event: TweetDelete): Promise<void> {
    await this.connected();
    await this.deletes.emit(event.tweetId, event);
  }

  async retweet(event: RetweetEvent): Promise<void> {
    await this.connected();
    // Keyed by the pair: compaction keeps each (user, tweet)'s latest state, and its events stay in order.
    await this.retweets.emit(`${event.user}|${event.tweetId}`, event);
  }

  async like(event: LikeEvent): Promise<void> {
    await this.connected();
    await this.likes.emit(`${event.user}|${event.tweetId}`, event);
  }

  async close(): Promise<void> {
    try {
      await this.producer.disconnect();
    } catch (error) {
      this.logger.warn({ err: error }, 'producer disconnect failed');
    }
  }
}
