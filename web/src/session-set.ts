/**
 * A set of strings that lasts as long as the browser tab (sessionStorage), for "once per session"
 * rules such as dwell clicks and remembered likes. Falls back to memory when storage is unavailable.
 */
export interface SessionSet {
  has(key: string): boolean;
  /** Adds the key; true when it was not there before. */
  add(key: string): boolean;
  delete(key: string): void;
}

export function createSessionSet(name: string, options: { storage?: Storage | undefined; max?: number } = {}): SessionSet {
  const storage = options.storage ?? (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
  // Bounded so a long session cannot grow storage without limit; the oldest entries go first.
  const max = options.max ?? 2000;
  const storageKey = `chirp.${name}`;
  const items = new Set<string>(load());

  function load(): string[] {
    try {
      const raw = storage?.getItem(storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
    } catch {
      return [];
    }
  }

  function save(): void {
    try {
      storage?.setItem(storageKey, JSON.stringify([...items]));
    } catch {
      // Quota or disabled storage: the in-memory set still holds for this page.
    }
  }

  return {
    has: (key) => items.has(key),
    add(key) {
      if (items.has(key)) return false;
      items.add(key);
      while (items.size > max) items.delete(items.values().next().value as string);
      save();
      return true;
    },
    delete(key) {
      if (items.delete(key)) save();
    },
  };
}
