export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  what?: string;
}

/** Polls until `check` returns a truthy value, which it returns; throws after the timeout. */
export async function waitFor<T>(check: () => Promise<T> | T, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeout = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${options.what ?? 'a condition'}${last === undefined ? '' : ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})`}`,
      );
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 50));
  }
}
