import { describe, expect, it } from 'vitest';
import { TWEET_MAX_CHARS, countChars, measureTweet } from './char-count.ts';

describe('countChars', () => {
  it('counts an emoji, even a ZWJ family or a flag, as one character', () => {
    expect(countChars('👍')).toBe(1);
    expect(countChars('👨‍👩‍👧‍👦')).toBe(1);
    expect(countChars('🇫🇷')).toBe(1);
    expect(countChars('hi 👋🏽')).toBe(4);
  });

  it('counts combining accents with their letter', () => {
    expect(countChars('e\u0301')).toBe(1);
  });

  it('ignores leading and trailing whitespace, as the API trims', () => {
    expect(countChars('  hello \n')).toBe(5);
    expect(countChars(' \t\n ')).toBe(0);
  });
});

describe('measureTweet', () => {
  it('is empty for whitespace only', () => {
    expect(measureTweet('   ')).toMatchObject({ count: 0, empty: true, over: false });
  });

  it('allows exactly the limit and refuses one more', () => {
    expect(measureTweet('a'.repeat(TWEET_MAX_CHARS))).toMatchObject({ remaining: 0, over: false, near: true });
    expect(measureTweet('a'.repeat(TWEET_MAX_CHARS + 1))).toMatchObject({ remaining: -1, over: true, near: false });
  });

  it('fits 280 family emoji, which are 11 UTF-16 units each', () => {
    expect(measureTweet('👨‍👩‍👧‍👦'.repeat(280)).over).toBe(false);
  });
});
