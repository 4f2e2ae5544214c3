import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { createLocalTagger } from '../src/index.ts';
import { DATA_DIR, loadLabelled } from '../src/cli/dataset.ts';
import { scoreTagging } from '../src/cli/quality-metrics.ts';

describe('quality metrics', () => {
  it('computes precision over predictions and hit rate over tweets that deserve a tag', () => {
    const { score, misses } = scoreTagging(
      [
        { text: 'a', acceptable: ['foodies', 'food_fanatics'] },
        { text: 'b', acceptable: ['gamers'] },
        { text: 'c', acceptable: [] },
        { text: 'd', acceptable: [] },
      ],
      [['foodies', 'wanderlust'], [], ['pet_lovers'], []],
    );
    expect(score).toEqual({ tweets: 4, precision: 1 / 3, hitRate: 0.5, empty: 2, correctlyEmpty: 1, deserveNone: 2, avgTags: 0.75 });
    expect(misses.map((m) => m.text)).toEqual(['a', 'b', 'c']);
  });
});

describe('labelled sets', () => {
  const sets = ['labelled', 'holdout', 'holdout-fresh'].map((name) => ({ name, rows: loadLabelled(join(DATA_DIR, `${name}.jsonl`)) }));

  it('are big enough, varied, and include tweets that deserve no tag', () => {
    const [labelled, holdout, fresh] = sets;
    expect(labelled!.rows.length).toBeGreaterThanOrEqual(120);
    expect(holdout!.rows.length).toBeGreaterThanOrEqual(40);
    expect(fresh!.rows.length).toBeGreaterThanOrEqual(40);
    expect(labelled!.rows.filter((r) => r.acceptable.length === 0).length).toBeGreaterThanOrEqual(10);
    const texts = sets.flatMap((s) => s.rows.map((r) => r.text));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('keep the local tagger at its targets on the labelled set', () => {
    const rows = sets[0]!.rows;
    const tagger = createLocalTagger();
    const { score } = scoreTagging(
      rows,
      rows.map((r) => tagger.tag(r.text)),
    );
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.hitRate).toBeGreaterThanOrEqual(0.85);
  });
});
