/** Limits the API enforces and the web app shows. */
export const TWEET_MAX_CHARS = 280;
/**
 * A grapheme can carry any number of combining marks, so 280 graphemes alone bound nothing (100
 * graphemes of 121 code points are 24 KB). 4 bytes per character is room for 280 emoji or any script.
 */
export const TWEET_MAX_BYTES = 4 * TWEET_MAX_CHARS;
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

/** UTF-8 bytes of a text; cheap, no copy. */
export function fitsBytes(text: string, max = TWEET_MAX_BYTES): boolean {
  return text.length <= max / 3 || Buffer.byteLength(text, 'utf8') <= max;
}

/** The whole tweet bound: at most 280 characters and at most 1,120 UTF-8 bytes. */
export function fitsTweet(text: string): boolean {
  return fitsBytes(text) && fitsChars(text);
}

export function isHandle(value: string): boolean {
  return HANDLE_PATTERN.test(value);
}

/** At most this many mentions are kept per tweet (a text of 280 characters holds at most ~93). */
export const MAX_MENTIONS = 20;

/**
 * The handles a text mentions: `@handle` not preceded by a letter, digit, `_` or `@` (so an e-mail
 * address is no mention), lowercased, each once, in order of appearance. Parsed once, when the
 * tweet is accepted, and stored on it.
 */
export function parseMentions(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,32})(?![A-Za-z0-9_])/g)) {
    const handle = m[1]!.toLowerCase();
    if (!out.includes(handle)) out.push(handle);
    if (out.length === MAX_MENTIONS) break;
  }
  return out;
}
