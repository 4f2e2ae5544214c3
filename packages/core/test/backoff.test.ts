import { describe, expect, it } from 'vitest';
import { backoffMs } from '../src/backoff.ts';

describe('backoffMs (the project one backoff)', () => {
  it('doubles per attempt with equal jitter (the upper half), capped', () => {
    expect(backoffMs(1, { baseMs: 100, random: () => 0 })).toBe(50);
    expect(backoffMs(1, { baseMs: 100, random: () => 1 })).toBe(100);
    expect(backoffMs(4, { baseMs: 100, random: () => 0 })).toBe(400);
    expect(backoffMs(30, { baseMs: 100, capMs: 2000, random: () => 1 })).toBe(2000);
    expect(backoffMs(30, { baseMs: 100, capMs: 2000, random: () => 0 })).toBe(1000);
  });
});
