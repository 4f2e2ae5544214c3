import type { BreakerState } from './events.ts';
import { resolveBreakerOptions, type CircuitBreakerOptions } from './options.ts';

/** `call` is an ordinary call while closed; `probe` is the single trial call let through half-open. */
export type BreakerPermit = 'call' | 'probe';

export interface CircuitBreaker {
  /** The current state; an open breaker whose cooldown has passed reads as half-open. */
  state(): BreakerState;
  /** Permission to call the provider now, or null to go elsewhere. */
  tryAcquire(): BreakerPermit | null;
  onSuccess(permit: BreakerPermit): void;
  onFailure(permit: BreakerPermit): void;
}

/**
 * closed → open after `failureThreshold` failures in a row, or when the failure rate over the last
 * `windowSize` calls reaches `failureRateThreshold` (once `minimumCalls` are in); open → half-open
 * after `cooldownMs`, which lets one probe through; the probe's success closes it, its failure
 * opens it again for another cooldown. No timers: time comes from `now`, so tests inject a clock.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const opts = resolveBreakerOptions(options);
  let current: BreakerState = 'closed';
  let openedAt = 0;
  let consecutive = 0;
  const window: boolean[] = []; // true = failure, most recent last
  let probeStartedAt: number | null = null;

  const move = (to: BreakerState): void => {
    const from = current;
    if (from === to) return;
    current = to;
    if (to === 'open') openedAt = opts.now();
    if (to !== 'half-open') probeStartedAt = null;
    if (to === 'closed') {
      consecutive = 0;
      window.length = 0;
    }
    opts.onStateChange(from, to);
  };

  const state = (): BreakerState => {
    if (current === 'open' && opts.now() - openedAt >= opts.cooldownMs) move('half-open');
    return current;
  };

  return {
    state,
    tryAcquire(): BreakerPermit | null {
      const s = state();
      if (s === 'closed') return 'call';
      if (s === 'open') return null;
      // A probe whose answer never came back (a lost promise) must not wedge the breaker half-open.
      if (probeStartedAt !== null && opts.now() - probeStartedAt < opts.cooldownMs) return null;
      probeStartedAt = opts.now();
      return 'probe';
    },
    onSuccess(permit: BreakerPermit): void {
      if (permit === 'probe') {
        if (current === 'half-open') move('closed');
        return;
      }
      // Stragglers that were let through before the breaker opened do not vote.
      if (current !== 'closed') return;
      consecutive = 0;
      window.push(false);
      if (window.length > opts.windowSize) window.shift();
    },
    onFailure(permit: BreakerPermit): void {
      if (permit === 'probe') {
        if (current === 'half-open') move('open');
        return;
      }
      if (current !== 'closed') return;
      consecutive++;
      window.push(true);
      if (window.length > opts.windowSize) window.shift();
      const failures = window.reduce((n, failed) => n + (failed ? 1 : 0), 0);
      const rateTripped = window.length >= opts.minimumCalls && failures / window.length >= opts.failureRateThreshold;
      if (consecutive >= opts.failureThreshold || rateTripped) move('open');
    },
  };
}
