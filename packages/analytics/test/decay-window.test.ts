import { describe, expect, it } from 'vitest';
import { ForwardDecay } from '../src/forward-decay.ts';
import { WindowCounts } from '../src/window-counts.ts';

describe('ForwardDecay', () => {
  const decay = new ForwardDecay({ halfLifeMs: 1000, landmarkMs: 0 });
  it('equals exponential decay read at any time, whatever the order items arrive in', () => {
    const items = [
      [2, 500],
      [1, 1500],
      [3, 1000],
    ] as const;
    const sum = items.reduce((s, [w, t]) => s + decay.contribution(w, t), 0);
    const direct = items.reduce((s, [w, t]) => s + w * 0.5 ** ((3000 - t) / 1000), 0);
    expect(decay.decayed(sum, 3000)).toBeCloseTo(direct, 12);
    expect(decay.decayed(decay.contribution(8, 1000), 4000)).toBeCloseTo(1, 12);
  });
  it('refuses a half-life that is not positive', () => {
    expect(() => new ForwardDecay({ halfLifeMs: 0, landmarkMs: 0 })).toThrow(/halfLifeMs/);
  });
});

describe('WindowCounts', () => {
  it('sums buckets in the window, takes deltas out again and ranks labels', () => {
    const w = new WindowCounts();
    w.add(1, 'a', 5);
    w.add(2, 'b', 3);
    w.add(3, 'a', 1);
    w.add(3, 'b', 4);
    expect(w.top(2, 10)).toEqual([
      { label: 'b', count: 7 },
      { label: 'a', count: 1 },
    ]);
    w.add(3, 'b', -4);
    expect(w.top(0, 1)).toEqual([{ label: 'a', count: 6 }]);
    w.prune(3);
    expect(w.top(0, 10)).toEqual([{ label: 'a', count: 1 }]);
  });
});
