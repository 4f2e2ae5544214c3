import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

export interface DwellOptions {
  enabled: boolean;
  /** How long the element must stay in view. */
  ms?: number;
  /** How much of it must be visible to count as "in view". */
  threshold?: number;
}

/**
 * Calls `onDwell` once the element has been in view for `ms` without interruption. Scrolling away
 * or hiding the browser tab restarts the clock: a tweet behind another tab was not read.
 */
export function useDwell(ref: RefObject<Element | null>, onDwell: () => void, { enabled, ms = 3000, threshold = 0.5 }: DwellOptions): void {
  const onDwellRef = useRef(onDwell);
  useLayoutEffect(() => {
    onDwellRef.current = onDwell;
  });

  useEffect(() => {
    const element = ref.current;
    if (!enabled || element === null || typeof IntersectionObserver === 'undefined') return;
    let visible = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const start = (): void => {
      if (timer !== null || !visible || document.visibilityState === 'hidden') return;
      timer = setTimeout(() => {
        timer = null;
        cleanup();
        onDwellRef.current();
      }, ms);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) visible = entry.isIntersecting && entry.intersectionRatio >= threshold;
        if (visible) start();
        else stop();
      },
      { threshold },
    );
    const onVisibility = (): void => (document.visibilityState === 'hidden' ? stop() : start());
    function cleanup(): void {
      stop();
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    }
    observer.observe(element);
    document.addEventListener('visibilitychange', onVisibility);
    return cleanup;
  }, [ref, enabled, ms, threshold]);
}
