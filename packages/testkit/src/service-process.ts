import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Port the service logged it listens on (API port or metrics port). */
  port: number;
  logs(): string;
  /** SIGTERM and wait for exit (SIGKILL after 20 s). */
  stop(): Promise<number | null>;
  /** SIGKILL: a crash, no cleanup. */
  kill(): Promise<void>;
}

/**
 * Runs `services/<name>/src/main.ts` as a real process (or the node arguments given, e.g. a compiled
 * entry) and waits until it logs that it started.
 */
export async function startService(name: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000, nodeArgs?: string[]): Promise<ServiceProcess> {
  const child = spawn(process.execPath, nodeArgs ?? ['--import', 'tsx', join(ROOT, 'services', name, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', METRICS_PORT: '0', API_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test runner that dies must not leave its services running: kill them with it.
  const reap = (): void => void child.kill('SIGKILL');
  process.once('exit', reap);
  let output = '';
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      process.removeListener('exit', reap);
      resolve(code);
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output.slice(-3000)}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; port?: number; metricsPort?: number };
          if (entry.msg === 'worker started' || entry.msg === 'api listening' || entry.msg === 'monitor started' || entry.msg === 'gateway started') {
            clearTimeout(timer);
            resolve(entry.port ?? entry.metricsPort ?? 0);
          }
        } catch {
          /* not a log line */
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before starting:\n${output.slice(-3000)}`));
    });
  });
  return {
    name,
    child,
    port,
    logs: () => output,
    async stop() {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async kill() {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
