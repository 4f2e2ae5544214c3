import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureInfra } from '@chirp/stack/infra';

declare module 'vitest' {
  export interface ProvidedContext {
    brokers: string;
    redisUrl: string;
    /** Set by cluster-global-setup.ts (the cluster topology): REDIS_CLUSTER_NODES of the suites. */
    redisClusterNodes?: string;
  }
}

/**
 * Reuses the Kafka and Redis of a running `npm start` (or KAFKA_BROKERS / REDIS_URL), else starts
 * both in a temporary folder and removes it after the run. Tests isolate themselves by prefixes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'chirp-test-'));
  const infra = await ensureInfra({ stateDir: dir, logDir: join(dir, 'logs'), log: (l) => console.log(l) });
  project.provide('brokers', infra.brokers);
  project.provide('redisUrl', infra.redisUrl);
  return async () => {
    await infra.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
