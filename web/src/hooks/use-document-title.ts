import { useEffect } from 'react';

/** Each page names itself in the tab title, which screen readers also announce on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · chirp` : 'chirp';
  }, [title]);
}
