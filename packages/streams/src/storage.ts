/**
 * The local store of a table partition (goka's `storage`). Synchronous on purpose: the handler of a
 * message reads its key's state without a round trip, and the changelog, not this store, is what
 * survives a crash. A disk-backed store (LevelDB, RocksDB) would fit the same interface and only
 * shorten restores; see docs/state.md for why chirp keeps tables in memory.
 */
export interface Storage<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  entries(): IterableIterator<[string, V]>;
  clear(): void;
  readonly size: number;
}

export class MemoryStorage<V> implements Storage<V> {
  private readonly map = new Map<string, V>();

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  entries(): IterableIterator<[string, V]> {
    return this.map.entries();
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
