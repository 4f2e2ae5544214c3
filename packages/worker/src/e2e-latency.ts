import { e2eLatency, type Registry, type Stage } from '@chirp/telemetry';

/**
 * Records how long a tweet (or click) took from its creation to `stage`: the article's lag metric,
 * observed the same way by every worker. A timestamp in the future (clock skew) counts as 0.
 */
export function e2eObserver(registry: Registry, stage: Stage, now: () => number = Date.now): (createdAt: string) => void {
  const histogram = e2eLatency(registry);
  return (createdAt) => histogram.observe({ stage }, Math.max(0, now() - Date.parse(createdAt)) / 1000);
}
