/**
 * Who "you" are. There is no password: the handle lives in the URL (`?as=alice`, so two tabs can
 * be two users and a link says who is looking) and in localStorage (so a bare visit remembers).
 */

export const HANDLE_PATTERN = /^[A-Za-z0-9_]{1,32}$/;
export const HANDLE_RULE = '1–32 letters, digits or _';
const STORAGE_KEY = 'chirp.handle';

export function isHandle(value: string): boolean {
  return HANDLE_PATTERN.test(value);
}

/** People type "@alice " as often as "alice". */
export function normalizeHandle(input: string): string {
  return input.trim().replace(/^@/, '');
}

export interface HandleSources {
  /** location.search, e.g. "?as=alice". */
  search: string;
  /** location.hash, e.g. "#/home?as=alice" (also accepted, for hand-written links). */
  hash: string;
  /** What localStorage remembers, if anything. */
  stored: string | null;
}

export interface ResolvedHandle {
  handle: string | null;
  /** An `as=` value in the URL that is not a valid handle, to tell the person why they are asked to sign in. */
  rejected: string | null;
}

/** The URL wins over storage: it is what the person (or a test) asked for explicitly. */
export function resolveHandle({ search, hash, stored }: HandleSources): ResolvedHandle {
  const fromUrl = new URLSearchParams(search).get('as') ?? hashQuery(hash).get('as');
  if (fromUrl !== null) {
    const h = normalizeHandle(fromUrl);
    if (isHandle(h)) return { handle: h, rejected: null };
    return { handle: storedHandle(stored), rejected: fromUrl };
  }
  return { handle: storedHandle(stored), rejected: null };
}

function storedHandle(stored: string | null): string | null {
  return stored !== null && isHandle(stored) ? stored : null;
}

function hashQuery(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i === -1 ? '' : hash.slice(i + 1));
}

/** The canonical URL for a handle: `?as=` in the search part, none in the hash, the route untouched. */
export function urlWithHandle(href: string, handle: string | null): string {
  const url = new URL(href);
  if (handle === null) url.searchParams.delete('as');
  else url.searchParams.set('as', handle);
  const [route = '', q] = url.hash.split('?', 2);
  if (q !== undefined) {
    const params = new URLSearchParams(q);
    params.delete('as');
    const rest = params.toString();
    url.hash = rest ? `${route}?${rest}` : route;
  }
  return url.toString();
}

export function readStoredHandle(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage can be disabled (private mode, policies); the URL still works.
  }
}

export function writeStoredHandle(storage: Storage | undefined, handle: string | null): void {
  try {
    if (handle === null) storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, handle);
  } catch {
    // See readStoredHandle.
  }
}
