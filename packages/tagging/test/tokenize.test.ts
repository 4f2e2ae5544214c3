import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { tokenize, tokenizeUnicode } from '../src/tokenize.ts';

const texts = ['labelled', 'holdout'].flatMap((name) =>
  readFileSync(new URL(`../data/${name}.jsonl`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

describe('tokenize', () => {
  it('splits words, keeps hashtags, folds case and apostrophes', () => {
    expect(tokenize("The director's cut, don't miss it! #BookClub ##x #1 a#b")).toEqual([
      'the',
      'director',
      'cut',
      'dont',
      'miss',
      'it',
      '#bookclub',
      '#x',
      '#1',
      'a',
      '#b',
    ]);
  });

  it('keeps emoji whole, without variation selectors or skin tones', () => {
    expect(tokenize('ran 5k 🏃🏽‍♀️ ✈️ ⚽⚽ café')).toEqual(['ran', '5k', '🏃‍♀', '✈', '⚽', '⚽', 'café']);
  });

  it('gives the same tokens on the ASCII fast path as the Unicode reference', () => {
    const ascii = texts.map((t) => t.replace(/\P{ASCII}/gu, ' ')).concat(["it's  'quoted' o'neil's --x-- #a_b 3d+print 50mm"]);
    for (const text of ascii) expect(tokenize(text)).toEqual(tokenizeUnicode(text));
  });
});
