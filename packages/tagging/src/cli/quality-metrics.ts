import type { Tag } from '@chirp/core';
import type { LabelledTweet } from './dataset.ts';

export interface QualityScore {
  tweets: number;
  /** Acceptable predicted tags over all predicted tags. */
  precision: number;
  /** Tweets that deserve a tag and got at least one acceptable tag, over tweets that deserve a tag. */
  hitRate: number;
  /** Tweets that got no tag at all. */
  empty: number;
  /** Of the tweets that deserve no tag, how many got none. */
  correctlyEmpty: number;
  deserveNone: number;
  avgTags: number;
}

export interface Miss {
  text: string;
  predicted: Tag[];
  wrong: Tag[];
  acceptable: Tag[];
}

export function scoreTagging(set: readonly LabelledTweet[], predictions: ReadonlyArray<readonly Tag[]>): { score: QualityScore; misses: Miss[] } {
  let predicted = 0;
  let good = 0;
  let deserve = 0;
  let hits = 0;
  let empty = 0;
  let correctlyEmpty = 0;
  const misses: Miss[] = [];
  set.forEach((row, i) => {
    const tags = predictions[i] ?? [];
    const wrong = tags.filter((t) => !row.acceptable.includes(t));
    predicted += tags.length;
    good += tags.length - wrong.length;
    if (tags.length === 0) empty++;
    if (row.acceptable.length > 0) {
      deserve++;
      if (tags.length > wrong.length) hits++;
    } else if (tags.length === 0) correctlyEmpty++;
    const missed = row.acceptable.length > 0 && tags.length === wrong.length;
    if (wrong.length > 0 || missed) misses.push({ text: row.text, predicted: [...tags], wrong, acceptable: row.acceptable });
  });
  return {
    // No predictions at all is vacuously precise; hit rate then tells the real story.
    score: {
      tweets: set.length,
      precision: predicted === 0 ? 1 : good / predicted,
      hitRate: deserve === 0 ? 1 : hits / deserve,
      empty,
      correctlyEmpty,
      deserveNone: set.length - deserve,
      avgTags: set.length === 0 ? 0 : predicted / set.length,
    },
    misses,
  };
}
