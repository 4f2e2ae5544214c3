import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { checkRedis } from './prereqs.ts';
import { spawnManaged, type Managed } from './process.ts';
import { waitFor } from './wait.ts';

export interface RedisServerOptions {
  dataDir: string;
  logFile: string;
  port: number;
  /** More redis-server flags (a cluster node's `--cluster-enabled yes`, …). */
  extraArgs?: string[];
  name?: string;
}

/** redis-server from PATH on its own port with its own data dir and AOF on. */
export async function startRedis(o: RedisServerOptions): Promise<Managed> {
  checkRedis();
  mkdirSync(o.dataDir, { recursive: true });
  const proc = spawnManaged({
    name: o.name ?? 'redis',
    cmd: 'redis-server',
    args: [
      '--port',
      String(o.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      o.dataDir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      ...(o.extraArgs ?? []),
    ],
    logFile: o.logFile,
    stopTimeoutMs: 10_000,
  });
  const url = `redis://127.0.0.1:${o.port}`;
  await waitFor(
    async () => {
      if (proc.exited) throw new Error(`redis-server exited (code ${proc.exitCode}); see ${o.logFile}`);
      return redisReady(url);
    },
    `Redis on 127.0.0.1:${o.port}`,
    20_000,
    100,
  );
  return proc;
}

export async function redisReady(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
