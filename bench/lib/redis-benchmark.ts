import { spawnSync } from 'node:child_process';

/**
 * Runs redis-benchmark against 127.0.0.1:`port` with `args` (add `-q`) and reads its rate:
 * requests/s of the run, NaN when it printed none (then `output` says why).
 */
export function redisBenchmark(port: number, args: string[]): { rate: number; output: string } {
  const out = spawnSync('redis-benchmark', ['-p', String(port), ...args], { encoding: 'utf8' });
  if (out.error) return { rate: NaN, output: `redis-benchmark could not run (${out.error.message}); it comes with redis-server (Debian: redis-tools)` };
  // -q rewrites a progress line with \r and ends with "<COMMAND>: <n> requests per second, …".
  const m = /([\d.]+) requests per second/.exec(out.stdout.replace(/\r/g, '\n'));
  return { rate: m ? Number(m[1]) : NaN, output: out.stderr || out.stdout };
}
