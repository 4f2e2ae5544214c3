import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');

/** Every environment variable the code reads: config sections (zod shapes) and direct reads in the stack. */
function variablesInCode(): Set<string> {
  const names = new Set<string>();
  const configFiles = ['packages/core/src/config.ts', ...readdirSync(join(ROOT, 'services')).map((s) => `services/${s}/src/config.ts`)].filter((f) =>
    existsSync(join(ROOT, f)),
  );
  for (const file of configFiles) for (const m of read(file).matchAll(/^\s+([A-Z][A-Z0-9_]{2,}):/gm)) names.add(m[1]!);
  for (const file of readdirSync(join(ROOT, 'stack')).filter((f) => f.endsWith('.ts'))) {
    for (const m of read(`stack/${file}`).matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
  }
  return names;
}

describe('README', () => {
  const readme = read('README.md');

  it('opens with exactly the two commands for a fresh machine', () => {
    const top = readme.split('\n').slice(0, 12).join('\n');
    expect(top).toMatch(/^npm start\b/m);
    expect(top).toMatch(/^npm test\b/m);
  });

  it('documents every environment variable the code reads in its configuration table', () => {
    const table = readme.slice(readme.indexOf('## Configuration'));
    const missing = [...variablesInCode()].filter((name) => !table.includes(`\`${name}\``));
    expect(missing, `add these to README.md's configuration table: ${missing.join(', ')}`).toEqual([]);
  });

  it('.ci/run calls npm test', () => {
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });
});
