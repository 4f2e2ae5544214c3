/**
 * Tagging quality on the labelled set and the two held-out sets: precision, hit rate and empty answers
 * for the local tagger, and for the LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set. Exits 1
 * when the local tagger misses its targets on the labelled set.
 *
 *   npx tsx packages/tagging/src/cli/quality.ts [--out path.json] [--verbose]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, taggerEnv, type Tag } from '@chirp/core';
import { createLocalTagger } from '../local-tagger.ts';
import { createTagger } from '../create-tagger.ts';
import { taggerOptionsFromEnv } from '../options.ts';
import { DATA_DIR, loadLabelled, type LabelledTweet } from './dataset.ts';
import { scoreTagging, type Miss, type QualityScore } from './quality-metrics.ts';
import { formatTable, resolveOut, writeJson } from './report.ts';

const TARGETS = { precision: 0.8, hitRate: 0.85 } as const;
// labelled: the set the lexicon was tuned on. holdout: written before any tuning. fresh: written
// after the lexicon was frozen and never tuned against, the most honest of the three.
const SETS = { labelled: 'labelled.jsonl', holdout: 'holdout.jsonl', fresh: 'holdout-fresh.jsonl' } as const;

interface Row extends QualityScore {
  set: keyof typeof SETS;
  tagger: 'local' | 'openai';
  model: string | null;
  /** Tweets the LLM run handed to the local tagger (provider errors, timeouts). */
  fallbacks: number;
  seconds: number;
  meetsTargets: boolean;
}

const meets = (s: QualityScore): boolean => s.precision >= TARGETS.precision && s.hitRate >= TARGETS.hitRate;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false } } });
  const config = loadConfig(taggerEnv);
  const outPath = resolveOut(values.out, 'bench/results/tagger-quality.json');
  const sets = Object.entries(SETS).map(([name, file]) => ({ name: name as keyof typeof SETS, rows: loadLabelled(join(DATA_DIR, file)) }));
  const rows: Row[] = [];
  const misses: Record<string, Miss[]> = {};

  const record = (
    set: Row['set'],
    tagger: Row['tagger'],
    model: string | null,
    data: LabelledTweet[],
    predictions: Tag[][],
    fallbacks: number,
    seconds: number,
  ): void => {
    const { score, misses: m } = scoreTagging(data, predictions);
    rows.push({ set, tagger, model, ...score, fallbacks, seconds, meetsTargets: meets(score) });
    misses[`${set}/${tagger}`] = m;
  };

  const local = createLocalTagger();
  for (const { name, rows: data } of sets) {
    const started = performance.now();
    const predictions = data.map((r) => local.tag(r.text));
    record(name, 'local', null, data, predictions, 0, (performance.now() - started) / 1000);
  }

  const llm = config.OPENAI_API_KEY !== undefined || config.OPENAI_BASE_URL !== undefined;
  if (llm) {
    let fallbacks = 0;
    const tagger = createTagger({
      ...taggerOptionsFromEnv(config),
      provider: 'openai',
      // Measuring the model, not the breaker: let every call try.
      breaker: { failureThreshold: 1_000, minimumCalls: 1_000, windowSize: 1_000 },
    });
    try {
      for (const { name, rows: data } of sets) {
        const started = performance.now();
        const results = await tagger.tagMany(data.map((r, i) => ({ id: String(i), text: r.text })));
        const seconds = (performance.now() - started) / 1000;
        fallbacks = results.filter((r) => r.provider !== 'openai').length;
        record(
          name,
          'openai',
          config.TAGGER_MODEL,
          data,
          results.map((r) => r.tags),
          fallbacks,
          seconds,
        );
      }
    } finally {
      await tagger.close();
    }
  }

  const pct = (x: number): string => x.toFixed(3);
  console.log(
    formatTable(
      ['set', 'tagger', 'tweets', 'precision', 'hit rate', 'empty', 'no-tag ok', 'avg tags', 'fallbacks', 'targets'],
      rows.map((r) => [
        r.set,
        r.model ? `${r.tagger} (${r.model})` : r.tagger,
        String(r.tweets),
        pct(r.precision),
        pct(r.hitRate),
        String(r.empty),
        `${r.correctlyEmpty}/${r.deserveNone}`,
        r.avgTags.toFixed(2),
        String(r.fallbacks),
        r.meetsTargets ? 'met' : 'MISSED',
      ]),
    ),
  );
  console.log(`targets: precision >= ${TARGETS.precision}, hit rate >= ${TARGETS.hitRate} (enforced for the local tagger on the labelled set)`);
  if (!llm) console.log('LLM: skipped (set OPENAI_API_KEY or OPENAI_BASE_URL to compare)');
  if (values.verbose) {
    for (const [key, list] of Object.entries(misses)) {
      console.log(`\n${key}: ${list.length} tweet(s) with a wrong or missing tag`);
      for (const m of list) console.log(`  ${JSON.stringify(m.text)}\n    got [${m.predicted.join(', ')}]  acceptable [${m.acceptable.join(', ')}]`);
    }
  }

  const gate = rows.find((r) => r.set === 'labelled' && r.tagger === 'local')!;
  writeJson(outPath, { generatedAt: new Date().toISOString(), targets: TARGETS, passed: gate.meetsTargets, results: rows, misses });
  console.log(`wrote ${outPath}`);
  return gate.meetsTargets ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
