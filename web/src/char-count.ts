/**
 * Counts a tweet the way the API does (packages/core/src/text.ts): grapheme clusters of the trimmed
 * text, so an emoji, even a ZWJ family, is one character. Kept as a copy rather than an import so
 * the browser bundle does not pull in zod and the server's config.
 */
export const TWEET_MAX_CHARS = 280;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function countChars(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text.trim())) n++;
  return n;
}

export interface TweetLength {
  count: number;
  remaining: number;
  /** Nothing but whitespace: the API would refuse it as empty. */
  empty: boolean;
  over: boolean;
  /** Close enough to the limit to warn before it is crossed. */
  near: boolean;
}

const NEAR_LIMIT = 20;

export function measureTweet(text: string, max: number = TWEET_MAX_CHARS): TweetLength {
  const count = countChars(text);
  const remaining = max - count;
  return { count, remaining, empty: count === 0, over: remaining < 0, near: remaining >= 0 && remaining <= NEAR_LIMIT };
}
