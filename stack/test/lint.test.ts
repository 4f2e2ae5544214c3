import { describe, expect, it } from 'vitest';
import { lint, LINT_STEPS, type LintStep } from '../lint.ts';

const exits = (name: string, code: number): LintStep => ({ name, args: ['-e', `process.exit(${code})`], onFailure: `${name} says no` });

describe('lint (the step npm test runs before vitest)', () => {
  it('stops at the first failing step with its exit code and a line naming the step and the fix', () => {
    const lines: string[] = [];
    expect(lint((l) => lines.push(l), [exits('first', 0), exits('second', 3), exits('third', 0)])).toBe(3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}first: clean/);
    expect(lines[1]).toMatch(/^✗ lint failed \(second, [\d.]+ s\): second says no$/);
  });

  it('is 0 when every step passes; npm run lint runs eslint, prettier and the import rules', () => {
    expect(lint(() => undefined, [exits('a', 0), exits('b', 0)])).toBe(0);
    expect(Object.values(LINT_STEPS).map((s) => s.name)).toEqual(['eslint', 'prettier', 'import rules']);
  });
});
