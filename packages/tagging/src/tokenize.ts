// Words (letters and digits, with inner apostrophes), hashtags, and emoji with their modifiers
// and zero-width-joined parts, so `🏃‍♀️` stays one token and `#BookClub` stays a hashtag.
const TOKEN =
  /#?[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\p{Extended_Pictographic}(?:\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])*)*/gu;
const EMOJI_NOISE = /\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/gu;
const PICTOGRAPH = /^\p{Extended_Pictographic}/u;

/** Normalises one lexicon term or emoji the same way the tokenizer does, so both sides agree. */
export function canonicalEmoji(value: string): string {
  return value.replace(EMOJI_NOISE, '');
}

function cleanApostrophes(token: string): string {
  return token.replace(/['’]s$/, '').replace(/['’]/g, '');
}

/** The reference tokenizer, for any script. `tokenize` gives the same tokens faster on ASCII. */
export function tokenizeUnicode(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const token = m[0];
    // Only a non-ASCII first character can start an emoji; the regex test is skipped for plain words.
    if (token.charCodeAt(0) >= 0x80 && PICTOGRAPH.test(token)) tokens.push(canonicalEmoji(token));
    else tokens.push(token.includes("'") || token.includes('’') ? cleanApostrophes(token) : token);
  }
  return tokens;
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Lower-cased tokens of a tweet. Possessive `'s` is dropped (`director's cut` → director, cut) and
 * other apostrophes are removed (`don't` → dont); emoji lose variation selectors and skin tones.
 * Most tweets are plain ASCII, which a hand scan tokenizes about twice as fast as the Unicode regex.
 */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const n = lower.length;
  const tokens: string[] = [];
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c >= 0x80) return tokenizeUnicode(text);
    const hashtag = c === 35 && i + 1 < n && isWordChar(lower.charCodeAt(i + 1));
    if (!hashtag && !isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    i += hashtag ? 2 : 1;
    for (;;) {
      if (i < n && isWordChar(lower.charCodeAt(i))) i++;
      else if (i + 1 < n && lower.charCodeAt(i) === 39 && isWordChar(lower.charCodeAt(i + 1))) {
        apostrophe = true;
        i += 2;
      } else break;
    }
    tokens.push(apostrophe ? cleanApostrophes(lower.slice(start, i)) : lower.slice(start, i));
  }
  return tokens;
}
