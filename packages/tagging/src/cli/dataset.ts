import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TAGS, type Tag } from '@chirp/core';

export interface LabelledTweet {
  text: string;
  /** Every tag a fair reader would accept, synonyms included; empty when the tweet deserves none. */
  acceptable: Tag[];
}

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const vocabulary = new Set<string>(TAGS);

/** Reads a JSONL set, failing on the first bad line with its number, so a typo in a label is caught. */
export function loadLabelled(path: string): LabelledTweet[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const row = JSON.parse(line) as { text?: unknown; acceptable?: unknown };
      if (typeof row.text !== 'string' || !Array.isArray(row.acceptable)) throw new Error(`${path}:${n}: needs "text" and "acceptable"`);
      for (const tag of row.acceptable) {
        if (typeof tag !== 'string' || !vocabulary.has(tag)) throw new Error(`${path}:${n}: ${String(tag)} is not in the vocabulary`);
      }
      return { text: row.text, acceptable: row.acceptable as Tag[] };
    });
}
