import type { ReactElement } from 'react';

/** A coloured initial: recognisable at a glance without image hosting. Decorative, so hidden from screen readers. */
export function Avatar({ handle, size = 'md' }: { handle: string; size?: 'md' | 'lg' }): ReactElement {
  let hash = 0;
  for (const ch of handle) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  // Dark enough at every hue for white text to keep a 4.5:1 contrast.
  const style = { backgroundColor: `hsl(${hash % 360} 55% 32%)` };
  return (
    <span className={`avatar avatar-${size}`} style={style} aria-hidden="true">
      {handle.charAt(0).toUpperCase()}
    </span>
  );
}
