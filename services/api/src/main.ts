import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnalyticsReads, ForwardDecay, ForYou } from '@chirp/analytics';
import { analyticsEnv, changelogTopic, groupId, loadConfig, topicNames } from '@chirp/core';
import { createAccountsApplier } from '@chirp/accounts';
import {
  AccountStore,
  closeRedis,
  createKeys,
  createRedis,
  GraphStore,
  HomeTimeline,
  NotificationStore,
  PreferencesStore,
  RelationStore,
  SocialStore,
  TweetStore,
} from '@chirp/store';
import { brokerReachable, createKafka } from '@chirp/streams';
import { closeAll, createLogger, createRegistry, redisErrors, runMain } from '@chirp/telemetry';
import { createApp, trustProxySetting } from './app.ts';
import { API_ENV } from './config.ts';
import { LiveHub } from './live-hub.ts';
import { KafkaPublisher } from './publisher.ts';
import { LogSearchIndex } from './search-index.ts';

const config = loadConfig(API_ENV);
const analyticsConfig = loadConfig(analyticsEnv);

const logger = createLogger('api', config.LOG_LEVEL);

await runMain(logger, async () => {
  const registry = createRegistry('api');
  const redisErr = redisErrors(registry);
  const onError = (error: Error): void => {
    redisErr.inc({ kind: (error as NodeJS.ErrnoException).code ?? 'error' });
  };
  const clusterNodes = config.REDIS_CLUSTER_NODES;
  const redis = createRedis({ url: config.REDIS_URL, clusterNodes, name: 'chirp-api', onError });
  const subscriber = createRedis({ url: config.REDIS_URL, clusterNodes, name: 'chirp-api-live', onError });
  const keys = createKeys(config.REDIS_PREFIX, { hashTags: clusterNodes !== undefined });
  const kafka = createKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID ?? 'chirp-api',
    logger,
    connectionTimeoutMs: 1000,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const publisher = new KafkaPublisher(kafka, topicNames(config.TOPIC_PREFIX), logger);
  const tweets = new TweetStore(redis, keys);
  const home = new HomeTimeline(redis, keys, tweets, { cap: config.TIMELINE_CAP, activeDays: config.FANOUT_ACTIVE_DAYS });
  const live = new LiveHub({
    subscriber,
    redis,
    keys,
    tweets,
    home,
    logger,
    limits: { perUser: config.STREAM_MAX_PER_USER, perClient: config.STREAM_MAX_PER_CLIENT, bufferBytes: config.STREAM_BUFFER_BYTES },
  });
  // Rejects while Redis is down; the hub subscribes by itself once Redis answers.
  await live.start().catch((error: unknown) => logger.warn({ err: error }, 'live updates unavailable until Redis answers'));
  // The view of the analytics table reads forever: a client with the workers' patient retries.
  const analytics = new AnalyticsReads({
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID ?? 'chirp-api'}-views`, logger }),
    topic: changelogTopic(groupId(config.TOPIC_PREFIX, 'analytics')),
    preferences: new PreferencesStore(redis, keys),
    decay: new ForwardDecay({
      halfLifeMs: analyticsConfig.ANALYTICS_HALF_LIFE_HOURS * 3600_000,
      landmarkMs: Date.parse(analyticsConfig.ANALYTICS_DECAY_LANDMARK),
    }),
    trendWindowMinutes: analyticsConfig.ANALYTICS_TREND_WINDOW_MINUTES,
    logger,
    registry,
  });
  analytics.start();
  // The accounts group lives in the API process (see docs/architecture.md): any instance may apply
  // any sign-up, as the waiting request reads the verdict from Redis, not from this process.
  const accounts = new AccountStore(redis, keys);
  const applier = createAccountsApplier({
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID ?? 'chirp-api'}-accounts`, logger }),
    groupId: groupId(config.TOPIC_PREFIX, 'accounts'),
    topic: topicNames(config.TOPIC_PREFIX).accounts,
    store: accounts,
    registry,
    logger,
  });
  void applier.start().catch((error: unknown) => logger.error({ err: error }, 'accounts applier stopped'));
  // The search index is built from twitter.newTweets on every start (503 NOT_READY until caught up),
  // holding at most SEARCH_MAX_TWEETS of the most recent tweets.
  const search = new LogSearchIndex({
    kafka: createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID ?? 'chirp-api'}-search`, logger }),
    topic: topicNames(config.TOPIC_PREFIX).newTweets,
    deletesTopic: topicNames(config.TOPIC_PREFIX).tweetDeletes,
    logger,
    maxTweets: config.SEARCH_MAX_TWEETS,
  });
  void search.start();
  const forYou = new ForYou({ redis, keys, tweets, recencyHalfLifeMs: analyticsConfig.FOR_YOU_RECENCY_HALF_LIFE_HOURS * 3600_000 });

  let kafkaCheck: { at: number; ok: Promise<boolean> } | undefined;
  const app = createApp({
    tweets,
    home,
    graph: new GraphStore(redis, keys, config.TIMELINE_CAP),
    social: new SocialStore(redis, keys, { cap: config.TIMELINE_CAP }),
    accounts,
    keys,
    auth: {
      sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000,
      signInMaxFailures: config.SIGNIN_MAX_FAILURES,
      signInWindowMs: config.SIGNIN_WINDOW_SECONDS * 1000,
      signUpTimeoutMs: config.SIGNUP_TIMEOUT_MS,
      trustProxy: trustProxySetting(config.TRUST_PROXY),
    },
    publish: publisher,
    live,
    registry,
    logger,
    webDist: config.WEB_DIST,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    monitorUrl: config.MONITOR_URL,
    gatewayUrl: config.GATEWAY_URL,
    processStatusFile: config.STACK_STATUS_FILE,
    analytics: { forYou, reads: analytics },
    relations: new RelationStore(redis, keys),
    notifications: new NotificationStore(redis, keys, config.NOTIFICATIONS_CAP),
    search,
    health: {
      // Cached for a second so a probe storm does not become a broker storm.
      kafka: () => {
        if (!kafkaCheck || Date.now() - kafkaCheck.at > 1000) kafkaCheck = { at: Date.now(), ok: brokerReachable(kafka) };
        return kafkaCheck.ok;
      },
      redis: async () =>
        redis.status === 'ready' &&
        (await redis.ping().then(
          (p) => p === 'PONG',
          () => false,
        )),
    },
  });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.API_PORT, resolve);
  });
  logger.info({ port: (server.address() as AddressInfo).port }, 'api listening');
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= closeAll(logger, [
        [
          'http',
          () =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ],
        ['live', () => live.close()],
        ['analytics', () => analytics.close()],
        ['search', () => search.close()],
        ['accounts', () => applier.close()],
        ['kafka', () => publisher.close()],
        ['redis', () => closeRedis(redis)],
      ]);
      return closing;
    },
  };
});
