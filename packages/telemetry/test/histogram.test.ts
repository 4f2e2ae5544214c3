import { describe, expect, it } from 'vitest';
import { bucketDelta, bucketQuantile, bucketsBy, sumBuckets, type Bucket } from '../src/histogram.ts';
import { parseSamples } from '../src/prom-text.ts';

const h = (...pairs: [number, number][]): Bucket[] => pairs.map(([le, count]) => ({ le, count }));

describe('bucketQuantile', () => {
  it('interpolates linearly inside the bucket that holds the rank', () => {
    // 100 observations, all in (0.25, 0.5]
    const buckets = h([0.1, 0], [0.25, 0], [0.5, 100], [1, 100], [Infinity, 100]);
    expect(bucketQuantile(0.5, buckets)).toBeCloseTo(0.375, 10);
    expect(bucketQuantile(0.99, buckets)).toBeCloseTo(0.4975, 10);
  });

  it('starts the first bucket at zero', () => {
    expect(bucketQuantile(0.5, h([1, 10], [Infinity, 10]))).toBeCloseTo(0.5, 10);
  });

  it('matches Prometheus on a spread histogram', () => {
    // 10 ≤ 0.1, 40 ≤ 0.5, 50 ≤ 1, 50 total: p50 rank 25 lies in (0.1, 0.5]: 0.1 + 0.4 × 15/30
    const buckets = h([0.1, 10], [0.5, 40], [1, 50], [Infinity, 50]);
    expect(bucketQuantile(0.5, buckets)).toBeCloseTo(0.3, 10);
    // p99 rank 49.5 lies in (0.5, 1]: 0.5 + 0.5 × 9.5/10
    expect(bucketQuantile(0.99, buckets)).toBeCloseTo(0.975, 10);
  });

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(bucketQuantile(0.99, h([0.1, 1], [5, 1], [Infinity, 10]))).toBe(5);
  });

  it('is null without observations or without a +Inf bucket', () => {
    expect(bucketQuantile(0.5, h([0.1, 0], [Infinity, 0]))).toBeNull();
    expect(bucketQuantile(0.5, h([0.1, 3], [1, 3]))).toBeNull();
    expect(bucketQuantile(0.5, [])).toBeNull();
  });

  it('accepts buckets in any order and mends non-monotonic counts', () => {
    expect(bucketQuantile(0.5, h([Infinity, 10], [1, 10], [0.5, 0]))).toBeCloseTo(0.75, 10);
    expect(bucketQuantile(0.5, h([0.5, 10], [1, 9], [Infinity, 10]))).toBeCloseTo(0.25, 10);
  });

  it('rejects a quantile outside [0, 1]', () => {
    expect(() => bucketQuantile(1.5, h([1, 1], [Infinity, 1]))).toThrow(RangeError);
  });
});

describe('bucketDelta', () => {
  it('is the growth of every bucket since the previous scrape', () => {
    expect(bucketDelta(h([0.1, 5], [Infinity, 12]), h([0.1, 2], [Infinity, 4]))).toEqual(h([0.1, 3], [Infinity, 8]));
  });

  it('takes the current counts whole after a restart (a counter went down)', () => {
    expect(bucketDelta(h([0.1, 1], [Infinity, 2]), h([0.1, 2], [Infinity, 40]))).toEqual(h([0.1, 1], [Infinity, 2]));
  });

  it('takes the current counts whole when there was no previous scrape of that series', () => {
    expect(bucketDelta(h([0.1, 1], [Infinity, 2]), undefined)).toEqual(h([0.1, 1], [Infinity, 2]));
  });
});

describe('sumBuckets and bucketsBy', () => {
  it('adds histograms of several processes bucket by bucket', () => {
    expect(sumBuckets([h([0.1, 1], [Infinity, 2]), h([0.1, 3], [Infinity, 5])])).toEqual(h([0.1, 4], [Infinity, 7]));
    expect(sumBuckets([])).toEqual([]);
  });

  it('groups a scraped histogram by a label, summing the others', () => {
    const samples = parseSamples(
      [
        'chirp_e2e_latency_seconds_bucket{le="0.5",stage="saved",service="saver"} 2',
        'chirp_e2e_latency_seconds_bucket{le="+Inf",stage="saved",service="saver"} 3',
        'chirp_e2e_latency_seconds_bucket{le="0.5",stage="saved",service="other"} 1',
        'chirp_e2e_latency_seconds_bucket{le="+Inf",stage="saved",service="other"} 1',
        'chirp_e2e_latency_seconds_bucket{le="+Inf",stage="tagged",service="tagger"} 7',
        'chirp_e2e_latency_seconds_count{stage="saved",service="saver"} 3',
      ].join('\n'),
    );
    const byStage = bucketsBy(samples, 'chirp_e2e_latency_seconds', 'stage');
    expect(byStage.get('saved')).toEqual(h([0.5, 3], [Infinity, 4]));
    expect(byStage.get('tagged')).toEqual(h([Infinity, 7]));
    expect([...byStage.keys()].sort()).toEqual(['saved', 'tagged']);
  });
});
