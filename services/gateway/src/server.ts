import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { Kafka } from 'kafkajs';
import { AccountStore, GatewayPositionStore, type ChirpRedis, type Keys } from '@chirp/store';
import { createProducer } from '@chirp/streams';
import { startMetricsServer, type Logger, type Registry } from '@chirp/telemetry';
import { Authenticator, type TopicRules } from './access.ts';
import { gatewayService } from './gateway-service.ts';
import { gatewayLag } from './lag.ts';
import { gatewayMetrics } from './metrics.ts';
import { serviceDefinition } from './protocol.ts';
import { TopicCatalog } from './topic-catalog.ts';

export interface GatewayOptions {
  kafka: Kafka;
  redis: ChirpRedis;
  keys: Keys;
  /** The topic prefix; the gateway's Kafka groups are `<prefix>gateway.<topic>.<group>`. */
  prefix: string;
  rules: TopicRules;
  gatewayKeys: readonly string[];
  host: string;
  port: number;
  metricsPort: number;
  registry: Registry;
  logger: Logger;
}

export interface Gateway {
  port: number;
  metricsPort: number;
  close(): Promise<void>;
}

/** Wires the gRPC server (LiiklusService) and the health port (/metrics, /lag.json, /healthz, /readyz). */
export async function startGateway(o: GatewayOptions): Promise<Gateway> {
  const producer = createProducer(o.kafka);
  await producer.connect();
  const catalog = new TopicCatalog(o.kafka);
  const positions = new GatewayPositionStore(o.redis, o.keys);
  const metrics = gatewayMetrics(o.registry);
  const service = gatewayService({
    kafka: o.kafka,
    producer,
    catalog,
    positions,
    auth: new Authenticator(o.gatewayKeys, new AccountStore(o.redis, o.keys)),
    rules: o.rules,
    groupPrefix: o.prefix,
    metrics,
    logger: o.logger,
  });
  const server = new Server({ 'grpc.max_receive_message_length': 2 * 1024 * 1024 });
  server.addService(serviceDefinition(), service.implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${o.host}:${o.port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const health = await startMetricsServer({
    registry: o.registry,
    port: o.metricsPort,
    ready: async () => o.redis.status === 'ready',
    routes: {
      '/lag.json': async () => {
        try {
          return { status: 200, body: { groups: await gatewayLag(positions, catalog) } };
        } catch {
          return { status: 503, body: { error: 'Kafka or Redis is unavailable' } };
        }
      },
    },
  });
  let closing: Promise<void> | undefined;
  return {
    port,
    metricsPort: health.port,
    close() {
      closing ??= (async () => {
        await service.closeAll();
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            server.forceShutdown();
            resolve();
          }, 5000);
          server.tryShutdown(() => {
            clearTimeout(force);
            resolve();
          });
        });
        await Promise.allSettled([producer.disconnect(), catalog.close(), health.close()]);
      })();
      return closing;
    },
  };
}
