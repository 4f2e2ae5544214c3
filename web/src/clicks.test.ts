import { describe, expect, it, vi } from 'vitest';
import { createClickTracker, trackDwell } from './clicks.ts';
import type { Click } from './types.ts';

describe('click tracker', () => {
  it('batches clicks made close together into one request', () => {
    vi.useFakeTimers();
    const sent: Click[][] = [];
    const tracker = createClickTracker({ send: async (c) => void sent.push(c), delayMs: 1000 });
    tracker.track({ user: 'alice', tweetId: '1', kind: 'open' });
    tracker.track({ user: 'alice', tweetId: '2', kind: 'like' });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([
      [
        { user: 'alice', tweetId: '1', kind: 'open' },
        { user: 'alice', tweetId: '2', kind: 'like' },
      ],
    ]);
  });

  it('swallows a failed send (fire-and-forget)', async () => {
    const send = vi.fn(() => Promise.reject(new Error('offline')));
    const tracker = createClickTracker({ send });
    tracker.track({ user: 'alice', tweetId: '1', kind: 'share' });
    tracker.flush();
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('counts a dwell once per tweet per viewer', () => {
    const sent: Click[][] = [];
    const tracker = createClickTracker({ send: async (c) => void sent.push(c) });
    expect(trackDwell('alice', 'dw-1', tracker)).toBe(true);
    expect(trackDwell('alice', 'dw-1', tracker)).toBe(false);
    expect(trackDwell('bob', 'dw-1', tracker)).toBe(true);
    tracker.flush();
    expect(sent.flat().map((c) => `${c.user}:${c.kind}`)).toEqual(['alice:dwell', 'bob:dwell']);
  });
});
