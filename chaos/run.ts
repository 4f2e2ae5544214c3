// `npm run chaos`: the long form of the fault-injection suite (100k tweets, >= 20 faults by default).
// Prints the fault table and the invariant table and writes them as JSON to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatChaos, runChaos } from './lib/run-chaos.ts';

const { values } = parseArgs({
  options: {
    tweets: { type: 'string', default: '100000' },
    rate: { type: 'string', default: '150' },
    faults: { type: 'string', default: '22' },
    users: { type: 'string', default: '300' },
    fans: { type: 'string', default: '500' },
    'chunk-size': { type: 'string', default: '200' },
    'redis-stop-seconds': { type: 'string', default: '90' },
    seed: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: '32' },
    // Ports of the private stack (broker, controller and Redis take three from base-port on).
    'base-port': { type: 'string', default: '28092' },
    'api-port': { type: 'string', default: '28300' },
  },
});
const num = (name: keyof typeof values): number => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${values[name]}`);
  return n;
};

const result = await runChaos({
  tweets: num('tweets'),
  rate: num('rate'),
  faults: num('faults'),
  users: num('users'),
  celebrityFollowers: num('fans'),
  followsPerUser: 8,
  concurrency: num('concurrency'),
  redisStopMs: num('redis-stop-seconds') * 1000,
  seed: num('seed'),
  basePort: num('base-port'),
  apiPort: num('api-port'),
  chunkSize: num('chunk-size'),
  timelineCap: 800,
  drainTimeoutMs: 600_000,
  log: (line) => console.log(line),
});
const table = formatChaos(result);
console.log(`\n${table}\n`);
const dir = join(import.meta.dirname, '..', 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `chaos-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ ...result, checks: result.checks.map(({ tweets: _t, ...c }) => c) }, null, 2));
console.log(`written ${file}`);
const bad = result.checks.some((c) => c.lost + c.duplicated + c.misplaced > 0) || result.refused > 0;
process.exit(bad ? 1 : 0);
