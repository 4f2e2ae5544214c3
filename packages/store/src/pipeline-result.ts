/** A pipeline answers per command; the first failed command fails the whole call (callers are idempotent). */
export function throwFirstError(results: [Error | null, unknown][] | null): void {
  for (const [error] of results ?? []) if (error) throw error;
}
