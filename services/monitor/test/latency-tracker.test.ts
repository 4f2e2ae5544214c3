import { describe, expect, it } from 'vitest';
import { LatencyTracker } from '../src/latency-tracker.ts';

/** A /metrics body with one stage's histogram over the given cumulative bucket counts. */
function body(stage: string, counts: Record<string, number>, service = 'saver'): string {
  return Object.entries(counts)
    .map(([le, n]) => `chirp_e2e_latency_seconds_bucket{le="${le}",stage="${stage}",service="${service}"} ${n}`)
    .join('\n');
}

function fakeFetch(bodies: Map<string, () => string | Error>): typeof fetch {
  return (input: string | URL | Request) => {
    const next = bodies.get(input instanceof Request ? input.url : input.toString());
    const b = next?.();
    if (!b || b instanceof Error) return Promise.reject(b instanceof Error ? b : new Error('no such target'));
    return Promise.resolve(new Response(b, { status: 200 }));
  };
}

describe('LatencyTracker', () => {
  it('estimates p50/p99 from the bucket growth since the previous scrape, null when nothing new', async () => {
    let saver = body('saved', { '0.25': 10, '0.5': 10, '+Inf': 10 });
    const fetch = fakeFetch(new Map([['http://saver/metrics', () => saver]]));
    const tracker = new LatencyTracker({ targets: ['http://saver/metrics'], timeoutMs: 1000, fetch });

    expect((await tracker.sample()).latency).toEqual([{ stage: 'saved', p50Seconds: null, p99Seconds: null }]);
    saver = body('saved', { '0.25': 10, '0.5': 110, '+Inf': 110 }); // 100 new, all in (0.25, 0.5]
    const [saved] = (await tracker.sample()).latency;
    expect(saved?.p50Seconds).toBeCloseTo(0.375, 10);
    expect(saved?.p99Seconds).toBeCloseTo(0.4975, 10);
    expect((await tracker.sample()).latency).toEqual([{ stage: 'saved', p50Seconds: null, p99Seconds: null }]);
  });

  it('sums the intervals of every target and lists stages in pipeline order', async () => {
    const scrapes = { saver: 0, fanout: 0 };
    const fetch = fakeFetch(
      new Map([
        ['http://saver/metrics', () => body('saved', { '0.1': 10 * scrapes.saver, '+Inf': 10 * scrapes.saver++ })],
        [
          'http://fanout/metrics',
          () =>
            [
              body('fanned_out', { '1': 0, '2': 10 * scrapes.fanout, '+Inf': 10 * scrapes.fanout }, 'fanout'),
              body('saved', { '0.1': 0, '+Inf': 10 * scrapes.fanout++ }, 'fanout'),
            ].join('\n'),
        ],
      ]),
    );
    const tracker = new LatencyTracker({ targets: ['http://fanout/metrics', 'http://saver/metrics'], timeoutMs: 1000, fetch });
    await tracker.sample();
    const { latency, failures } = await tracker.sample();
    expect(failures).toEqual([]);
    expect(latency.map((l) => l.stage)).toEqual(['saved', 'fanned_out']);
    // saved: 10 new ≤ 0.1 from the saver and 10 new in +Inf from the fanout → p50 at the 0.1 bound
    expect(latency[0]?.p50Seconds).toBeCloseTo(0.1, 10);
    expect(latency[0]?.p99Seconds).toBe(0.1);
    expect(latency[1]?.p50Seconds).toBeCloseTo(1.5, 10);
  });

  it('reports a target that does not answer and keeps its counters for when it is back', async () => {
    let state: 'up' | 'down' = 'up';
    let count = 0;
    const fetch = fakeFetch(
      new Map([['http://t/metrics', () => (state === 'down' ? new Error('ECONNREFUSED') : body('saved', { '1': count, '+Inf': count }))]]),
    );
    const tracker = new LatencyTracker({ targets: ['http://t/metrics'], timeoutMs: 1000, fetch });
    await tracker.sample();
    state = 'down';
    count = 4;
    const down = await tracker.sample();
    expect(down.failures.map((f) => f.target)).toEqual(['http://t/metrics']);
    expect(down.latency).toEqual([{ stage: 'saved', p50Seconds: null, p99Seconds: null }]);
    state = 'up';
    const back = await tracker.sample();
    expect(back.failures).toEqual([]);
    expect(back.latency[0]?.p50Seconds).toBeCloseTo(0.5, 10);
  });

  it('counts a non-2xx answer as a failure', async () => {
    const fetch = (async () => new Response('nope', { status: 500 })) as typeof globalThis.fetch;
    const tracker = new LatencyTracker({ targets: ['http://t/metrics'], timeoutMs: 1000, fetch });
    const { failures, latency } = await tracker.sample();
    expect(String(failures[0]?.error)).toContain('500');
    expect(latency).toEqual([]);
  });
});
