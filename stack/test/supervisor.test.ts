import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackStatusSchema, type StackStatus } from '@chirp/core';
import { createTestContext, waitFor } from '@chirp/testkit';
import { ROOT } from '../paths.ts';
import { SERVICES } from '../services.ts';
import { portFree } from '../wait.ts';

// A whole `npm start` on its own ports, topics and keys, beside whatever else runs on this machine.
// 4 partitions: the stateful analytics group needs at least as many input partitions as its 3-partition retry topic.
const ctx = await createTestContext({ partitions: 4 });
const dir = mkdtempSync(join(tmpdir(), 'chirp-supervise-'));
ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));

/** The ports of a stack at `offset` (below): its API and Prometheus, the gateway's gRPC port and every worker's metrics port. */
const stackPorts = (offset: number): { api: number; prometheus: number; all: number[] } => {
  const api = 9200 + offset;
  const prometheus = 9290 + offset;
  return { api, prometheus, all: [api, prometheus, 6565 + offset, ...SERVICES.filter((s) => s.name !== 'api').map((s) => s.metricsPort + offset)] };
};

/**
 * An offset that puts every port of the stack on a free port, all below the kernel's ephemeral
 * range (32768…), where another test's outgoing connection can take a port between this check and
 * the listen, and clear of the other suites' fixed ports (live-stream's Redis 23000–26999, the
 * cluster suites' Redis buses 32300…): 20500…22899 puts them at 27065…32207.
 */
async function freeOffset(): Promise<number> {
  for (;;) {
    const offset = 20_500 + Math.floor(Math.random() * 2_400);
    const free = await Promise.all(stackPorts(offset).all.map((p) => portFree(p)));
    if (free.every(Boolean)) return offset;
  }
}

/** `npm start` (stack/cli.ts start) at `offset`, with `extra` env and args; its output collected, stopped at cleanup. */
function startStack(
  offset: number,
  extra: NodeJS.ProcessEnv = {},
  args: string[] = [],
): { cli: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const { api, prometheus } = stackPorts(offset);
  const env = {
    ...process.env,
    ...ctx.env(),
    API_PORT: String(api),
    PROMETHEUS_PORT: String(prometheus),
    STACK_PORT_OFFSET: String(offset),
    STACK_DIR: dir,
    ...extra,
  };
  const cli = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'stack', 'cli.ts'), 'start', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (c: Buffer) => (output += c.toString()));
  cli.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
  ctx.onCleanup(async () => {
    if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGTERM');
    await exited;
  });
  return { cli, output: () => output, exited };
}

/** Pid of the stack's child running services/<name>, read from the process table (children of the CLI only). */
function childPid(cli: ChildProcess, name: string): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(cli.pid)], { encoding: 'utf8' });
  // npm start runs the compiled bundle (.build/workers/<name>.mjs); the source entry where no build ran.
  const line = out.split('\n').find((l) => l.includes(`services/${name}/src/main.ts`) || l.includes(`workers/${name}.mjs`));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start supervises its processes', () => {
  it('a worker killed with SIGKILL comes back (backoff, logged, counted on /api/pipeline) and Ctrl-C still stops everything', async () => {
    const offset = await freeOffset();
    const apiPort = stackPorts(offset).api;
    const { cli, output, exited } = startStack(offset);
    const explain = (e: unknown): never => {
      throw new Error(`${String(e)}\nstack output:\n${output().slice(-4000)}`);
    };
    await waitFor(() => output().includes('chirp is up'), { what: 'the stack to be up', timeoutMs: 170_000, intervalMs: 250 }).catch(explain);
    const workerPids = SERVICES.map((s) => childPid(cli, s.name));
    expect(workerPids.every((p) => p !== undefined && alive(p))).toBe(true);

    const tagger = childPid(cli, 'tagger')!;
    const taggerReady = `http://127.0.0.1:${9103 + offset}/readyz`;
    process.kill(tagger, 'SIGKILL');
    await waitFor(() => !alive(tagger), { what: 'the tagger to die', timeoutMs: 10_000 });
    const back = await waitFor(
      async () => {
        const pid = childPid(cli, 'tagger');
        if (!pid || pid === tagger) return undefined;
        const res = await fetch(taggerReady).catch(() => undefined);
        return res?.status === 200 ? pid : undefined;
      },
      { what: 'a new tagger process answering /readyz', timeoutMs: 60_000, intervalMs: 250 },
    ).catch(explain);
    expect(back).not.toBe(tagger);
    expect(output()).toMatch(/tagger exited \(signal SIGKILL\); restart 1 in \d+ ms/);

    // The supervisor's status file, and the API's pipeline answer built from it.
    const statusFile = join(dir, 'processes.json');
    const status: StackStatus = stackStatusSchema.parse(JSON.parse(readFileSync(statusFile, 'utf8')));
    const taggerStatus = status.processes.find((p) => p.name === 'tagger');
    expect(taggerStatus).toMatchObject({ pid: back, state: 'up', restarts: 1, lastExit: { code: null, signal: 'SIGKILL' } });
    expect(status.processes.filter((p) => p.name !== 'tagger').every((p) => p.restarts === 0 && p.state === 'up')).toBe(true);
    const pipeline = await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${apiPort}/api/pipeline`);
        return res.ok ? ((await res.json()) as { processes?: { name: string; restarts: number }[] }) : undefined;
      },
      { what: '/api/pipeline to answer', timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(pipeline.processes?.find((p) => p.name === 'tagger')?.restarts).toBe(1);
    expect((await fetch(`http://127.0.0.1:${apiPort}/readyz`)).status).toBe(200);

    // Ctrl-C: every process goes, none is restarted, no port stays bound.
    cli.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(code).toBe(0);
    const pids = [...workerPids.filter((p) => p !== tagger), back] as number[];
    expect(pids.filter(alive)).toEqual([]);
    expect((await Promise.all(stackPorts(offset).all.map((p) => portFree(p)))).every(Boolean)).toBe(true);
    expect(existsSync(statusFile) && stackStatusSchema.parse(JSON.parse(readFileSync(statusFile, 'utf8'))).processes.every((p) => p.state === 'stopped')).toBe(
      true,
    );
  }, 300_000);

  it('a port already taken fails the start at once, naming the port, what needs it and the setting that moves it', async () => {
    const offset = await freeOffset();
    const holder = createServer().listen(6565 + offset, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    ctx.onCleanup(() => new Promise<void>((resolve) => holder.close(() => resolve())));
    const { exited, output } = startStack(offset);
    const code = await exited;
    expect(code).toBe(1);
    expect(output()).toContain(`port in use (another npm start?): ${6565 + offset} (gateway gRPC; move it with GATEWAY_PORT or STACK_PORT_OFFSET)`);
    expect(output()).not.toContain('Kafka:');
  }, 60_000);

  it('one port given to two processes fails the start at once (two gateways on one GATEWAY_PORT with --cluster)', async () => {
    const offset = await freeOffset();
    const grpc = 6565 + offset;
    const { exited, output } = startStack(offset, { GATEWAY_PORT: String(grpc) }, ['--cluster']);
    const code = await exited;
    expect(code).toBe(1);
    expect(output()).toContain(`port ${grpc} is given to both gateway-1 gRPC and gateway-2 gRPC; move one with GATEWAY_PORT`);
    expect(output()).not.toContain('Kafka:');
  }, 60_000);
});
