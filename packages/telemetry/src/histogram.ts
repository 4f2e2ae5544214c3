import type { Sample } from './prom-text.ts';

/** One cumulative histogram bucket: observations ≤ `le` (the last one is +Inf, the total). */
export interface Bucket {
  le: number;
  count: number;
}

function sorted(buckets: Iterable<Bucket>): Bucket[] {
  return [...buckets].sort((a, b) => a.le - b.le);
}

/**
 * The buckets of histogram `metric` per value of `label` (e.g. stage), summed over every other
 * label (service, instance): Prometheus' `sum by (label, le)`.
 */
export function bucketsBy(samples: readonly Sample[], metric: string, label: string): Map<string, Bucket[]> {
  const sums = new Map<string, Map<number, number>>();
  for (const s of samples) {
    if (s.name !== `${metric}_bucket`) continue;
    const key = s.labels[label];
    const le = s.labels.le === undefined ? NaN : s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    if (key === undefined || Number.isNaN(le)) continue;
    let byLe = sums.get(key);
    if (!byLe) sums.set(key, (byLe = new Map()));
    byLe.set(le, (byLe.get(le) ?? 0) + s.value);
  }
  return new Map([...sums].map(([key, byLe]) => [key, sorted([...byLe].map(([le, count]) => ({ le, count })))]));
}

/**
 * Observations between two scrapes of the same histogram. A bucket that went down, or a changed
 * layout, means the process restarted: everything it counted since is new.
 */
export function bucketDelta(current: readonly Bucket[], previous: readonly Bucket[] | undefined): Bucket[] {
  if (!previous) return current.map((b) => ({ ...b }));
  const before = new Map(previous.map((b) => [b.le, b.count]));
  const reset = current.length !== previous.length || current.some((b) => before.get(b.le) === undefined || b.count < (before.get(b.le) ?? 0));
  return reset ? current.map((b) => ({ ...b })) : current.map((b) => ({ le: b.le, count: b.count - (before.get(b.le) ?? 0) }));
}

/** Bucket-wise sum of several histograms (of different processes). */
export function sumBuckets(histograms: Iterable<readonly Bucket[]>): Bucket[] {
  const byLe = new Map<number, number>();
  for (const h of histograms) for (const b of h) byLe.set(b.le, (byLe.get(b.le) ?? 0) + b.count);
  return sorted([...byLe].map(([le, count]) => ({ le, count })));
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of a cumulative histogram, as Prometheus' histogram_quantile
 * estimates it: linear interpolation inside the bucket holding the rank, the first bucket starting
 * at 0, and a rank in the +Inf bucket answered with the highest finite bound. Null when the
 * histogram holds no observation (or has no +Inf bucket to count them).
 */
export function bucketQuantile(q: number, histogram: readonly Bucket[]): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within [0, 1], got ${q}`);
  const buckets = sorted(histogram);
  const last = buckets[buckets.length - 1];
  if (!last || last.le !== Infinity || buckets.length < 2) return null;
  // Counts scraped at slightly different moments can dip; a cumulative histogram never does.
  let running = 0;
  const counts = buckets.map((b) => (running = Math.max(running, b.count)));
  const total = counts[counts.length - 1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  const index = counts.findIndex((c) => c >= rank);
  if (index === buckets.length - 1) return buckets[buckets.length - 2]?.le ?? null;
  const upper = buckets[index]?.le ?? 0;
  if (index === 0 && upper <= 0) return upper;
  const lower = index === 0 ? 0 : (buckets[index - 1]?.le ?? 0);
  const countBefore = index === 0 ? 0 : (counts[index - 1] ?? 0);
  const inBucket = (counts[index] ?? 0) - countBefore;
  if (inBucket <= 0) return lower;
  return lower + (upper - lower) * ((rank - countBefore) / inBucket);
}
