import type { PhaseResult } from './pipeline-phase.ts';
import { BENCH_GROUPS } from './pipeline-stack.ts';

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

const int = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));
const ms = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** The headline: rates, latency and lag per phase. */
export function phaseTable(phases: readonly PhaseResult[]): string {
  return markdownTable(
    [
      'phase',
      'path',
      'target/s',
      'produced/s',
      'saver/s',
      'fanout/s',
      'tagger/s',
      'chunks/s',
      'timeline pushes/s',
      'e2e p50',
      'e2e p99',
      'lag start s/f/t',
      'lag end s/f/t',
      'lag slope/s',
      'lag growing',
      'drained after',
    ],
    phases.map((p) => [
      p.name,
      p.path,
      int(p.rate),
      int(p.producedPerSec),
      ...BENCH_GROUPS.map((g) => int(p.groups[g]?.processedPerSec)),
      int(p.fanoutChunksPerSec),
      int(p.timelinePushesPerSec),
      ms(p.e2e.p50Ms),
      `${p.e2e.p99IsLowerBound ? '> ' : ''}${ms(p.e2e.p99Ms)}`,
      BENCH_GROUPS.map((g) => int(p.groups[g]?.lagStart)).join('/'),
      BENCH_GROUPS.map((g) => int(p.groups[g]?.lagEnd)).join('/'),
      int(Math.max(...BENCH_GROUPS.map((g) => p.groups[g]?.lagSlopePerSec ?? 0))),
      BENCH_GROUPS.filter((g) => p.groups[g]?.lagGrowing).join(', ') || 'no',
      p.drained ? `${p.drainSeconds} s` : `not in ${p.drainSeconds} s`,
    ]),
  );
}

/** CPU per process and phase: mean % of one core, (peak 1-s %, peak main-thread %). */
export function cpuTable(phases: readonly PhaseResult[]): string {
  const names = [...new Set(phases.flatMap((p) => Object.keys(p.machine.processes)))];
  const rows = names.map((name) => [
    name,
    ...phases.map((p) => {
      const w = p.machine.processes[name];
      return w ? `${Math.round(w.cpuPct)} (${Math.round(w.cpuPctPeak)}/${Math.round(w.mainThreadPctPeak)})` : '–';
    }),
    int(Math.max(...phases.map((p) => p.machine.processes[name]?.hwmMb ?? 0))),
  ]);
  rows.push(['other (not ours)', ...phases.map((p) => `${Math.round(p.machine.otherPct)}`), '']);
  rows.push([
    `machine busy (of ${phases[0]?.machine.cores ?? 0}00)`,
    ...phases.map((p) => `${Math.round(p.machine.busyPct)} (${Math.round(p.machine.busyPctPeak)})`),
    '',
  ]);
  return markdownTable(['process', ...phases.map((p) => p.name), 'peak RSS MiB'], rows);
}

/** Marginal CPU ms per tweet (all threads / main thread) and what it projects. */
export function costTable(phases: readonly PhaseResult[]): string {
  const names = [...new Set(phases.flatMap((p) => Object.keys(p.costs)))];
  const rows = names.map((name) => [
    name,
    `${(phases.find((p) => p.costs[name])?.costs[name]?.idlePct ?? 0).toFixed(1)}`,
    ...phases.map((p) => {
      const c = p.costs[name];
      const alone = p.projection.perProcessPerSec[name];
      return c ? `${c.cpuMs.toFixed(3)} / ${c.mainMs.toFixed(3)}${alone ? ` → ${int(alone)}/s` : ''}` : '–';
    }),
  ]);
  rows.push(['pipeline total ms/tweet', '', ...phases.map((p) => p.projection.cpuMsPerTweet.toFixed(3))]);
  rows.push([`→ on ${phases[0]?.machine.cores ?? 0} dedicated cores`, '', ...phases.map((p) => `${int(p.projection.machinePerSec)}/s`)]);
  rows.push(['→ gives out first', '', ...phases.map((p) => `${p.projection.limit} at ${int(p.projection.limitPerSec)}/s`)]);
  return markdownTable(['process', 'idle %', ...phases.map((p) => p.name)], rows);
}

/** The workers' own chirp_e2e_latency_seconds, per stage (bucket-interpolated). */
export function stageTable(phases: readonly PhaseResult[]): string {
  const stages = ['saved', 'tagged', 'fanned_out'];
  return markdownTable(
    ['phase', ...stages.map((s) => `${s} p50/p99`)],
    phases.map((p) => [p.name, ...stages.map((s) => (p.stages[s] ? `${ms(p.stages[s].p50Ms)} / ${ms(p.stages[s].p99Ms)}` : '–'))]),
  );
}

export function redisTable(phases: readonly PhaseResult[]): string {
  return markdownTable(
    ['phase', 'used_memory MiB', 'AOF rewrites', 'top commands: calls/s, wall µs/call, wall s'],
    phases.map((p) => [
      p.name,
      int(p.redis.usedMemoryMb),
      p.redis.aofRewrites,
      p.redis.topCommands
        .slice(0, 4)
        .map((c) => `${c.command} ${int(c.calls / p.seconds)}/s ${c.usecPerCall.toFixed(1)}µs ${c.seconds.toFixed(1)}s`)
        .join('; '),
    ]),
  );
}

