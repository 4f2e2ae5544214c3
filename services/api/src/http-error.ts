import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ChirpError, isChirpError, type ErrorCode } from '@chirp/core';
import type { Logger } from '@chirp/telemetry';
import type { ZodError } from 'zod';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  KAFKA_UNAVAILABLE: 503,
  REDIS_UNAVAILABLE: 503,
  DECODE: 400,
  UPSTREAM: 503,
  NOT_READY: 503,
  CONFIG: 500,
  INTERNAL: 500,
};

export function validationError(error: ZodError): ChirpError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  return new ChirpError('VALIDATION', `${field} ${issue?.message ?? 'is invalid'}`, { field });
}

/** body-parser reports its failures with a `type`; map them to our codes. */
function fromBodyParser(error: { type?: string; status?: number }): ChirpError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new ChirpError('PAYLOAD_TOO_LARGE', 'request body is too large');
    case 'entity.parse.failed':
      return new ChirpError('VALIDATION', 'request body is not valid JSON', { field: 'body' });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ChirpError('UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding or charset');
    case 'parameters.too.many':
      return new ChirpError('PAYLOAD_TOO_LARGE', 'too many form fields');
    default:
      return undefined;
  }
}

/** The one place errors become responses: `{error, field?}`, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = isChirpError(err) ? err : fromBodyParser(err as { type?: string });
    const error = known ?? new ChirpError('INTERNAL', 'internal error', { cause: err });
    const status = STATUS[error.code];
    if (status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, error.message);
    if (res.headersSent) return;
    if (error.code === 'KAFKA_UNAVAILABLE' || error.code === 'REDIS_UNAVAILABLE' || error.code === 'UPSTREAM' || error.code === 'NOT_READY')
      res.set('Retry-After', '5');
    if (error.code === 'UNAUTHORIZED') res.set('WWW-Authenticate', 'Bearer realm="chirp"');
    res.status(status).json(error.field ? { error: error.message, field: error.field } : { error: error.message });
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ChirpError('NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

/** Only JSON and form bodies are accepted on writes; anything else is a 415 before parsing. */
export function requireBodyType(): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next();
    const length = Number(req.headers['content-length'] ?? 0);
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (length === 0 && !chunked) return next(); // no body (e.g. PUT follow)
    if (req.is(['application/json', 'application/x-www-form-urlencoded'])) return next();
    next(
      new ChirpError(
        'UNSUPPORTED_MEDIA_TYPE',
        `unsupported content type ${req.headers['content-type'] ?? '(none)'}: send application/json or application/x-www-form-urlencoded`,
      ),
    );
  };
}

/** Wraps a Redis read so a dead Redis is a 503, not a 500. */
export async function fromRedis<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (cause) {
    if (isChirpError(cause)) throw cause;
    throw new ChirpError('REDIS_UNAVAILABLE', 'Redis is unavailable', { cause, retriable: true });
  }
}
