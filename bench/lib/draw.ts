// The benches' JSON → their SVG charts under docs/benchmarks/ (one function per bench).
import { join } from 'node:path';
import { ROOT } from '@chirp/stack/paths';
import { fanoutChart, httpChart, pipelineChart, writeSvg, type FanoutChartInput } from './charts.ts';

export const CHART_DIR = join(ROOT, 'docs', 'benchmarks');

export function drawFanout(f: Omit<FanoutChartInput, 'title'> & { date: string; cores: number; cpu: string; chunkSize: number }): Promise<string> {
  const title = `${f.date}, ${f.cores} cores (${f.cpu}), chunk ${f.chunkSize}; Redis limit measured in the same run`;
  return writeSvg(join(CHART_DIR, 'fanout.svg'), fanoutChart({ ...f, title }));
}

interface PipelineJson {
  generatedAt: string;
  machine: { cores: number };
  phases: {
    name: string;
    warmup: boolean;
    producedPerSec: number;
    groups: Record<string, { processedPerSec: number } | undefined>;
    e2e: { p50Ms: number | null; p99Ms: number | null };
  }[];
}

export function drawPipeline(p: PipelineJson): Promise<string> {
  const points = p.phases
    .filter((ph) => !ph.warmup)
    .map((ph) => ({
      phase: ph.name,
      produced: ph.producedPerSec,
      saver: ph.groups.saver?.processedPerSec,
      fanout: ph.groups.fanout?.processedPerSec,
      tagger: ph.groups.tagger?.processedPerSec,
      p50Ms: ph.e2e.p50Ms,
      p99Ms: ph.e2e.p99Ms,
    }));
  return writeSvg(
    join(CHART_DIR, 'pipeline.svg'),
    pipelineChart(points, `${p.generatedAt.slice(0, 10)}, ${p.machine.cores} cores; a missing point: not every tweet was delivered in that phase`),
  );
}

interface HttpJson {
  at: string;
  title: string;
  healthzMean: number;
  healthzCpuUsPerRequest?: number;
  runs: { scenario: string; rps: number; p99Ms: number; apiCpuUsPerRequest?: number }[];
}

export function drawHttp(h: HttpJson): Promise<string> {
  const label: Record<string, string> = { healthz: 'GET /healthz', post: 'POST /api/tweets', home: 'GET home, 20 tweets' };
  const seen = new Set<string>();
  const points = h.runs
    .filter((r) => !seen.has(r.scenario) && seen.add(r.scenario))
    .map((r) => ({
      route: label[r.scenario] ?? r.scenario,
      rps: r.scenario === 'healthz' ? h.healthzMean : r.rps,
      p99Ms: r.p99Ms,
      cpuUsPerRequest: (r.scenario === 'healthz' ? h.healthzCpuUsPerRequest : r.apiCpuUsPerRequest) ?? 0,
    }));
  return writeSvg(join(CHART_DIR, 'http.svg'), httpChart(points, h.title.replace(/^HTTP benchmark, /, '')));
}
