import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}
interface CruiseResult {
  summary: { violations: Violation[]; totalCruised: number; ruleSetUsed: { forbidden?: { name: string }[] } };
}

// `npm run lint:deps` in the test run, so CI fails on a layering break (.dependency-cruiser.cjs has the rules).
describe('import rules (dependency-cruiser)', () => {
  it('hold for packages, services, stack and bench', { timeout: 180_000 }, () => {
    const bin = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const args = [bin, 'packages', 'services', 'stack', 'bench', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(run.stdout, run.stderr).not.toBe('');
    const { summary } = JSON.parse(run.stdout) as CruiseResult;
    const rules = (summary.ruleSetUsed.forbidden ?? []).map((r) => r.name);
    expect(rules).toEqual(
      expect.arrayContaining(['package-imports-app', 'package-imports-stack', 'stack-imported-by-path', 'bench-imports-service', 'streams-imports-redis']),
    );
    expect(summary.totalCruised).toBeGreaterThan(100);
    expect(summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
