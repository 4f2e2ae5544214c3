import { api } from './api.ts';
import { createSessionSet } from './session-set.ts';
import type { Click } from './types.ts';

/**
 * Clicks feed the "For you" ranking; losing one is harmless, so they are fire-and-forget and sent
 * in batches (`{clicks: [...]}`) a moment after the first one, not one request per event.
 */
export interface ClickTrackerOptions {
  send: (clicks: Click[]) => Promise<void>;
  /** How long the first click of a batch waits for company. */
  delayMs?: number;
  maxBatch?: number;
}

export interface ClickTracker {
  track(click: Click): void;
  /** Sends what is queued now (on page hide, so the last clicks are not lost). */
  flush(): void;
}

export function createClickTracker({ send, delayMs = 1000, maxBatch = 50 }: ClickTrackerOptions): ClickTracker {
  let queue: Click[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      send(batch).catch(() => {
        // Fire-and-forget by design: ranking signals are not worth a retry queue or an error banner.
      });
    }
  }

  return {
    track(click) {
      queue.push(click);
      if (queue.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}

export const clickTracker: ClickTracker = createClickTracker({ send: (clicks) => api.sendClicks(clicks) });

const dwelled = createSessionSet('dwelled');

/** A dwell counts once per tweet per viewer per session, however often it scrolls back into view. */
export function trackDwell(user: string, tweetId: string, tracker: ClickTracker = clickTracker): boolean {
  if (!dwelled.add(`${user}|${tweetId}`)) return false;
  tracker.track({ user, tweetId, kind: 'dwell' });
  return true;
}
