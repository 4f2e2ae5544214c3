import { join } from 'node:path';
import { brokerReady, startBroker } from './kafka-broker.ts';
import { LOG_DIR, STATE_DIR } from './paths.ts';
import type { Managed } from './process.ts';
import { redisReady, startRedis } from './redis-server.ts';

export const LOCAL_KAFKA_PORT = Number(process.env.STACK_KAFKA_PORT ?? 19092);
export const LOCAL_REDIS_PORT = Number(process.env.STACK_REDIS_PORT ?? 16379);

export interface Infra {
  brokers: string;
  redisUrl: string;
  /** What this call started (empty when everything was reused). */
  started: Managed[];
  stop(): Promise<void>;
}

export interface InfraOptions {
  stateDir?: string;
  logDir?: string;
  log?: (line: string) => void;
}

/**
 * Kafka and Redis for the stack and the tests: the cluster at KAFKA_BROKERS / the server at
 * REDIS_URL when set; else a local one already answering on the stack's ports (a running
 * `npm start`) is reused; else one is started here and stopped by `stop()`.
 */
export async function ensureInfra(options: InfraOptions = {}): Promise<Infra> {
  const log = options.log ?? ((l: string) => console.log(l));
  const stateDir = options.stateDir ?? STATE_DIR;
  const logDir = options.logDir ?? LOG_DIR;
  const started: Managed[] = [];
  const stopAll = async (): Promise<void> => {
    for (const p of [...started].reverse()) await p.stop();
  };
  try {
    let brokers = process.env.KAFKA_BROKERS;
    if (brokers) {
      if (!(await brokerReady(brokers)))
        throw new Error(`KAFKA_BROKERS=${brokers} does not answer; start that cluster or unset KAFKA_BROKERS to run a local one`);
      log(`› Kafka: using ${brokers}`);
    } else {
      brokers = `127.0.0.1:${LOCAL_KAFKA_PORT}`;
      if (await brokerReady(brokers)) log(`› Kafka: reusing the broker on ${brokers}`);
      else {
        log(`› Kafka: starting a KRaft broker on ${brokers}…`);
        const t0 = Date.now();
        started.push(
          await startBroker(
            { dataDir: join(stateDir, 'kafka'), logFile: join(logDir, 'kafka.log'), port: LOCAL_KAFKA_PORT, controllerPort: LOCAL_KAFKA_PORT + 1 },
            log,
          ),
        );
        log(`› Kafka: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
    let redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      if (!(await redisReady(redisUrl))) throw new Error(`REDIS_URL=${redisUrl} does not answer PING; start it or unset REDIS_URL to run a local one`);
      log(`› Redis: using ${redisUrl}`);
    } else {
      redisUrl = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
      if (await redisReady(redisUrl)) log(`› Redis: reusing the server at ${redisUrl}`);
      else {
        log(`› Redis: starting redis-server on ${redisUrl} (AOF on)…`);
        started.push(await startRedis({ dataDir: join(stateDir, 'redis'), logFile: join(logDir, 'redis.log'), port: LOCAL_REDIS_PORT }));
      }
    }
    return { brokers, redisUrl, started, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
