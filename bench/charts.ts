// npm run bench:charts — redraws every chart of docs/benchmarks.md from the JSON in bench/results/
// (each bench also draws its own at the end of a run). SVG under docs/benchmarks/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '@chirp/stack/paths';
import { drawFanout, drawHttp, drawPipeline } from './lib/draw.ts';

const results = join(ROOT, 'bench', 'results');
const read = (name: string): unknown => (existsSync(join(results, name)) ? JSON.parse(readFileSync(join(results, name), 'utf8')) : undefined);
const drawn: string[] = [];
const fanout = read('fanout.json');
if (fanout) drawn.push(await drawFanout(fanout as Parameters<typeof drawFanout>[0]));
const pipeline = read('pipeline.json');
if (pipeline) drawn.push(await drawPipeline(pipeline as Parameters<typeof drawPipeline>[0]));
const http = read('http.json');
if (http) drawn.push(await drawHttp(http as Parameters<typeof drawHttp>[0]));
for (const file of drawn) console.log(`› wrote ${file}`);
