// SVG charts of the benchmarks' JSON, drawn headless with vega-lite (compiled to a vega spec and
// rendered by vega's SVG string renderer: no browser, no canvas). Each bench calls its chart at the
// end of a run; `npm run bench:charts` redraws them all from the committed JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { NonNormalizedSpec } from 'vega-lite/types_unstable/spec/index.d.ts';

const FONT = { font: 'Helvetica, Arial, sans-serif', labelFont: 'Helvetica, Arial, sans-serif', titleFont: 'Helvetica, Arial, sans-serif' };

/** Renders a vega-lite spec to an SVG document string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile({ ...spec, config: { ...FONT, background: 'white', ...(spec.config ?? {}) } }).spec), {
    renderer: 'none',
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function writeSvg(path: string, spec: TopLevelSpec): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await renderSvg(spec));
  return path;
}

export interface FanoutChartInput {
  rows: { followers: number; naiveMs: number | null; kafkaMs: number }[];
  /** The article's naive loop, ms by follower count. */
  article: Record<string, number>;
  redisLimitOpsPerSec: number;
  title: string;
}

/** Fan-out time against followers, log-log: the article's loop, that loop here, chirp, Redis's limit. */
export function fanoutChart(f: FanoutChartInput): TopLevelSpec {
  const values = [
    ...Object.entries(f.article).map(([n, ms]) => ({ followers: Number(n), ms, series: "article's naive loop" })),
    ...f.rows.flatMap((r) => (r.naiveMs === null ? [] : [{ followers: r.followers, ms: r.naiveMs, series: 'naive loop here (one awaited LPUSH each)' }])),
    ...f.rows.map((r) => ({ followers: r.followers, ms: r.kafkaMs, series: 'chirp via Kafka (end to end)' })),
    ...f.rows.map((r) => ({ followers: r.followers, ms: (1000 * r.followers) / f.redisLimitOpsPerSec, series: 'Redis limit (redis-benchmark LPUSH -P 64)' })),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Fan-out time against followers', subtitle: f.title },
    width: 560,
    height: 340,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'followers', type: 'quantitative', scale: { type: 'log' }, title: 'followers (log)' },
      y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'time to reach every timeline, ms (log)' },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'top-left', labelLimit: 0 } },
      tooltip: [{ field: 'series' }, { field: 'followers' }, { field: 'ms', format: ',.1f' }],
    },
  };
}

export interface PhasePoint {
  phase: string;
  produced: number;
  saver?: number;
  fanout?: number;
  tagger?: number;
  p50Ms: number | null;
  p99Ms: number | null;
}

const STAGES = ['produced', 'saver', 'fanout', 'tagger'] as const;

/** Throughput (tweets/s by stage) and end-to-end latency (p50, p99) per phase, side by side. */
export function pipelineChart(points: readonly PhasePoint[], subtitle: string): TopLevelSpec {
  const order = points.map((p) => p.phase);
  const rates = points.flatMap((p) => STAGES.flatMap((stage) => (p[stage] === undefined ? [] : [{ phase: p.phase, stage, perSec: p[stage] }])));
  const latency = points.flatMap((p) =>
    [
      { phase: p.phase, quantile: 'p50', ms: p.p50Ms },
      { phase: p.phase, quantile: 'p99', ms: p.p99Ms },
    ].filter((l) => l.ms !== null && l.ms > 0),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'Pipeline: throughput and end-to-end latency per phase', subtitle },
    hconcat: [
      {
        width: 320,
        height: 260,
        title: 'tweets/s by stage',
        data: { values: rates },
        mark: 'bar',
        encoding: {
          x: { field: 'phase', type: 'nominal', sort: order, title: null, axis: { labelAngle: 0 } },
          xOffset: { field: 'stage', type: 'nominal', scale: { domain: [...STAGES] } },
          y: { field: 'perSec', type: 'quantitative', title: 'tweets/s' },
          color: { field: 'stage', type: 'nominal', scale: { domain: [...STAGES] }, title: null },
        },
      },
      {
        width: 320,
        height: 260,
        title: 'publish → timeline latency (log)',
        data: { values: latency },
        mark: { type: 'line', point: { size: 60 } },
        encoding: {
          x: { field: 'phase', type: 'nominal', sort: order, title: null, axis: { labelAngle: 0 } },
          y: { field: 'ms', type: 'quantitative', scale: { type: 'log' }, title: 'ms (log)' },
          color: { field: 'quantile', type: 'nominal', title: null, scale: { range: ['#59a14f', '#e15759'] } },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

export interface HttpRoutePoint {
  route: string;
  rps: number;
  p99Ms: number;
  cpuUsPerRequest: number;
}

/** requests/s, p99 and the API's CPU per request for each route of bench:http. */
export function httpChart(points: readonly HttpRoutePoint[], subtitle: string): TopLevelSpec {
  const panel = (field: keyof HttpRoutePoint, title: string): NonNormalizedSpec => ({
    width: 200,
    height: 180,
    title,
    mark: 'bar' as const,
    encoding: {
      y: { field: 'route', type: 'nominal', title: null, sort: points.map((p) => p.route), axis: { labelLimit: 260 } },
      x: { field, type: 'quantitative', title: null },
      color: { field: 'route', type: 'nominal', legend: null },
    },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'HTTP: the API beside its own /healthz, same run', subtitle },
    data: { values: points.map((p) => ({ ...p })) },
    hconcat: [panel('rps', 'requests/s'), panel('p99Ms', 'p99 ms'), panel('cpuUsPerRequest', 'API CPU µs per request')],
  };
}
