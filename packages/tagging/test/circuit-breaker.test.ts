import { describe, it, expect } from 'vitest';
import { createCircuitBreaker, type BreakerState, type CircuitBreakerOptions } from '../src/index.ts';

function setup(options: CircuitBreakerOptions = {}) {
  const clock = { t: 1_000 };
  const changes: Array<[BreakerState, BreakerState]> = [];
  const breaker = createCircuitBreaker({
    failureThreshold: 3,
    cooldownMs: 10_000,
    now: () => clock.t,
    onStateChange: (from, to) => changes.push([from, to]),
    ...options,
  });
  return { breaker, clock, changes };
}

describe('circuit breaker', () => {
  it('starts closed and lets calls through', () => {
    const { breaker } = setup();
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe('call');
  });

  it('opens after N consecutive failures and then refuses calls', () => {
    const { breaker, changes } = setup();
    breaker.onFailure('call');
    breaker.onFailure('call');
    expect(breaker.state()).toBe('closed');
    breaker.onFailure('call');
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBeNull();
    expect(changes).toEqual([['closed', 'open']]);
  });

  it('a success resets the run of failures', () => {
    const { breaker } = setup();
    breaker.onFailure('call');
    breaker.onFailure('call');
    breaker.onSuccess('call');
    breaker.onFailure('call');
    breaker.onFailure('call');
    expect(breaker.state()).toBe('closed');
  });

  it('opens on the failure rate once the window holds enough calls', () => {
    const { breaker } = setup({ failureThreshold: 100, failureRateThreshold: 0.5, minimumCalls: 6, windowSize: 10 });
    // Alternating never makes a run of failures, but half of all calls fail.
    for (let i = 0; i < 5; i++) {
      breaker.onSuccess('call');
      if (i < 2) breaker.onFailure('call');
    }
    expect(breaker.state()).toBe('closed'); // 7 calls, 2 failures
    breaker.onFailure('call');
    breaker.onFailure('call');
    expect(breaker.state()).toBe('closed'); // 9 calls, 4 failures: 0.44
    breaker.onFailure('call');
    expect(breaker.state()).toBe('open'); // 10 calls, 5 failures: 0.5
  });

  it('turns half-open after the cooldown and lets exactly one probe through', () => {
    const { breaker, clock, changes } = setup();
    for (let i = 0; i < 3; i++) breaker.onFailure('call');
    clock.t += 9_999;
    expect(breaker.tryAcquire()).toBeNull();
    expect(breaker.state()).toBe('open');
    clock.t += 1;
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe('probe');
    expect(breaker.tryAcquire()).toBeNull();
    expect(changes).toEqual([
      ['closed', 'open'],
      ['open', 'half-open'],
    ]);
  });

  it('closes when the probe succeeds', () => {
    const { breaker, clock, changes } = setup();
    for (let i = 0; i < 3; i++) breaker.onFailure('call');
    clock.t += 10_000;
    const permit = breaker.tryAcquire();
    expect(permit).toBe('probe');
    breaker.onSuccess(permit!);
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe('call');
    expect(changes.at(-1)).toEqual(['half-open', 'closed']);
    // The failure count started over: two failures do not reopen it.
    breaker.onFailure('call');
    breaker.onFailure('call');
    expect(breaker.state()).toBe('closed');
  });

  it('reopens for a fresh cooldown when the probe fails', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) breaker.onFailure('call');
    clock.t += 10_000;
    breaker.onFailure(breaker.tryAcquire()!);
    expect(breaker.state()).toBe('open');
    clock.t += 9_000;
    expect(breaker.tryAcquire()).toBeNull();
    clock.t += 1_000;
    expect(breaker.tryAcquire()).toBe('probe');
  });

  it('ignores late results of calls let through before it opened', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) breaker.onFailure('call');
    breaker.onSuccess('call');
    expect(breaker.state()).toBe('open');
    clock.t += 10_000;
    breaker.tryAcquire();
    breaker.onSuccess('call'); // a straggler, not the probe
    expect(breaker.state()).toBe('half-open');
  });

  it('allows a new probe when the previous one never reported back', () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) breaker.onFailure('call');
    clock.t += 10_000;
    expect(breaker.tryAcquire()).toBe('probe');
    clock.t += 5_000;
    expect(breaker.tryAcquire()).toBeNull();
    clock.t += 5_000;
    expect(breaker.tryAcquire()).toBe('probe');
  });

  it('rejects bad options naming the field', () => {
    expect(() => createCircuitBreaker({ failureThreshold: 0 })).toThrow(/failureThreshold/);
    expect(() => createCircuitBreaker({ failureRateThreshold: 1.5 })).toThrow(/failureRateThreshold/);
    expect(() => createCircuitBreaker({ minimumCalls: 30, windowSize: 10 })).toThrow(/minimumCalls/);
  });
});
