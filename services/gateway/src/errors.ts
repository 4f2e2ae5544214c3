import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { classifyFailure } from '@chirp/streams';

/** An error with the gRPC status the client gets; its message is safe to show. */
export class GatewayError extends Error {
  constructor(
    readonly code: status,
    message: string,
  ) {
    super(message);
  }
}

export type CallError = Partial<ServiceError> & { code: status; details: string };

/** What a failed call answers: our own errors as they are, a Kafka/Redis outage UNAVAILABLE, anything else INTERNAL without detail. */
export function toCallError(error: unknown): CallError {
  const metadata = new Metadata();
  if (error instanceof GatewayError) return { code: error.code, details: error.message, metadata };
  if (classifyFailure(error).kind === 'dependency') return { code: status.UNAVAILABLE, details: 'Kafka or Redis is unavailable, try again', metadata };
  return { code: status.INTERNAL, details: 'internal error', metadata };
}
