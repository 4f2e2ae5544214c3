import { setTimeout as delay } from 'node:timers/promises';

/**
 * Runs `tick` every `intervalMs` (start to start) until `signal` aborts. A tick never overlaps the
 * next: a slow one delays it. A tick that throws is handed to `onError` and the loop goes on.
 */
export async function runEvery(
  intervalMs: number,
  signal: AbortSignal,
  tick: (signal: AbortSignal) => Promise<void>,
  onError: (error: unknown) => void,
): Promise<void> {
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await tick(signal);
    } catch (error) {
      if (!signal.aborted) onError(error);
    }
    try {
      await delay(Math.max(0, intervalMs - (Date.now() - started)), undefined, { signal });
    } catch {
      return; // aborted while waiting
    }
  }
}
