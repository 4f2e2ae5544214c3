import type { ProcessStatus } from '@chirp/core';
import { backoffMs } from '@chirp/core';
import { spawnManaged, type Managed, type ManagedOptions } from './process.ts';

export interface RestartPolicy {
  /** First restart waits about this long (full jitter between half and all of it), doubling per crash in a row. */
  baseMs: number;
  capMs: number;
  /** A process that stayed up this long was healthy: its next crash starts the backoff over. */
  stableMs: number;
}

export const DEFAULT_RESTART: RestartPolicy = { baseMs: 500, capMs: 30_000, stableMs: 30_000 };

export interface SupervisedOptions extends ManagedOptions {
  restart?: Partial<RestartPolicy>;
  log: (line: string) => void;
  /** Called whenever the status changes (started, exited, restart scheduled, stopped). */
  onChange?: () => void;
}

export interface Supervised {
  name: string;
  readonly status: ProcessStatus;
  /** Crashes in a row, each before the process had been up `stableMs`: a start that cannot succeed. */
  readonly crashesInARow: number;
  /** Stops the process and every restart to come; resolves when it is gone. Idempotent. */
  stop(): Promise<void>;
}

function describeExit(m: Managed): string {
  return m.exitSignal ? `signal ${m.exitSignal}` : `code ${m.exitCode}`;
}

/**
 * Runs a process and restarts it whenever it exits without being asked to, after a backoff that
 * grows while it keeps crashing (the project's one backoff function). What compose's
 * `restart: unless-stopped` does for containers, for `npm start`.
 */
export function supervise(o: SupervisedOptions): Supervised {
  const policy = { ...DEFAULT_RESTART, ...o.restart };
  let current: Managed | undefined;
  let state: ProcessStatus['state'] = 'up';
  let restarts = 0;
  let crashesInARow = 0;
  let startedAt = 0;
  let lastExit: ProcessStatus['lastExit'] = null;
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const changed = (): void => o.onChange?.();

  const launch = (): void => {
    timer = undefined;
    const child = spawnManaged(o);
    current = child;
    startedAt = Date.now();
    state = 'up';
    changed();
    void child.done.then(() => exited(child));
  };

  const exited = (child: Managed): void => {
    lastExit = { code: child.exitCode, signal: child.exitSignal, at: new Date().toISOString() };
    if (stopping) return;
    crashesInARow = Date.now() - startedAt >= policy.stableMs ? 1 : crashesInARow + 1;
    restarts++;
    const delay = backoffMs(crashesInARow, { baseMs: policy.baseMs, capMs: policy.capMs });
    o.log(`! ${o.name} exited (${describeExit(child)}); restart ${restarts} in ${delay} ms; see ${o.logFile}`);
    state = 'restarting';
    changed();
    timer = setTimeout(launch, delay);
  };

  launch();
  return {
    name: o.name,
    get status(): ProcessStatus {
      const up = state === 'up' && current !== undefined;
      return { name: o.name, pid: up ? current!.pid : null, state, restarts, startedAt: up ? new Date(startedAt).toISOString() : null, lastExit };
    },
    get crashesInARow() {
      return crashesInARow;
    },
    stop() {
      stopping ??= (async () => {
        clearTimeout(timer);
        await current?.stop();
        state = 'stopped';
        changed();
      })();
      return stopping;
    },
  };
}
