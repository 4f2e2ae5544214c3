import { canonicalEmoji } from './tokenize.ts';
import { GROUP_NAMES, type TagGroup } from './tag-groups.ts';
import { LEXICON, NEUTRAL_PHRASES, NUMBER_PATTERNS, TIER_WEIGHTS, type LexiconEntry, type Terms } from './lexicon/index.ts';

/** One lexicon term's contribution: which groups it speaks for, and how loudly. */
export type TermHits = ReadonlyArray<{ readonly group: number; readonly weight: number }>;

/** One word of a phrase: `id` when a phrase ends here, `next` when longer ones go on. */
export interface PhraseNode {
  id?: number;
  next?: Map<string, PhraseNode>;
}

/** Everything a single token opens: the term it is on its own, and the phrases it starts. */
export interface WordEntry {
  readonly id?: number;
  readonly phrases?: ReadonlyMap<string, PhraseNode>;
}

/** The lexicon turned into lookup tables keyed the way the tokenizer spells tokens. */
export interface CompiledLexicon {
  readonly groups: readonly TagGroup[];
  /** term id → hits; ids index `hits` so a tweet can count each term once with a stamp array. */
  readonly hits: readonly TermHits[];
  readonly exact: ReadonlyMap<string, number>;
  readonly hashtags: ReadonlyMap<string, number>;
  /**
   * Stems bucketed by the char code of their first letter (ASCII only), each bucket longest first so
   * the most specific stem wins: a token only scans the few stems that share its first letter.
   */
  readonly stems: ReadonlyArray<ReadonlyArray<{ readonly stem: string; readonly id: number }> | undefined>;
  readonly minStem: number;
  /** Multi-word phrases keyed by their tokens joined with one space. */
  readonly phrases: ReadonlyMap<string, number>;
  /**
   * The same phrases as a word trie keyed by first word, so a tweet walks token by token with no
   * string building, and stops as soon as no phrase goes on.
   */
  readonly phraseTrie: ReadonlyMap<string, PhraseNode>;
  readonly maxPhraseWords: number;
  /** `exact` and the first level of `phraseTrie` in one table, so the tagger looks each token up once. */
  readonly words: ReadonlyMap<string, WordEntry>;
  readonly numberPatterns: ReadonlyArray<{ readonly pattern: RegExp; readonly id: number }>;
}

/** Every stem is at least this long, so `hi*` cannot swallow half the language. */
const MIN_STEM = 3;
/** A phrase's joined form (`book+club` → `bookclub`) is only matched when at least this long, so `h+m` is not `hm`. */
const MIN_JOINED = 4;

const termsOf = (terms: Terms | undefined): string[] => (typeof terms === 'string' ? [terms] : (terms ?? [])).flatMap((part) => part.split(/\s+/));

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
  let maxPhraseWords = 1;
  const singulars: Array<{ key: string; group: number; weight: number }> = [];

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
      for (const raw of termsOf(entry[tier])) {
        const term = canonicalEmoji(raw.toLowerCase());
        if (term === '') continue;
        if (term.startsWith('#')) add(hashtags, 'hashtag', term, group, weight);
        else if (term.endsWith('*')) {
          if (term.length - 1 < MIN_STEM || term.charCodeAt(0) >= 128) {
            throw new Error(`lexicon ${name}: stem ${term} must be ASCII and at least ${MIN_STEM} characters`);
          }
          add(stems, 'stem', term.slice(0, -1), group, weight);
        } else if (term.includes('+')) {
          const words = term.split('+');
          if (words.some((w) => w === '')) throw new Error(`lexicon ${name}: malformed phrase ${term}`);
          maxPhraseWords = Math.max(maxPhraseWords, words.length);
          add(phrases, 'phrase', words.join(' '), group, weight);
          // A common-noun phrase listed in the plural also matches in the singular (`enterprise+customers`:
          // an enterprise customer). Not names, which are mostly strong or start with `the`: `blue+jays`,
          // `the+sims`. A singular some group lists keeps its own meaning.
          const last = words.at(-1)!;
          if (tier !== 'strong' && words[0] !== 'the' && last.length > 3 && last.endsWith('s') && !last.endsWith('ss')) {
            const singular = [...words.slice(0, -1), last.slice(0, -1)].join(' ');
            singulars.push({ key: singular, group, weight });
          }
          const joined = words.join('');
          if (joined.length >= MIN_JOINED) add(exact, 'exact', joined, group, weight); // the hashtag spelling: #bookclub
        } else add(exact, 'exact', term, group, weight);
      }
    }
  });

  const listed = new Set(phrases.keys());
  for (const { key, group, weight } of singulars) if (!listed.has(key)) add(phrases, 'phrase', key, group, weight);

  // A phrase never says less about a group than its own words together would (`pizza+place` is as much
  // food as `pizza`); it only silences what its words would say about other groups (`hot+dog` is not pets).
  const wordWeight = (word: string, group: number): number => {
    const id = exact.get(word);
    return id === undefined ? 0 : (hits[id]!.find((h) => h.group === group)?.weight ?? 0);
  };
  for (const [key, id] of phrases) {
    const words = key.split(' ');
    const joined = exact.get(words.join(''));
    for (const hit of hits[id]!) {
      const lifted = Math.max(
        hit.weight,
        words.reduce((sum, w) => sum + wordWeight(w, hit.group), 0),
      );
      if (lifted === hit.weight) continue;
      hit.weight = lifted;
      const joinedHit = joined === undefined ? undefined : hits[joined]!.find((h) => h.group === hit.group);
      if (joinedHit !== undefined) joinedHit.weight = Math.max(joinedHit.weight, lifted);
    }
  }

  for (const phrase of neutralPhrases) {
    const words = phrase.toLowerCase().split('+');
    const key = words.join(' ');
    if (phrases.has(key)) continue; // a phrase some group claims keeps its meaning
    maxPhraseWords = Math.max(maxPhraseWords, words.length);
    phrases.set(key, hits.length);
    hits.push([]);
  }

  const phraseTrie = new Map<string, PhraseNode>();
  for (const [key, id] of phrases) {
    const [first, ...rest] = key.split(' ');
    let node = phraseTrie.get(first!);
    if (node === undefined) phraseTrie.set(first!, (node = {}));
    for (const word of rest) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (child === undefined) node.next.set(word, (child = {}));
      node = child;
    }
    node.id = id;
  }

  const patterns = numberPatterns.map(({ pattern, group, weight }) => {
    const id = hits.length;
    hits.push([{ group: groups.indexOf(group), weight }]);
    return { pattern, id };
  });
  const words = new Map<string, { id?: number; phrases?: Map<string, PhraseNode> }>();
  for (const [word, id] of exact) words.set(word, { id });
  for (const [word, node] of phraseTrie) {
    if (node.next === undefined) continue;
    const entry = words.get(word);
    if (entry === undefined) words.set(word, { phrases: node.next });
    else entry.phrases = node.next;
  }

  const stemList = [...stems].map(([stem, id]) => ({ stem, id })).sort((a, b) => b.stem.length - a.stem.length || (a.stem < b.stem ? -1 : 1));
  const stemBuckets: Array<Array<{ stem: string; id: number }> | undefined> = new Array<undefined>(128).fill(undefined);
  for (const entry of stemList) (stemBuckets[entry.stem.charCodeAt(0)] ??= []).push(entry);
  return {
    groups,
    hits,
    exact,
    hashtags,
    stems: stemBuckets,
    minStem: stemList.length ? stemList.at(-1)!.stem.length : Infinity,
    phrases,
    phraseTrie,
    words,
    maxPhraseWords,
    numberPatterns: patterns,
  };
}
