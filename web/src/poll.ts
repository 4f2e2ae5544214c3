/**
 * Periodic work as a loop that an AbortSignal stops, rather than a setInterval someone forgets:
 * a slow request never overlaps the next one, and unmounting ends the loop mid-sleep.
 */
export async function pollEvery(task: (signal: AbortSignal) => Promise<void>, intervalMs: number, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await task(signal);
    } catch {
      // The task reports its own failures; one bad round must not end the loop.
    }
    await sleep(intervalMs, signal);
  }
}

/** Resolves after `ms`, or at once when the signal aborts (never rejects: callers check `signal.aborted`). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
