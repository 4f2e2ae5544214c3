import { useEffect, useState } from 'react';
import { api } from '../api.ts';

/** The unread notification count for the header's badge, re-read every `refreshMs` and on `version` changes. */
export function useUnreadCount(viewer: string | null, refreshMs = 15_000, version = 0): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (viewer === null) return undefined;
    const controller = new AbortController();
    const read = (): void => {
      api.getNotifications({ limit: 1, signal: controller.signal }).then(
        (page) => {
          if (!controller.signal.aborted) setUnread(page.unread);
        },
        () => undefined, // the badge keeps its last value while the API is away
      );
    };
    read();
    const timer = setInterval(read, refreshMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [viewer, refreshMs, version]);
  return viewer === null ? 0 : unread;
}
