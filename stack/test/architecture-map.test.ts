import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

/** Rows of docs/architecture.md's "Where things live" table: concept, folder cell, file cell. */
function mapRows(): { concept: string; folder: string; files: string }[] {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const section = doc.split('## Where things live')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| concept') && !line.startsWith('|---'))
    .map((line) => {
      const [concept = '', folder = '', files = ''] = line.slice(2, -2).split(' | ');
      return { concept, folder, files };
    });
}

const ticked = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
const isPath = (token: string): boolean => /^[\w.-]+(\/[\w.-]*)*$/.test(token) && (token.includes('/') || /\.(ts|lua|mjs|cjs|json|md)$/.test(token));

// The map is only useful while it is true: every path it names exists, except in rows that say
// which branch brings them.
describe('docs/architecture.md "where things live"', () => {
  const rows = mapRows();

  it('has the concepts a newcomer looks for first', () => {
    const concepts = rows.map((r) => r.concept).join('\n');
    for (const c of ['fan-out', 'failure policy', 'timeline read', 'Redis key names', 'group table', 'gateway', 'accounts']) expect(concepts).toContain(c);
  });

  it('names only files and folders that exist', () => {
    const missing: string[] = [];
    for (const row of rows) {
      if (/\(branch `/.test(row.folder + row.files)) continue;
      const folders = ticked(row.folder).filter((f) => f.endsWith('/'));
      for (const token of [...ticked(row.folder), ...ticked(row.files)].filter(isPath)) {
        const candidates =
          /^(packages|services|stack|bench|docs|web)\//.test(token) || token.startsWith('.') ? [token] : [...folders.map((f) => f + token), token];
        if (!candidates.some((c) => existsSync(join(ROOT, c)))) missing.push(`${row.concept}: ${token}`);
      }
    }
    expect(rows.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
