import { describe, expect, it } from 'vitest';
import { timelineOrder } from '../lib/invariants.ts';

describe("the chaos checker's timeline order", () => {
  it('puts newer first and, within one millisecond, the greater id first, as timeline-entry.lua does', () => {
    const at = '2026-12-01T21:00:00.123Z';
    const older = { id: 'zzz', createdAt: '2026-12-01T21:00:00.122Z' };
    const a = { id: 'Vhssgb', createdAt: at };
    const b = { id: '2bh1TY', createdAt: at }; // '2' < 'V' in bytes: after a
    expect([older, b, a].sort(timelineOrder)).toEqual([a, b, older]);
    // The cap cut between a and b leaves b beyond it, although it shares a's millisecond.
    expect(timelineOrder(b, a)).toBeGreaterThan(0);
    expect(timelineOrder(a, a)).toBe(0);
  });
});
