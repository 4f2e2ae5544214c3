/** Limits the API enforces and the web app shows. */
export const TWEET_MAX_CHARS = 280;
export const HANDLE_PATTERN = /^[A-Za-z0-9_]{1,32}$/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a reader counts them: one per grapheme cluster, so an emoji (even a ZWJ family) is one. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * Whether a text fits the limit. UTF-16 length is never below the grapheme count, so only texts
 * longer than the limit in code units need segmenting (segmenting cost ~10% of worker CPU).
 */
export function fitsChars(text: string, max = TWEET_MAX_CHARS): boolean {
  return text.length <= max || countChars(text) <= max;
}

export function isHandle(value: string): boolean {
  return HANDLE_PATTERN.test(value);
}
