import { loadConfig } from '@chirp/core';
import { closeRedis, createKeys, createRedis } from '@chirp/store';
import { createKafka } from '@chirp/streams';
import { closeAll, createLogger, createRegistry, redisErrors, runMain } from '@chirp/telemetry';
import { topicRules } from './access.ts';
import { DEFAULT_METRICS_PORT, GATEWAY_ENV } from './config.ts';
import { startGateway } from './server.ts';

const config = loadConfig(GATEWAY_ENV);
const logger = createLogger('gateway', config.LOG_LEVEL);

await runMain(logger, async () => {
  const registry = createRegistry('gateway');
  const redisErr = redisErrors(registry);
  const redis = createRedis({
    url: config.REDIS_URL,
    clusterNodes: config.REDIS_CLUSTER_NODES,
    name: 'chirp-gateway',
    onError: (error) => {
      redisErr.inc({ kind: (error as NodeJS.ErrnoException).code ?? 'error' });
      logger.warn({ err: error }, 'redis error');
    },
  });
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'chirp-gateway', logger });
  const rules = topicRules(config.TOPIC_PREFIX, config.GATEWAY_SUBSCRIBE_TOPICS, config.GATEWAY_PUBLISH_TOPICS);
  for (const d of rules.dropped) logger.warn(d, 'configured topic refused');
  const gateway = await startGateway({
    kafka,
    redis,
    keys: createKeys(config.REDIS_PREFIX, { hashTags: config.REDIS_CLUSTER_NODES !== undefined }),
    prefix: config.TOPIC_PREFIX,
    rules,
    gatewayKeys: config.GATEWAY_KEYS,
    host: config.GATEWAY_HOST,
    port: config.GATEWAY_PORT,
    metricsPort: config.METRICS_PORT ?? DEFAULT_METRICS_PORT,
    registry,
    logger,
  });
  // The keys themselves are never logged, only how many there are.
  logger.info(
    {
      port: gateway.port,
      metricsPort: gateway.metricsPort,
      subscribe: [...rules.subscribe],
      publish: [...rules.publish],
      gatewayKeys: config.GATEWAY_KEYS.length,
    },
    'gateway started',
  );
  return {
    close: () =>
      closeAll(logger, [
        ['gateway', () => gateway.close()],
        ['redis', () => closeRedis(redis)],
      ]),
  };
});
