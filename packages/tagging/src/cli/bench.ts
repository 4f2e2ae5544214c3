/**
 * Local tagger throughput on one core: builds a corpus of varied tweets from the labelled texts,
 * warms up, then times batches. Reports tweets/s and µs per tweet (p50/p99 over batches), for
 * the bare tagger and through createTagger's async path.
 *
 *   npx tsx packages/tagging/src/cli/bench.ts [--tweets 200000] [--batch 1000] [--out path.json]
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalTagger } from '../local-tagger.ts';
import { seededRandom as prng } from '@chirp/core';
import { createTagger } from '../create-tagger.ts';
import { DATA_DIR, loadLabelled } from './dataset.ts';
import { formatTable, resolveOut, writeJson } from './report.ts';

const FILLERS = ['honestly', 'lol', 'ngl', 'today', 'again', 'tbh', 'so', 'wow', 'omg', '!!', '...', 'fr', 'can’t even', 'best day'];
const EXTRAS = ['🔥', '😂', '❤️', '🙌', '✨', '#mood', '#weekend', '#life', '@friend', 'https://t.co/abc123'];

/** Tweets that read like the labelled ones but differ: mixed pairs, shuffled words, case, noise. */
function buildCorpus(texts: readonly string[], count: number, random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let words = pick(texts).split(' ');
    const r = random();
    if (r < 0.25) words = [...words, ...pick(texts).split(' ').slice(0, 6)];
    else if (r < 0.4) words = words.map((w) => (random() < 0.2 ? w.toUpperCase() : w));
    else if (r < 0.5) words = words.filter(() => random() > 0.25);
    if (random() < 0.5) words.splice(Math.floor(random() * words.length), 0, pick(FILLERS));
    if (random() < 0.4) words.push(pick(EXTRAS));
    if (random() < 0.1) words.push(String(Math.floor(random() * 10_000)));
    out.push(words.join(' '));
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Run {
  name: string;
  tweets: number;
  seconds: number;
  tweetsPerSecond: number;
  usPerTweetP50: number;
  usPerTweetP99: number;
  tagsPerTweet: number;
}

async function measure(name: string, corpus: readonly string[], batch: number, tagBatch: (texts: readonly string[]) => number | Promise<number>): Promise<Run> {
  const perTweetUs: number[] = [];
  let tags = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < corpus.length; i += batch) {
    const slice = corpus.slice(i, i + batch);
    const t0 = process.hrtime.bigint();
    tags += await tagBatch(slice);
    perTweetUs.push(Number(process.hrtime.bigint() - t0) / 1000 / slice.length);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  perTweetUs.sort((a, b) => a - b);
  return {
    name,
    tweets: corpus.length,
    seconds,
    tweetsPerSecond: corpus.length / seconds,
    usPerTweetP50: percentile(perTweetUs, 50),
    usPerTweetP99: percentile(perTweetUs, 99),
    tagsPerTweet: tags / corpus.length,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tweets: { type: 'string', default: '200000' }, batch: { type: 'string', default: '1000' }, out: { type: 'string' } },
  });
  const count = Number(values.tweets);
  const batch = Number(values.batch);
  if (!Number.isInteger(count) || count < 1) throw new Error('--tweets must be a positive integer');
  if (!Number.isInteger(batch) || batch < 1) throw new Error('--batch must be a positive integer');
  const outPath = resolveOut(values.out, 'bench/results/tagger-bench.json');

  const texts = ['labelled.jsonl', 'holdout.jsonl'].flatMap((f) => loadLabelled(join(DATA_DIR, f)).map((r) => r.text));
  const corpus = buildCorpus(texts, count, prng(42));
  const warmup = buildCorpus(texts, Math.min(20_000, count), prng(7));
  const chars = corpus.reduce((n, t) => n + t.length, 0) / corpus.length;

  const local = createLocalTagger();
  const tagger = createTagger({ provider: 'local' });
  const bare = (texts: readonly string[]): number => texts.reduce((n, t) => n + local.tag(t).length, 0);
  const viaTagger = async (texts: readonly string[]): Promise<number> =>
    (await tagger.tagMany(texts.map((text, i) => ({ id: String(i), text })))).reduce((n, r) => n + r.tags.length, 0);

  // Warm-up lets the JIT settle before anything is timed.
  bare(warmup);
  await viaTagger(warmup);
  const runs = [await measure('local tagger (sync)', corpus, batch, bare), await measure('createTagger local (async)', corpus, batch, viaTagger)];
  await tagger.close();

  console.log(
    formatTable(
      ['run', 'tweets', 'seconds', 'tweets/s', 'µs/tweet p50', 'µs/tweet p99', 'tags/tweet'],
      runs.map((r) => [
        r.name,
        String(r.tweets),
        r.seconds.toFixed(2),
        Math.round(r.tweetsPerSecond).toLocaleString('en-US'),
        r.usPerTweetP50.toFixed(2),
        r.usPerTweetP99.toFixed(2),
        r.tagsPerTweet.toFixed(2),
      ]),
    ),
  );
  console.log(`one core, batches of ${batch}, avg ${chars.toFixed(0)} chars/tweet, node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}`);
  writeJson(outPath, {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? null,
    batch,
    avgChars: chars,
    target: { tweetsPerSecond: 10_000 },
    runs,
  });
  console.log(`wrote ${outPath}`);
  if (runs.some((r) => r.tweetsPerSecond < 10_000)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
