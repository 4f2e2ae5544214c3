import { credentials, Metadata, type Client, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { loadLiiklus, type Assignment, type OffsetsReply, type ReceiveReply, type ReceivedRecord, type SubscribeReply } from '../src/protocol.ts';

type Unary = (req: unknown, md: Metadata, cb: (err: ServiceError | null, res: unknown) => void) => void;
type Streaming = (req: unknown, md: Metadata) => ClientReadableStream<unknown>;

/** A client generated at run time from the gateway's own .proto (proto-loader), as any liiklus client would be. */
export class TestClient {
  readonly raw: Client & Record<string, Unary | Streaming>;
  constructor(
    address: string,
    private readonly token?: string,
  ) {
    const { LiiklusService } = loadLiiklus();
    this.raw = new LiiklusService(address, credentials.createInsecure()) as TestClient['raw'];
  }

  metadata(): Metadata {
    const md = new Metadata();
    if (this.token !== undefined) md.set('authorization', `Bearer ${this.token}`);
    return md;
  }

  call<T = unknown>(method: string, req: unknown): Promise<T> {
    return new Promise((resolve, reject) =>
      (this.raw[method] as Unary).call(this.raw, req, this.metadata(), (err: ServiceError | null, res: unknown) => (err ? reject(err) : resolve(res as T))),
    );
  }

  offsets(method: 'GetOffsets' | 'GetEndOffsets', req: unknown): Promise<Record<string, string>> {
    return this.call<OffsetsReply>(method, req).then((r) => r.offsets);
  }

  /** Subscribe, recording every assignment; `error` holds the status the stream ended with. */
  subscribe(req: unknown): Subscription {
    const stream = (this.raw.Subscribe as Streaming).call(this.raw, req, this.metadata()) as ClientReadableStream<SubscribeReply>;
    const sub: Subscription = { stream, assignments: [], error: undefined, close: () => stream.cancel() };
    stream.on('data', (reply: SubscribeReply) => reply.assignment && sub.assignments.push(reply.assignment));
    stream.on('error', (e: ServiceError) => (sub.error = e));
    return sub;
  }

  /** Receive one assignment, recording every record and whether the stream ended. */
  receive(assignment: Assignment, extra: Record<string, unknown> = {}): Receiving {
    const stream = (this.raw.Receive as Streaming).call(this.raw, { assignment, ...extra }, this.metadata()) as ClientReadableStream<ReceiveReply>;
    const r: Receiving = { stream, assignment, records: [], replies: [], ended: false, error: undefined, close: () => stream.cancel() };
    stream.on('data', (reply: ReceiveReply) => {
      r.replies.push(reply);
      if (reply.record) r.records.push(reply.record);
    });
    stream.on('end', () => (r.ended = true));
    stream.on('error', (e: ServiceError) => {
      r.error = e;
      r.ended = true;
    });
    return r;
  }

  close(): void {
    this.raw.close();
  }
}

export interface Subscription {
  stream: ClientReadableStream<SubscribeReply>;
  assignments: Assignment[];
  error: ServiceError | undefined;
  close(): void;
}

export interface Receiving {
  stream: ClientReadableStream<ReceiveReply>;
  assignment: Assignment;
  records: ReceivedRecord[];
  replies: ReceiveReply[];
  ended: boolean;
  error: ServiceError | undefined;
  close(): void;
}

/** The gRPC status code a promise was rejected with. */
export async function codeOf(promise: Promise<unknown>): Promise<number | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as ServiceError).code;
  }
}

/** The health and metrics port a started gateway logged (`"gateway started"`). */
export function metricsPortOf(gateway: { logs(): string }): number {
  const line = gateway
    .logs()
    .split('\n')
    .find((l) => l.includes('"gateway started"'));
  if (!line) throw new Error('the gateway has not logged "gateway started"');
  return (JSON.parse(line) as { metricsPort: number }).metricsPort;
}
