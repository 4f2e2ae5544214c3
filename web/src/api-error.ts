/**
 * The one error the API client throws. `status` is the HTTP status, or 0 when the server could
 * not be reached at all; `field` names the offending input on a 400 (e.g. "text").
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly field: string | undefined;

  constructor(status: number, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.status = status;
    this.field = options.field;
  }

  /** Worth trying again later: the network or the server, not the request, was at fault. */
  get retriable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException ? err.name === 'AbortError' : (err as { name?: unknown } | null)?.name === 'AbortError';
}
