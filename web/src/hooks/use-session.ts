import { useCallback, useEffect, useState } from 'react';
import { api as defaultApi, type Api } from '../api.ts';

export interface Session {
  /** The signed-in handle; null when signed out. */
  viewer: string | null;
  /** True until the server said who the session cookie belongs to (so a reload stays signed in). */
  loading: boolean;
  /** Rejects with the ApiError (401 wrong password, 409 taken, 429 too many attempts) for the form to show. */
  signIn(handle: string, password: string): Promise<void>;
  signUp(handle: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

/**
 * The session lives in an HttpOnly cookie the app cannot read: on load it asks the API who it is
 * signed in as (GET /api/sessions/current), and every later call carries the cookie by itself.
 */
export function useSession(api: Api = defaultApi): Session {
  const [viewer, setViewer] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    api.currentUser(controller.signal).then(
      (handle) => {
        setViewer(handle);
        setLoading(false);
      },
      () => {
        if (!controller.signal.aborted) setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api]);

  const signIn = useCallback(
    async (handle: string, password: string) => {
      setViewer((await api.signIn(handle, password)).handle);
    },
    [api],
  );
  const signUp = useCallback(
    async (handle: string, password: string) => {
      await api.signUp(handle, password);
      setViewer((await api.signIn(handle, password)).handle);
    },
    [api],
  );
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setViewer(null);
    }
  }, [api]);

  return { viewer, loading, signIn, signUp, signOut };
}
