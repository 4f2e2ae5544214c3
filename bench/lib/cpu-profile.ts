import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** One line of a profile summary: a function's own (self) share of the samples. */
export interface ProfileFrame {
  frame: string;
  selfPct: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  idlePct: number;
  top: ProfileFrame[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  startTime: number;
  endTime: number;
}

/** Top self-time frames of a `node --cpu-prof` profile, grouped by function and file (not by call path). */
export function summarizeProfile(file: string, root: string, topN = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${relative(root, url.replace(/^file:\/\//, '')).replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}:${lineNumber + 1}` : '';
    const name = `${functionName || '(anon)'}${where ? ` ${where}` : ''}`;
    byFrame.set(name, (byFrame.get(name) ?? 0) + hits);
  }
  const top = [...byFrame.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([frame, hits]) => ({ frame, selfPct: (100 * hits) / Math.max(1, total) }));
  return {
    file: relative(root, file),
    totalMs: (profile.endTime - profile.startTime) / 1000,
    idlePct: (100 * (byFrame.get('(idle)') ?? 0)) / Math.max(1, total),
    top,
  };
}

/** The summary as indented lines for a terminal or a markdown code block. */
export function formatProfile(s: ProfileSummary): string {
  // Beside each share of all samples, its share of the busy ones (idle left out): what the work costs.
  const busy = Math.max(1e-9, 100 - s.idlePct);
  const lines = [`${s.file}: ${(s.totalMs / 1000).toFixed(1)} s sampled, idle ${s.idlePct.toFixed(1)}% (all / busy)`];
  for (const f of s.top)
    lines.push(
      `${f.selfPct.toFixed(1).padStart(6)}% ${f.frame === '(idle)' ? '       ' : `${((100 * f.selfPct) / busy).toFixed(1).padStart(5)}% `} ${f.frame}`,
    );
  return lines.join('\n');
}
