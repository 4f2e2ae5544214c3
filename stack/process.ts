import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ManagedOptions {
  name: string;
  cmd: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stopTimeoutMs?: number;
}

export interface Managed {
  name: string;
  pid: number;
  readonly exited: boolean;
  readonly exitCode: number | null;
  /** The signal that ended it (SIGKILL for a kill -9), or null. */
  readonly exitSignal: NodeJS.Signals | null;
  /** SIGTERM, then SIGKILL after the timeout; resolves when the process is gone. Idempotent. */
  stop(): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  done: Promise<void>;
}

/**
 * Spawns a process in its own process group with stdout and stderr appended to its log file.
 * Its own group means a terminal Ctrl-C reaches only the stack CLI, which then stops everything in
 * order (services before Kafka), instead of every process dying at once.
 */
export function spawnManaged(o: ManagedOptions): Managed {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const fd = openSync(o.logFile, 'a');
  const child: ChildProcess = spawn(o.cmd, o.args, {
    cwd: o.cwd,
    env: o.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let exited = false;
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;
  const done = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      exitCode = code;
      exitSignal = signal;
      resolve();
    });
    child.once('error', () => {
      exited = true;
      resolve();
    });
  });
  let stopping: Promise<void> | undefined;
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
    }
  };
  return {
    name: o.name,
    pid: child.pid ?? -1,
    get exited() {
      return exited;
    },
    get exitCode() {
      return exitCode;
    },
    get exitSignal() {
      return exitSignal;
    },
    done,
    kill: signalGroup,
    stop() {
      stopping ??= (async () => {
        if (exited) return;
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), o.stopTimeoutMs ?? 10_000);
        await done;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
