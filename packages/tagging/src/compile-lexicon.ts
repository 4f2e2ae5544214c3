import { canonicalEmoji } from './tokenize.ts';
import { GROUP_NAMES, type TagGroup } from './tag-groups.ts';
import { LEXICON, NEUTRAL_PHRASES, NUMBER_PATTERNS, TIER_WEIGHTS, type LexiconEntry } from './lexicon.ts';

/** One lexicon term's contribution: which groups it speaks for, and how loudly. */
export type TermHits = ReadonlyArray<{ readonly group: number; readonly weight: number }>;

/** The lexicon turned into lookup tables keyed the way the tokenizer spells tokens. */
export interface CompiledLexicon {
  readonly groups: readonly TagGroup[];
  /** term id → hits; ids index `hits` so a tweet can count each term once with a stamp array. */
  readonly hits: readonly TermHits[];
  readonly exact: ReadonlyMap<string, number>;
  readonly hashtags: ReadonlyMap<string, number>;
  /** Stems longest first, so the most specific one wins; few enough that a scan beats slicing. */
  readonly stems: ReadonlyArray<{ readonly stem: string; readonly id: number }>;
  readonly minStem: number;
  /** Multi-word phrases keyed by their tokens joined with one space. */
  readonly phrases: ReadonlyMap<string, number>;
  readonly phraseStarts: ReadonlySet<string>;
  readonly maxPhraseWords: number;
  readonly numberPatterns: ReadonlyArray<{ readonly pattern: RegExp; readonly id: number }>;
}

export function compileLexicon(
  lexicon: Readonly<Record<TagGroup, LexiconEntry>> = LEXICON,
  numberPatterns = NUMBER_PATTERNS,
  neutralPhrases: readonly string[] = NEUTRAL_PHRASES,
): CompiledLexicon {
  const groups = GROUP_NAMES;
  const hits: Array<Array<{ group: number; weight: number }>> = [];
  const ids = new Map<string, number>(); // `<kind>:<key>` → term id, to merge repeats across groups
  const exact = new Map<string, number>();
  const hashtags = new Map<string, number>();
  const stems = new Map<string, number>();
  const phrases = new Map<string, number>();
  const phraseStarts = new Set<string>();
  let maxPhraseWords = 1;

  const add = (table: Map<string, number>, kind: string, key: string, group: number, weight: number): void => {
    let id = ids.get(`${kind}:${key}`);
    if (id === undefined) {
      id = hits.length;
      hits.push([]);
      ids.set(`${kind}:${key}`, id);
      table.set(key, id);
    }
    const termHits = hits[id]!;
    const existing = termHits.find((h) => h.group === group);
    // A term listed twice for one group keeps its stronger tier.
    if (existing === undefined) termHits.push({ group, weight });
    else existing.weight = Math.max(existing.weight, weight);
  };

  groups.forEach((name, group) => {
    const entry = lexicon[name];
    for (const tier of ['strong', 'normal', 'weak'] as const) {
      const weight = TIER_WEIGHTS[tier];
      for (const raw of (entry[tier] ?? '').split(/\s+/)) {
        const term = canonicalEmoji(raw.toLowerCase());
        if (term === '') continue;
        if (term.startsWith('#')) add(hashtags, 'hashtag', term, group, weight);
        else if (term.endsWith('*')) add(stems, 'stem', term.slice(0, -1), group, weight);
        else if (term.includes('+')) {
          const words = term.split('+');
          maxPhraseWords = Math.max(maxPhraseWords, words.length);
          phraseStarts.add(words[0]!);
          add(phrases, 'phrase', words.join(' '), group, weight);
          add(exact, 'exact', words.join(''), group, weight); // the hashtag spelling: #bookclub
        } else add(exact, 'exact', term, group, weight);
      }
    }
  });

  for (const phrase of neutralPhrases) {
    const words = phrase.toLowerCase().split('+');
    const key = words.join(' ');
    if (phrases.has(key)) continue; // a phrase some group claims keeps its meaning
    phraseStarts.add(words[0]!);
    maxPhraseWords = Math.max(maxPhraseWords, words.length);
    phrases.set(key, hits.length);
    hits.push([]);
  }

  const patterns = numberPatterns.map(({ pattern, group, weight }) => {
    const id = hits.length;
    hits.push([{ group: groups.indexOf(group), weight }]);
    return { pattern, id };
  });
  const stemList = [...stems].map(([stem, id]) => ({ stem, id })).sort((a, b) => b.stem.length - a.stem.length || (a.stem < b.stem ? -1 : 1));
  return {
    groups,
    hits,
    exact,
    hashtags,
    stems: stemList,
    minStem: stemList.length ? stemList.at(-1)!.stem.length : Infinity,
    phrases,
    phraseStarts,
    maxPhraseWords,
    numberPatterns: patterns,
  };
}
