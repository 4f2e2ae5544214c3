/** The closed list of error codes. The HTTP status of each lives in services/api's error handler. */
export const ERROR_CODES = [
  'VALIDATION', // input fails a schema: 400
  'NOT_FOUND', // unknown route or id: 404
  'PAYLOAD_TOO_LARGE', // body over the limit: 413
  'UNSUPPORTED_MEDIA_TYPE', // content type we do not parse: 415
  'RATE_LIMITED', // too many requests: 429
  'KAFKA_UNAVAILABLE', // the broker did not acknowledge: 503
  'REDIS_UNAVAILABLE', // Redis did not answer: 503
  'DECODE', // a message that cannot be decoded: never retried, straight to the DLQ
  'UPSTREAM', // a dependency (LLM provider) failed
  'CONFIG', // bad configuration at start
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ChirpErrorOptions {
  /** Whether trying the same thing again may succeed. Drives retries in processors and clients. */
  retriable?: boolean;
  cause?: unknown;
  /** The input field at fault, for validation errors. */
  field?: string;
}

export class ChirpError extends Error {
  override readonly name = 'ChirpError';
  readonly code: ErrorCode;
  readonly retriable: boolean;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: ChirpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.field = options.field;
  }
}

export function isChirpError(error: unknown): error is ChirpError {
  return error instanceof ChirpError;
}

/** Whether an error (ours or a client library's) is worth retrying. */
export function isRetriable(error: unknown): boolean {
  if (error instanceof ChirpError) return error.retriable;
  if (error && typeof error === 'object' && 'retriable' in error) return Boolean(error.retriable);
  return true;
}
