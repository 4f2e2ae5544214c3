import { describe, it, expect } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../src/provider-retry-policy.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds, fractional seconds and milliseconds', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '1' }), now)).toBe(1_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3_000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }), now)).toBe(0);
  });

  it('gives null when absent or unusable', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter(new Headers(), now)).toBeNull();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(parseRetryAfter(new Headers({ 'retry-after': '-3' }), now)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  const c = (retryAfterMs: number | null) => ({ outcome: 'server_error' as const, status: 503, retryReason: 'server_error' as const, retryAfterMs });
  it("takes the server's Retry-After when given", () => {
    expect(retryDelayMs(c(1234), 1, 100, 10_000, () => 0)).toBe(1234);
  });
  it('otherwise the shared backoff: doubles per retry with equal jitter, capped', () => {
    expect(retryDelayMs(c(null), 1, 100, 10_000, () => 0)).toBe(50);
    expect(retryDelayMs(c(null), 1, 100, 10_000, () => 1)).toBe(100);
    expect(retryDelayMs(c(null), 4, 100, 10_000, () => 0)).toBe(400);
    expect(retryDelayMs(c(null), 4, 100, 10_000, () => 1)).toBe(800);
    expect(retryDelayMs(c(null), 21, 100, 2_000, () => 1)).toBe(2_000);
  });
});
