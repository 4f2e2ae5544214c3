// `npm run rebuild`: every Redis view from Kafka into an empty Redis (see docs/guarantees.md for
// what a rebuild reproduces exactly and what it cannot). Stop the workers first, or let them idle.
import { rebuild, type RebuildProgress } from './rebuild-tool.ts';

const WIDTH = 30;
let lastLine = '';
function bar(p: RebuildProgress): void {
  const ratio = p.total === 0n ? 1 : Number((p.done * 1000n) / p.total) / 1000;
  const filled = Math.round(ratio * WIDTH);
  const line = `${p.phase.padEnd(15)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.done}/${p.total} offsets`;
  if (line === lastLine) return;
  lastLine = line;
  // A terminal gets one redrawn line per phase; a log gets a line per change.
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${ratio >= 1 ? '\n' : ''}`);
  else console.log(line);
}

const t0 = Date.now();
const report = await rebuild({ onProgress: bar });
for (const p of report.phases) console.log(`${p.phase.padEnd(15)} ${String(p.messages).padStart(9)} messages in ${p.seconds.toFixed(1)} s`);
console.log(`rebuilt every view in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(0);
