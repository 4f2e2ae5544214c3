/**
 * The project's one backoff: exponential with equal jitter (half of the delay fixed, half random),
 * capped. Equal rather than full jitter so a retry never collapses to an immediate one. `attempt`
 * counts from 1: the first wait is between baseMs/2 and baseMs.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs?: number;
  /** For tests: a deterministic source in [0, 1). */
  random?: () => number;
}

export const DEFAULT_BACKOFF_CAP_MS = 30_000;

export function backoffMs(attempt: number, options: BackoffOptions): number {
  const cap = options.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const exp = Math.min(cap, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (options.random ?? Math.random)() * (exp / 2));
}

/** A sleep that ends early when the signal aborts (shutdown must not wait out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
