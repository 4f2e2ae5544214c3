import { MAX_TAGS, type Tag } from '@chirp/core';
import { compileLexicon, type CompiledLexicon } from './compile-lexicon.ts';
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

  const credit = (id: number | undefined, boost: number): void => {
    if (id === undefined || stamp[id] === tweetNo) return;
    stamp[id] = tweetNo;
    for (const hit of lex.hits[id]!) scores[hit.group]! += hit.weight * boost;
  };

  const lookupWord = (word: string): number | undefined => {
    const found = lex.exact.get(word) ?? foldPlural(word, lex.exact);
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
    for (const { stem, id } of lex.stems) if (word.startsWith(stem)) return id;
    return undefined;
  };

  const score = (text: string): void => {
    tweetNo = (tweetNo + 1) >>> 0 || 1;
    scores.fill(0);
    const tokens = tokenize(text);
    // Phrases first: a matched phrase speaks for its words, so `tour de france` is not also a
    // music `tour`, and `plant based` is not also a `plant`.
    let consumed: Uint8Array | undefined;
    for (let i = 0; i < tokens.length - 1; i++) {
      if (!lex.phraseStarts.has(tokens[i]!)) continue;
      let key = tokens[i]!;
      for (let n = 2; n <= lex.maxPhraseWords && i + n <= tokens.length; n++) {
        const next = tokens[i + n - 1]!;
        key = `${key} ${next}`;
        const id = lex.phrases.get(key) ?? (next.endsWith('s') ? lex.phrases.get(key.slice(0, -1)) : undefined);
        if (id === undefined) continue;
        credit(id, 1);
        consumed ??= new Uint8Array(tokens.length);
        consumed.fill(1, i, i + n);
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      if (consumed !== undefined && consumed[i] === 1) continue;
      const token = tokens[i]!;
      if (token.charCodeAt(0) === 35 /* # */) credit(lex.hashtags.get(token) ?? lookupWord(token.slice(1)), HASHTAG_BOOST);
      else credit(lookupWord(token), 1);
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
