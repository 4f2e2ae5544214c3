import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** One check of `npm run lint`: the tool, and what to do when it fails. */
export interface LintStep {
  name: string;
  args: string[];
  onFailure: string;
}

const bin = (...path: string[]): string => join(ROOT, 'node_modules', ...path);
/** Caches of unchanged files, git-ignored. ESLint's is per file: a type-aware finding that an edit of another file causes shows once that file changes or on a clean run (CI's fresh clone). */
const CACHE_DIR = join(ROOT, '.cache');

export const LINT_STEPS = {
  eslint: {
    name: 'eslint',
    args: [bin('eslint', 'bin', 'eslint.js'), '.', '--cache', '--cache-strategy', 'content', '--cache-location', join(CACHE_DIR, 'eslint') + '/'],
    onFailure: 'ESLint found the problems listed above (eslint.config.js has the rules); fix them, `npx eslint --fix <file>` fixes some',
  },
  prettier: {
    name: 'prettier',
    args: [bin('prettier', 'bin', 'prettier.cjs'), '--check', '.', '--cache', '--cache-location', join(CACHE_DIR, 'prettier', 'cache.json')],
    onFailure: 'the files listed above are not formatted: run `npm run format`',
  },
  importRules: {
    name: 'import rules',
    args: [bin('dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'packages', 'services', 'stack', 'bench', '--config', '.dependency-cruiser.cjs'],
    onFailure: 'an import breaks a layering rule of .dependency-cruiser.cjs (listed above)',
  },
} satisfies Record<string, LintStep>;

/** Runs the steps in order and stops at the first that fails, naming it; 0 when all pass. */
export function lint(log: (line: string) => void, steps: readonly LintStep[] = Object.values(LINT_STEPS)): number {
  for (const step of steps) {
    const started = Date.now();
    const run = spawnSync(process.execPath, step.args, { cwd: ROOT, stdio: 'inherit' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (run.status !== 0) {
      log(`✗ lint failed (${step.name}, ${seconds} s): ${step.onFailure}`);
      return run.status ?? 1;
    }
    log(`  ${step.name}: clean (${seconds} s)`);
  }
  return 0;
}
