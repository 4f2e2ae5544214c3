import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** Every process of the system, as the local stack and docker-compose.yml run them. */
export interface ServiceSpec {
  name: string;
  entry: string;
  /** Port of /metrics (the API serves it on its own port). */
  metricsPort: number;
}

export const SERVICES: ServiceSpec[] = [
  { name: 'saver', entry: 'services/saver/src/main.ts', metricsPort: 9101 },
  { name: 'fanout', entry: 'services/fanout/src/main.ts', metricsPort: 9102 },
  { name: 'tagger', entry: 'services/tagger/src/main.ts', metricsPort: 9103 },
  { name: 'analytics', entry: 'services/analytics/src/main.ts', metricsPort: 9104 },
  { name: 'graph', entry: 'services/graph/src/main.ts', metricsPort: 9105 },
  { name: 'notify', entry: 'services/notify/src/main.ts', metricsPort: 9110 },
  { name: 'monitor', entry: 'services/monitor/src/main.ts', metricsPort: 9308 },
  // Health port; its gRPC port is GATEWAY_PORT (6565).
  { name: 'gateway', entry: 'services/gateway/src/main.ts', metricsPort: 9106 },
  { name: 'api', entry: 'services/api/src/main.ts', metricsPort: 3000 },
];

export function entryPath(spec: ServiceSpec): string {
  return join(ROOT, spec.entry);
}

/** `npm start` runs the compiled workers (stack/build-workers.ts), git-ignored, rebuilt when stale. */
export const WORKERS_BUILD_DIR = join(ROOT, '.build', 'workers');

export function compiledEntryPath(spec: ServiceSpec): string {
  return join(WORKERS_BUILD_DIR, `${spec.name}.mjs`);
}
