import { Counter, Histogram, type Registry } from '@chirp/telemetry';

export interface FanoutMetrics {
  size: Histogram<'mode'>;
  duration: Histogram<'mode'>;
  chunks: Counter<'outcome'>;
  timelines: Counter<never>;
}

export function fanoutMetrics(registry: Registry): FanoutMetrics {
  return {
    size: new Histogram({
      name: 'chirp_fanout_followers',
      help: 'Followers of a tweet author at fan-out time, by mode (inline, chunked, pulled)',
      labelNames: ['mode'],
      buckets: [0, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'chirp_fanout_duration_seconds',
      help: 'Time from planning a fan-out to its last chunk applied',
      labelNames: ['mode'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    chunks: new Counter({
      name: 'chirp_fanout_chunks_total',
      help: 'Fan-out chunks by outcome (applied, duplicate)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    timelines: new Counter({ name: 'chirp_fanout_timelines_total', help: 'Timeline pushes applied', registers: [registry] }),
  };
}
