import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceProcess } from '@chirp/testkit';

/** The Kafka workers behind the web app; the monitor and the API start after them. */
export const WORKERS = ['saver', 'fanout', 'graph', 'tagger'] as const;

/** How often the monitor reads lag in tests: fast, so the pipeline page is never a whole refresh behind. */
const TEST_MONITOR_INTERVAL_MS = 500;

export interface ServiceStarter {
  /** Runs `services/<name>/src/main.ts` with this stack's prefixes plus `extra`, and stops it at cleanup. */
  startService(name: string, extra?: NodeJS.ProcessEnv): Promise<ServiceProcess>;
}

export interface StackOptions {
  /**
   * The monitor's read interval. Latency percentiles cover one interval, so a short one suits tests
   * (lag settles fast) and the default 5 s suits screenshots (the window still holds samples).
   */
  monitorIntervalMs?: number;
  /** The workers to start; default WORKERS (the processors page's tests add analytics, issue 18's suite adds `notify`). */
  workers?: readonly string[];
}

export interface Stack {
  /** Where the API listens and serves the built web app. */
  url: string;
  api: ServiceProcess;
  monitor: ServiceProcess;
  workers: ServiceProcess[];
}

/** The built web app the API serves; fails with the fix when it was never built. */
export function webDist(): string {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${join(dist, 'index.html')} is missing: run npm test, which builds it (or \`npx vite build\` in web/)`);
  }
  return dist;
}

/**
 * Every process the browser needs, as `npm start` runs them: the workers first (their metrics
 * ports feed the monitor's latency scrape), then the monitor (its port is the API's MONITOR_URL),
 * then the API serving web/dist.
 */
export async function startStack(starter: ServiceStarter, options: StackOptions = {}): Promise<Stack> {
  const dist = webDist();
  const workers = await Promise.all(
    // The local tagger always: an OPENAI_API_KEY in the caller's shell must not make tests call out.
    (options.workers ?? WORKERS).map((name) => starter.startService(name, name === 'tagger' ? { TAGGER_PROVIDER: 'local' } : {})),
  );
  const monitor = await starter.startService('monitor', {
    MONITOR_INTERVAL_MS: String(options.monitorIntervalMs ?? TEST_MONITOR_INTERVAL_MS),
    MONITOR_SCRAPE_TARGETS: workers.map((w) => `http://127.0.0.1:${w.port}/metrics`).join(','),
  });
  const api = await starter.startService('api', { WEB_DIST: dist, MONITOR_URL: `http://127.0.0.1:${monitor.port}` });
  return { url: `http://127.0.0.1:${api.port}`, api, monitor, workers };
}
