import { describe, expect, it } from 'vitest';
import { createRegistry, parseSamples } from '@chirp/telemetry';
import { e2eObserver } from '../src/e2e-latency.ts';

async function observations(registry: ReturnType<typeof createRegistry>, stage: string): Promise<{ count: number; sum: number }> {
  const samples = parseSamples(await registry.metrics());
  const of = (name: string): number => samples.find((s) => s.name === name && s.labels.stage === stage)?.value ?? 0;
  return { count: of('chirp_e2e_latency_seconds_count'), sum: of('chirp_e2e_latency_seconds_sum') };
}

describe('e2eObserver', () => {
  it('observes the seconds since creation under its stage, and a creation time in the future as 0', async () => {
    const registry = createRegistry('test');
    const now = Date.parse('2026-12-01T12:00:10Z');
    const saved = e2eObserver(registry, 'saved', () => now);
    saved('2026-12-01T12:00:07.500Z');
    saved('2026-12-01T12:00:20Z'); // clock skew: counts, as 0
    expect(await observations(registry, 'saved')).toEqual({ count: 2, sum: 2.5 });
    // A second observer on the same registry shares the one histogram (each worker registers it once).
    e2eObserver(registry, 'tagged', () => now)('2026-12-01T12:00:09Z');
    expect(await observations(registry, 'tagged')).toEqual({ count: 1, sum: 1 });
  });
});
