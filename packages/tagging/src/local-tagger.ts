import { MAX_TAGS, type Tag } from '@chirp/core';
import { compileLexicon, type CompiledLexicon, type PhraseNode, type WordEntry } from './compile-lexicon.ts';
import { TAG_GROUPS, type TagGroup } from './tag-groups.ts';
import { tokenize } from './tokenize.ts';

export interface LocalTaggerOptions {
  /** Score a group needs to be tagged at all: one normal word (2), or a weak one (1) with another clue. */
  threshold?: number;
  /** Score at which a group's synonyms are added after its primary tag. */
  synonymThreshold?: number;
  /** Share of the best group's score a weaker group needs, so a passing mention does not ride along. */
  relativeThreshold?: number;
  maxTags?: number;
}

export interface GroupScore {
  group: TagGroup;
  score: number;
}

export interface LocalTagger {
  /** Deterministic, synchronous, no I/O; [] when nothing fits. */
  tag(text: string): Tag[];
  /** Every group with a non-zero score, best first: for tuning and for the quality report. */
  explain(text: string): GroupScore[];
}

const DEFAULTS: Required<LocalTaggerOptions> = { threshold: 2, synonymThreshold: 5, relativeThreshold: 0.6, maxTags: MAX_TAGS };
const HASHTAG_BOOST = 1.5;

let shared: CompiledLexicon | undefined;
function lexicon(): CompiledLexicon {
  shared ??= compileLexicon();
  return shared;
}

function foldPlural(token: string, table: ReadonlyMap<string, number>): number | undefined {
  if (token.length <= 3 || !token.endsWith('s') || token.endsWith('ss')) return undefined;
  return (
    table.get(token.slice(0, -1)) ??
    (token.endsWith('ies') ? table.get(`${token.slice(0, -3)}y`) : undefined) ??
    (token.endsWith('es') ? table.get(token.slice(0, -2)) : undefined)
  );
}

export function createLocalTagger(options: LocalTaggerOptions = {}): LocalTagger {
  const opts = { ...DEFAULTS, ...options };
  for (const [field, value] of Object.entries(opts)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`local tagger option ${field} must be a non-negative number, got ${String(value)}`);
    }
  }
  const lex = lexicon();
  const groupTags = lex.groups.map((g) => TAG_GROUPS[g] as readonly Tag[]);
  const scores = new Float64Array(lex.groups.length);
  // A term counts once per tweet however often it appears: `stamp[term] === tweetNo` marks it seen.
  const stamp = new Uint32Array(lex.hits.length);
  let tweetNo = 0;
  // Tokens a matched phrase already speaks for: `consumed[i] === tweetNo`, reused across tweets.
  let consumed = new Uint32Array(64);
  // Each token's entry in `lex.words`, looked up once for both passes.
  const entries: Array<WordEntry | undefined> = [];

  const credit = (id: number | undefined, boost: number): void => {
    if (id === undefined || stamp[id] === tweetNo) return;
    stamp[id] = tweetNo;
    for (const hit of lex.hits[id]!) scores[hit.group]! += hit.weight * boost;
  };

  const lookupWord = (word: string, entry: WordEntry | undefined): number | undefined => {
    const found = entry?.id ?? foldPlural(word, lex.exact);
    if (found !== undefined) return found;
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      for (const { pattern, id } of lex.numberPatterns) if (pattern.test(word)) return id;
      return undefined;
    }
    if (code >= 0x80) {
      // An emoji sequence we do not list (🏃‍♀️) still counts as its first pictograph (🏃).
      const first = String.fromCodePoint(word.codePointAt(0)!);
      if (first !== word) return lex.exact.get(first);
    }
    if (word.length < lex.minStem) return undefined;
    const bucket = lex.stems[code];
    if (bucket !== undefined) for (const { stem, id } of bucket) if (word.startsWith(stem)) return id;
    return undefined;
  };

  const score = (text: string): void => {
    tweetNo = (tweetNo + 1) >>> 0;
    if (tweetNo === 0) {
      // Wrapped after 2^32 tweets: forget every old mark so none can pass for this tweet's.
      stamp.fill(0);
      consumed.fill(0);
      tweetNo = 1;
    }
    scores.fill(0);
    const tokens = tokenize(text);
    entries.length = tokens.length;
    for (let i = 0; i < tokens.length; i++) entries[i] = lex.words.get(tokens[i]!);
    // Phrases first: a matched phrase speaks for its words, so `tour de france` is not also a
    // music `tour`, and `plant based` is not also a `plant`.
    if (consumed.length < tokens.length) consumed = new Uint32Array(tokens.length * 2);
    for (let i = 0; i < tokens.length - 1; i++) {
      // Inside a longer phrase already matched (`the last of us`), a shorter one (`last of us`) adds nothing.
      if (consumed[i] === tweetNo) continue;
      let next = entries[i]?.phrases;
      if (next === undefined) continue;
      // The longest phrase starting here wins: `my car insurance` (neutral) over `my car`. A phrase's
      // last word may be a plural (`season tickets` for `season+ticket`); earlier words are as listed.
      let best: number | undefined;
      let end = 0;
      for (let j = i + 1; next !== undefined && j < tokens.length; j++) {
        const word = tokens[j]!;
        const child: PhraseNode | undefined = next.get(word);
        const found = child?.id ?? (word.length > 3 && word.endsWith('s') ? next.get(word.slice(0, -1))?.id : undefined);
        if (found !== undefined) {
          best = found;
          end = j + 1;
        }
        next = child?.next;
      }
      if (best !== undefined) {
        credit(best, 1);
        consumed.fill(tweetNo, i, end);
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (consumed[i] === tweetNo) continue;
      const token = tokens[i]!;
      if (token.charCodeAt(0) === 35 /* # */) {
        const bare = token.slice(1);
        credit(lex.hashtags.get(token) ?? lookupWord(bare, lex.words.get(bare)), HASHTAG_BOOST);
      } else credit(lookupWord(token, entries[i]), 1);
    }
  };

  const ranked = (): number[] => {
    const order: number[] = [];
    for (let g = 0; g < scores.length; g++) if (scores[g]! > 0) order.push(g);
    // Ties resolve by group order, so the same text always gives the same tags.
    return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  };

  return {
    tag(text: string): Tag[] {
      score(text);
      const order = ranked();
      const top = order.length ? scores[order[0]!]! : 0;
      const floor = Math.max(opts.threshold, top * opts.relativeThreshold);
      const chosen = order.filter((g) => scores[g]! >= floor);
      const out: Tag[] = [];
      for (const g of chosen) if (out.length < opts.maxTags) out.push(groupTags[g]![0]!);
      for (const g of chosen) {
        if (scores[g]! < opts.synonymThreshold) continue;
        for (const tag of groupTags[g]!.slice(1)) if (out.length < opts.maxTags) out.push(tag);
      }
      return out;
    },
    explain(text: string): GroupScore[] {
      score(text);
      return ranked().map((g) => ({ group: lex.groups[g]!, score: scores[g]! }));
    },
  };
}
