/**
 * The project's one bound on work in flight. `acquire` resolves with a release function once a
 * permit is free (an aborted signal rejects a waiter); `run` wraps a task in acquire and release.
 */
export interface Semaphore {
  acquire(signal?: AbortSignal): Promise<() => void>;
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly inUse: number;
  readonly waiting: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`semaphore limit must be an integer >= 1, got ${limit}`);
  let inUse = 0;
  const queue: Array<() => void> = [];

  const releaser = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return; // a double release must not free someone else's permit
      released = true;
      const next = queue.shift();
      if (next)
        next(); // hand the permit over directly, so inUse never dips and lets a newcomer jump the queue
      else inUse--;
    };
  };

  const abortError = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));

  const acquire = (signal?: AbortSignal): Promise<() => void> => {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (inUse < limit) {
      inUse++;
      return Promise.resolve(releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(releaser());
      };
      const onAbort = (): void => {
        const i = queue.indexOf(grant);
        if (i >= 0) queue.splice(i, 1);
        reject(abortError(signal!));
      };
      queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };

  return {
    get inUse() {
      return inUse;
    },
    get waiting() {
      return queue.length;
    },
    acquire,
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const release = await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