export function producerTable(phases: readonly PhaseResult[]): string {
  return markdownTable(
    ['phase', 'path', 'sent', 'acked / 2xx', 'failed', 'publish p50', 'publish p99', 'pacer stalls', 'verified in a follower timeline'],
    phases.map((p) =>
      p.kafka
        ? [
            p.name,
            p.path,
            int(p.kafka.sent),
            int(p.kafka.acked),
            int(p.kafka.failed),
            ms(p.kafka.sendP50Ms),
            ms(p.kafka.sendP99Ms),
            int(p.kafka.stalledTicks),
            `${p.e2e.verified}/${p.e2e.checked}`,
          ]
        : p.http
          ? [
              p.name,
              p.path,
              int(p.http.requests),
              int(p.http.requests - p.http.non2xx),
              int(p.http.non2xx + p.http.socketErrors),
              ms(p.http.latencyP50Ms),
              ms(p.http.latencyP99Ms),
              '–',
              `${p.e2e.verified}/${p.e2e.checked}`,
            ]
          : [p.name, p.path, '–', '–', '–', '–', '–', '–', '–'],
    ),
  );
}

/** A phase kept up when every group handled what was produced, lag did not grow and the pace held. */
export function keptUp(p: PhaseResult): boolean {
  return (
    p.producedPerSec >= 0.97 * p.rate && BENCH_GROUPS.every((g) => (p.groups[g]?.processedPerSec ?? 0) >= 0.97 * p.producedPerSec && !p.groups[g]?.lagGrowing)
  );
}

/** Which process limits the heaviest phase, from its CPU numbers. */
export function bottleneck(phases: readonly PhaseResult[]): string[] {
  const measured = phases.filter((p) => !p.warmup);
  const lines: string[] = [];
  for (const path of ['kafka', 'http'] as const) {
    const list = measured.filter((p) => p.path === path);
    if (list.length === 0) continue;
    const ok = list.filter(keptUp);
    lines.push(
      `${path} path: kept up at ${ok.length ? ok.map((p) => `${p.rate}/s`).join(', ') : 'no rate tried'}; ` +
        `highest produced ${int(Math.max(...list.map((p) => p.producedPerSec)))}/s, highest fanned out ${int(Math.max(...list.map((p) => p.groups.fanout?.processedPerSec ?? 0)))}/s`,
    );
  }
  const shared = measured.filter((p) => p.machine.otherPct > 25);
  if (shared.length) {
    lines.push(
      `WARNING: the machine was shared: ${shared.map((p) => `${p.name} ${Math.round(p.machine.otherPct)}%`).join(', ')} of CPU (100 = one core) went to processes this benchmark did not start; rates are pessimistic`,
    );
  }
  const projected = [...measured].sort((a, b) => b.producedPerSec - a.producedPerSec).find((p) => p.path === 'kafka') ?? measured[0];
  if (projected) {
    lines.push(
      `projection from CPU per tweet at ${projected.name}: ${projected.projection.cpuMsPerTweet.toFixed(2)} ms of CPU per tweet → ` +
        `${int(projected.projection.machinePerSec)}/s on ${projected.machine.cores} dedicated cores; first limit: ${projected.projection.limit} at ${int(projected.projection.limitPerSec)}/s`,
    );
  }
  const heaviest = [...measured].sort((a, b) => b.producedPerSec - a.producedPerSec)[0];
  if (heaviest) {
    const m = heaviest.machine;
    const top = Object.entries(m.processes)
      .sort((a, b) => b[1].cpuPct - a[1].cpuPct)
      .slice(0, 4);
    lines.push(
      `${heaviest.name}: machine ${Math.round(m.busyPct)}% busy of ${m.cores * 100}%` +
        `${m.busyPct >= 0.9 * m.cores * 100 ? ' (saturated: every core is in use)' : ''}; top: ` +
        top.map(([n, w]) => `${n} ${Math.round(w.cpuPct)}% (main thread peak ${Math.round(w.mainThreadPctPeak)}%)`).join(', '),
    );
    const pegged = top.filter(([, w]) => w.mainThreadPctPeak >= 90).map(([n]) => n);
    if (pegged.length) lines.push(`single-thread saturated (main thread ≥ 90% of a core in some second): ${pegged.join(', ')}`);
  }
  return lines;
}

/** Every table, in reading order, then the bottleneck lines. */
export function printReport(phases: readonly PhaseResult[], log: (line: string) => void): string[] {
  const measured = phases.filter((p) => !p.warmup);
  log('\n## Pipeline throughput and latency\n');
  log(phaseTable(measured));
  log(
    '\nprocessed/s: messages each consumer group handled per second during the load (its chirp_messages_succeeded_total); ' +
      'e2e: post → the fanout\'s "in every follower\'s timeline" event, over every tweet produced; ' +
      "lag: the monitor's committed-offset lag of saver/fanout/tagger; slope over the last 3/4 of the phase.",
  );
  log('\n## Publish side\n');
  log(producerTable(phases));
  log('\n## CPU per process: mean % of one core during the load (peak 1-s % / peak main-thread %)\n');
  log(cpuTable(phases));
  log('\n## CPU ms per tweet (all threads / main thread → tweets/s that fill its one core)\n');
  log(costTable(measured));
  log(
    '\nWorkers are charged per message they handled, Redis and Kafka per tweet through the pipeline, the API per tweet produced (on the Kafka path it posts none, but indexes every tweet for search). ' +
      "The shared broker's CPU before the load (idle %) is subtracted. Unlike rates, these hold on a shared machine.",
  );
  log("\n## Workers' own e2e histograms (chirp_e2e_latency_seconds, phase start to end of drain)\n");
  log(stageTable(measured));
  log('\n## Redis\n');
  log(redisTable(phases));
  log('\n(commandstats: µs are wall time inside Redis, inflated when its core is shared; script calls include the commands they run.)');
  const findings = bottleneck(phases);
  log('\n## Bottleneck\n');
  for (const line of findings) log(`- ${line}`);
  return findings;
}
