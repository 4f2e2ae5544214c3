import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { sleep } from './pipeline-stats.ts';

/** A process whose CPU and memory the benchmark follows. */
export interface Tracked {
  name: string;
  pid: number;
}

interface Reading {
  /** utime+stime of every thread, in clock ticks. */
  ticks: number;
  /** utime+stime of the main thread only: a node process saturates when this nears one core. */
  mainTicks: number;
  rssKb: number;
  hwmKb: number;
}

interface Sample {
  at: number;
  /** Busy and total ticks of the whole machine (/proc/stat). */
  busy: number;
  total: number;
  procs: Map<string, Reading>;
}

export interface ProcWindow {
  /** CPU in % of one core (top's convention: 100 = one core saturated). */
  cpuPct: number;
  cpuPctPeak: number;
  mainThreadPctPeak: number;
  cpuSeconds: number;
  /** CPU of the main thread alone (node's event loop, redis' command thread). */
  mainCpuSeconds: number;
  /** Peak resident set since the process started (VmHWM), and the current one, at the window's end. */
  hwmMb: number;
  rssMb: number;
}

export interface MachineWindow {
  cores: number;
  /** Busy % of the whole machine (cores × 100 is the maximum). */
  busyPct: number;
  busyPctPeak: number;
  /** Busy % not accounted for by tracked processes: the kernel, softirq, other people's jobs. */
  otherPct: number;
  processes: Record<string, ProcWindow>;
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

function ticksOf(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    return Number(fields[11]) + Number(fields[12]); // utime (14) + stime (15)
  } catch {
    return undefined;
  }
}

function read(pid: number): Reading | undefined {
  const ticks = ticksOf(`/proc/${pid}/stat`);
  if (ticks === undefined) return undefined;
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { ticks, mainTicks: ticksOf(`/proc/${pid}/task/${pid}/stat`) ?? ticks, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

function machine(): { busy: number; total: number; cores: number } {
  const stat = readFileSync('/proc/stat', 'utf8');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = stat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + (steal ?? 0);
  return { busy, total: busy + idle! + iowait!, cores: stat.split('\n').filter((l) => /^cpu\d+ /.test(l)).length };
}

/** The pid listening on a local TCP port (e.g. the shared Kafka broker), from /proc/net/tcp{,6}. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let table = '';
    try {
      table = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of table.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT, st 0A is LISTEN, field 9 the socket inode.
      if (f[3] === '0A' && parseInt(f[1]?.split(':')[1] ?? '', 16) === port && f[9]) inodes.add(f[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1]!)) return Number(entry);
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return undefined;
}

/**
 * Reads /proc once a second for a changing set of processes (a `top -b` of our own), keeping the
 * series; `window(from, to)` then gives each process's mean and peak CPU and its memory.
 */
export class ProcSampler {
  private readonly samples: Sample[] = [];
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  readonly cores = machine().cores;

  constructor(
    private readonly targets: () => Tracked[],
    private readonly everyMs = 1000,
  ) {}

  start(): void {
    this.loop ??= (async () => {
      while (!this.abort.signal.aborted) {
        this.sample();
        await sleep(this.everyMs, this.abort.signal);
      }
    })();
  }

  sample(): void {
    const m = machine();
    const procs = new Map<string, Reading>();
    for (const t of this.targets()) {
      const r = read(t.pid);
      if (r) procs.set(t.name, r);
    }
    this.samples.push({ at: Date.now(), busy: m.busy, total: m.total, procs });
  }

  window(from: number, to: number): MachineWindow {
    const inside = this.samples.filter((s) => s.at >= from - this.everyMs / 2 && s.at <= to + this.everyMs / 2);
    const first = inside[0];
    const last = inside[inside.length - 1];
    const processes: Record<string, ProcWindow> = {};
    if (!first || !last || first === last) return { cores: this.cores, busyPct: 0, busyPctPeak: 0, otherPct: 0, processes };
    const seconds = (last.at - first.at) / 1000;
    const names = new Set(inside.flatMap((s) => [...s.procs.keys()]));
    let tracked = 0;
    for (const name of names) {
      let peak = 0;
      let mainPeak = 0;
      for (let i = 1; i < inside.length; i++) {
        const a = inside[i - 1]!.procs.get(name);
        const b = inside[i]!.procs.get(name);
        const dt = (inside[i]!.at - inside[i - 1]!.at) / 1000;
        if (!a || !b || dt <= 0) continue;
        peak = Math.max(peak, (100 * (b.ticks - a.ticks)) / CLK_TCK / dt);
        mainPeak = Math.max(mainPeak, (100 * (b.mainTicks - a.mainTicks)) / CLK_TCK / dt);
      }
      const startReading = first.procs.get(name); // a process started inside the window (wrk) counts from 0
      const endReading = [...inside]
        .reverse()
        .find((s) => s.procs.has(name))!
        .procs.get(name)!;
      const cpuSeconds = (endReading.ticks - (startReading?.ticks ?? 0)) / CLK_TCK;
      tracked += cpuSeconds;
      processes[name] = {
        cpuPct: (100 * cpuSeconds) / seconds,
        cpuPctPeak: peak,
        mainThreadPctPeak: mainPeak,
        cpuSeconds,
        mainCpuSeconds: (endReading.mainTicks - (startReading?.mainTicks ?? 0)) / CLK_TCK,
        hwmMb: endReading.hwmKb / 1024,
        rssMb: endReading.rssKb / 1024,
      };
    }
    let busyPeak = 0;
    for (let i = 1; i < inside.length; i++) {
      const a = inside[i - 1]!;
      const b = inside[i]!;
      if (b.total > a.total) busyPeak = Math.max(busyPeak, (100 * this.cores * (b.busy - a.busy)) / (b.total - a.total));
    }
    const busyPct = (100 * this.cores * (last.busy - first.busy)) / Math.max(1, last.total - first.total);
    return { cores: this.cores, busyPct, busyPctPeak: busyPeak, otherPct: Math.max(0, busyPct - (100 * tracked) / seconds), processes };
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }
}
