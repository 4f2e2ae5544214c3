import { useCallback, useEffect, useState } from 'react';
import { readStoredHandle, resolveHandle, urlWithHandle, writeStoredHandle } from '../handle.ts';

export interface Session {
  viewer: string | null;
  /** A handle in the URL that was not valid, so the sign-in form can say why it appeared. */
  rejected: string | null;
  signIn(handle: string): void;
  signOut(): void;
}

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

function resolveNow(): ReturnType<typeof resolveHandle> {
  return resolveHandle({ search: window.location.search, hash: window.location.hash, stored: readStoredHandle(storage()) });
}

/** Put the handle into the URL without a reload, so the address bar always says who is signed in. */
function syncUrl(handle: string | null): void {
  const next = urlWithHandle(window.location.href, handle);
  if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
}

export function useSession(): Session {
  const [state, setState] = useState(resolveNow);

  useEffect(() => {
    if (state.handle !== null) {
      writeStoredHandle(storage(), state.handle);
      syncUrl(state.handle);
    }
  }, [state.handle]);

  // A pasted or hand-edited link may carry a different `as=`.
  useEffect(() => {
    const onChange = (): void => {
      const next = resolveNow();
      setState((prev) => (prev.handle === next.handle && prev.rejected === next.rejected ? prev : next));
    };
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);

  const signIn = useCallback((handle: string) => setState({ handle, rejected: null }), []);
  const signOut = useCallback(() => {
    writeStoredHandle(storage(), null);
    syncUrl(null);
    setState({ handle: null, rejected: null });
  }, []);

  return { viewer: state.handle, rejected: state.rejected, signIn, signOut };
}
