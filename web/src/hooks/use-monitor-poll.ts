import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { isAbortError } from '../api-error.ts';
import { errorMessage } from '../error-message.ts';
import { pollEvery } from '../poll.ts';
import { relativeTime } from '../relative-time.ts';

/** What a monitor page (pipeline, processors) shows of its last poll. */
export type MonitorView<T> =
  { kind: 'loading' } | { kind: 'ready'; data: T; staleReason: string } | { kind: 'unavailable'; reason: string } | { kind: 'error'; message: string };

/**
 * Polls one of the monitor's reads every `refreshMs` while mounted. A 503 means the monitor is
 * down (said as such); any other failure keeps the last good numbers on screen, marked stale,
 * rather than blanking the page.
 */
export function useMonitorPoll<T>(read: (signal: AbortSignal) => Promise<T>, refreshMs: number): MonitorView<T> {
  const [view, setView] = useState<MonitorView<T>>({ kind: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    void pollEvery(
      async (signal) => {
        try {
          const data = await read(signal);
          setView({ kind: 'ready', data, staleReason: '' });
        } catch (error) {
          if (signal.aborted || isAbortError(error)) return;
          if (error instanceof ApiError && error.status === 503) {
            setView({ kind: 'unavailable', reason: error.message });
            return;
          }
          const message = errorMessage(error);
          setView((prev) => (prev.kind === 'ready' ? { ...prev, staleReason: message } : { kind: 'error', message }));
        }
      },
      refreshMs,
      controller.signal,
    );
    return () => controller.abort();
    // `read` is a module-level API call; a new closure each render must not restart the loop.
  }, [refreshMs]);
  return view;
}

/** "Updated just now", "Updated 12s ago": the age of the monitor's read. */
export function updatedLabel(iso: string, now: number): string {
  const age = relativeTime(iso, now);
  if (age === '' || age === 'now') return 'Updated just now';
  return /^\d+[smh]$/.test(age) ? `Updated ${age} ago` : `Updated ${age}`;
}
