import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.ts';

const now = Date.parse('2025-11-20T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const utc = { timeZone: 'UTC' };

describe('relativeTime', () => {
  it('uses seconds, minutes and hours within a day', () => {
    expect(relativeTime(ago(300), now, utc)).toBe('now');
    expect(relativeTime(ago(5_000), now, utc)).toBe('5s');
    expect(relativeTime(ago(3 * 60_000 + 59_000), now, utc)).toBe('3m');
    expect(relativeTime(ago(2 * 3_600_000), now, utc)).toBe('2h');
  });

  it('shows a date after a day, with the year only when it differs', () => {
    expect(relativeTime('2025-11-03T09:00:00Z', now, utc)).toBe('Nov 3');
    expect(relativeTime('2023-11-03T09:00:00Z', now, utc)).toBe('Nov 3, 2023');
  });

  it('shows "now" for a timestamp slightly in the future and nothing for garbage', () => {
    expect(relativeTime(ago(-4_000), now, utc)).toBe('now');
    expect(relativeTime('not a date', now, utc)).toBe('');
  });
});
