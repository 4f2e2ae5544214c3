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

export function isHandle(value: string): boolean {
  return HANDLE_PATTERN.test(value);
}
