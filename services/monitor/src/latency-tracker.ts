import { bucketDelta, bucketQuantile, bucketsBy, parseSamples, sumBuckets, type Bucket } from '@chirp/telemetry';

export const E2E_METRIC = 'chirp_e2e_latency_seconds';

/** Pipeline order for display; stages not listed here follow, sorted by name. */
const STAGE_ORDER = ['saved', 'fanned_out', 'tagged', 'analysed', 'graph_applied'];

export interface StageLatency {
  stage: string;
  /** Null when the stage had no new observation since the previous scrape. */
  p50Seconds: number | null;
  p99Seconds: number | null;
}

export interface ScrapeFailure {
  target: string;
  error: unknown;
}

export interface LatencySample {
  latency: StageLatency[];
  failures: ScrapeFailure[];
}

export interface LatencyTrackerOptions {
  /** /metrics URLs of the processes that report the histogram. */
  targets: readonly string[];
  /** Per target request bound. */
  timeoutMs: number;
  metric?: string;
  fetch?: typeof fetch;
}

function byPipelineOrder(a: string, b: string): number {
  const ia = STAGE_ORDER.indexOf(a);
  const ib = STAGE_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a.localeCompare(b);
}

/**
 * End-to-end latency per stage over the last interval: scrapes every target's histogram, takes
 * the difference of its bucket counters from the previous scrape of the same target, sums those
 * over targets and estimates p50/p99 from the result. A target that does not answer is left out
 * of this round; its previous counters are kept, so its next answer covers the gap.
 */
export class LatencyTracker {
  private readonly previous = new Map<string, Map<string, Bucket[]>>();
  private readonly seenStages = new Set<string>();
  private readonly metric: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: LatencyTrackerOptions) {
    this.metric = options.metric ?? E2E_METRIC;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async sample(signal?: AbortSignal): Promise<LatencySample> {
    const failures: ScrapeFailure[] = [];
    const windows = new Map<string, Bucket[][]>();
    await Promise.all(
      this.options.targets.map(async (target) => {
        let current: Map<string, Bucket[]>;
        try {
          current = await this.scrape(target, signal);
        } catch (error) {
          failures.push({ target, error });
          return;
        }
        const before = this.previous.get(target);
        this.previous.set(target, current);
        for (const [stage, buckets] of current) {
          this.seenStages.add(stage);
          if (!before) continue; // the first scrape of a target has no interval yet
          let list = windows.get(stage);
          if (!list) windows.set(stage, (list = []));
          list.push(bucketDelta(buckets, before.get(stage)));
        }
      }),
    );
    const latency = [...this.seenStages].sort(byPipelineOrder).map((stage) => {
      const window = sumBuckets(windows.get(stage) ?? []);
      return { stage, p50Seconds: bucketQuantile(0.5, window), p99Seconds: bucketQuantile(0.99, window) };
    });
    return { latency, failures };
  }

  private async scrape(target: string, signal?: AbortSignal): Promise<Map<string, Bucket[]>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const response = await this.fetch(target, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, headers: { accept: 'text/plain' } });
    if (!response.ok) throw new Error(`${target} answered ${response.status}`);
    const bucketName = `${this.metric}_bucket`;
    return bucketsBy(
      parseSamples(await response.text(), (name) => name === bucketName),
      this.metric,
      'stage',
    );
  }
}
