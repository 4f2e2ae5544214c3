import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kafka } from 'kafkajs';
import { createAccountsApplier } from '@chirp/accounts';
import { groupId } from '@chirp/core';
import { AccountStore, createRedis, GraphStore, HomeTimeline, NotificationStore, RelationStore, SocialStore, TweetStore, type ChirpRedis } from '@chirp/store';
import { brokerReachable } from '@chirp/streams';
import { createLogger, createRegistry } from '@chirp/telemetry';
import type { TestContext } from '@chirp/testkit';
import { createApp } from '../src/app.ts';
import type { AppDeps, AuthOptions } from '../src/deps.ts';
import { LiveHub, type LiveLimits } from '../src/live-hub.ts';
import { KafkaPublisher } from '../src/publisher.ts';

export interface InProcessApi {
  url: string;
  server: Server;
  redis: ChirpRedis;
  publisher: KafkaPublisher;
  live: LiveHub;
}

export interface StartApiOptions {
  /** Limits of the live stream (caps, buffer bound). */
  live?: Partial<LiveLimits>;
  /** Another Redis than the suite's (e.g. a private one that is down at first). */
  redis?: ChirpRedis;
  subscriber?: ChirpRedis;
  /** Whether to wait for the live subscription (false when Redis is down on purpose). */
  awaitLive?: boolean;
}

export interface ApiOptions extends StartApiOptions {
  /** Where the lag monitor answers (/lag.json, /processors.json); default a closed port. */
  monitorUrl?: string;
  auth?: Partial<AuthOptions>;
  rateLimitPerMinute?: number;
  /** The Kafka the publisher produces to (default the suite's; one that is not there for outage tests). */
  kafka?: Kafka;
  analytics?: AppDeps['analytics'];
  search?: AppDeps['search'];
}

const logger = createLogger('api-test', 'silent');

/**
 * The real app on a real port, wired to the suite's Kafka topics and Redis prefix, with the
 * accounts group running in-process as the API process hosts it (sign-ups wait for its verdict).
 * Every call shares the suite's Redis, so a token from one instance is valid on another.
 */
export async function startApi(ctx: TestContext, options: ApiOptions = {}): Promise<InProcessApi> {
  const redis = options.redis ?? ctx.redis;
  const subscriber = options.subscriber ?? createRedis({ url: ctx.redisUrl });
  const tweets = new TweetStore(redis, ctx.keys);
  const home = new HomeTimeline(redis, ctx.keys, tweets);
  const live = new LiveHub({ subscriber, redis, keys: ctx.keys, tweets, home, logger, limits: options.live });
  if (options.awaitLive === false) void live.start().catch(() => undefined);
  else await live.start();
  const publisher = new KafkaPublisher(options.kafka ?? ctx.kafka, ctx.topics, logger);
  const registry = createRegistry('api-test');
  const accounts = new AccountStore(redis, ctx.keys);
  const applier = createAccountsApplier({
    kafka: ctx.kafka,
    // An API on a Redis of its own needs the sign-ups of its own group: one group per Redis, as in production.
    groupId: options.redis ? `${groupId(ctx.prefix, 'accounts')}.${randomBytes(3).toString('hex')}` : groupId(ctx.prefix, 'accounts'),
    topic: ctx.topics.accounts,
    store: accounts,
    registry,
    logger,
  });
  await applier.start();
  const app = createApp({
    tweets,
    home,
    graph: new GraphStore(redis, ctx.keys, 800),
    social: new SocialStore(redis, ctx.keys, { cap: 800 }),
    accounts,
    keys: ctx.keys,
    auth: { sessionTtlMs: 3600_000, signInMaxFailures: 10, signInWindowMs: 900_000, signUpTimeoutMs: 10_000, trustProxy: false, ...options.auth },
    publish: publisher,
    live,
    registry,
    logger,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    monitorUrl: options.monitorUrl ?? 'http://127.0.0.1:9',
    health: { kafka: () => brokerReachable(ctx.kafka), redis: async () => (await redis.ping()) === 'PONG' },
    ...(options.analytics ? { analytics: options.analytics } : {}),
    relations: new RelationStore(redis, ctx.keys),
    notifications: new NotificationStore(redis, ctx.keys, 200),
    ...(options.search ? { search: options.search } : {}),
  });
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  ctx.onCleanup(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await applier.close();
    await live.close();
    await publisher.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, redis, publisher, live };
}

/** Sum of high watermarks: how many messages a topic holds. */
export async function topicSize(ctx: TestContext, topic: string): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((s, o) => s + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}
