/**
 * What the local tagger knows: for each interest, the words that signal it, in three tiers.
 * A `strong` word is enough on its own and outweighs a passing mention of another interest; a
 * `normal` word is enough on its own; a `weak` word only tips a tweet that already leans that way
 * (two weak words, or a weak word and a hashtag). Ambiguous words (`game`, `track`, `season`,
 * `plant`) are weak in several groups on purpose, so context decides.
 *
 * Term syntax, whitespace separated:
 *   word        the token, or its plural (`novel` matches `novels`)
 *   stem*       any token starting with the stem, when no exact term matched (`hik*`: hike, hiking)
 *   two+words   adjacent tokens; also matches the joined form, as in a hashtag (`book+club`: #bookclub)
 *   #tag        only as a hashtag
 *   emoji       the pictograph itself
 *
 * Tokens are lower-cased, split on anything that is not a letter or digit, and lose apostrophes and
 * a possessive `'s`: write `baldur+gate` for "Baldur's Gate", `palme+dor` for "Palme d'Or",
 * `spider+man` for "Spider-Man", `h+m` for "H&M". A tier may be one string or a list of strings,
 * so a long list can be broken up by theme with comments between the parts.
 */
export interface LexiconEntry {
  readonly strong?: Terms;
  readonly normal?: Terms;
  readonly weak?: Terms;
}

export type Terms = string | readonly string[];

export const TIER_WEIGHTS = { strong: 3, normal: 2, weak: 1 } as const;
