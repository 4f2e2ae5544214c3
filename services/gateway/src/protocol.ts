import { fileURLToPath } from 'node:url';
import { loadPackageDefinition, type GrpcObject, type ServiceClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';

/** The .proto the gateway serves (liiklus's LiiklusService, field for field). */
export const PROTO_PATH = fileURLToPath(new URL('./proto/LiiklusService.proto', import.meta.url));

/**
 * Field names as written in the .proto (snake_case), 64-bit offsets as decimal strings (they may
 * exceed 2^53), enums as their names, unset fields as their defaults, and the set oneof named.
 */
export const PROTO_OPTIONS: Options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

export interface LiiklusPackage {
  LiiklusService: ServiceClientConstructor;
}

/** Loads the protocol at run time (proto-loader), for the server and for clients such as the tests and examples/. */
export function loadLiiklus(path: string = PROTO_PATH): LiiklusPackage {
  const root = loadPackageDefinition(loadSync(path, PROTO_OPTIONS));
  const pkg = (((root.com as GrpcObject).github as GrpcObject).bsideup as GrpcObject).liiklus as GrpcObject;
  return { LiiklusService: pkg.LiiklusService as ServiceClientConstructor };
}

export function serviceDefinition(): ServiceDefinition {
  return loadLiiklus().LiiklusService.service;
}

/** Messages as proto-loader decodes them with PROTO_OPTIONS. */
export interface Assignment {
  session_id: string;
  partition: number;
}
export interface LiiklusEvent {
  id: string;
  type: string;
  source: string;
  time: string;
  data_content_type: string;
  data: Buffer;
}
export interface PublishRequest {
  topic: string;
  key: Buffer;
  value: Buffer;
  liiklusEvent?: LiiklusEvent | null;
  event?: 'liiklusEvent';
}
export interface SubscribeRequest {
  topic: string;
  group: string;
  group_version: number;
  auto_offset_reset: 'EARLIEST' | 'LATEST';
}
export interface ReceiveRequest {
  assignment: Assignment | null;
  last_known_offset: string;
  format: 'BINARY' | 'LIIKLUS_EVENT';
}
export interface AckRequest {
  assignment: Assignment | null;
  topic: string;
  group: string;
  group_version: number;
  partition: number;
  offset: string;
}
export interface GetOffsetsRequest {
  topic: string;
  group: string;
  group_version: number;
}
export interface GetEndOffsetsRequest {
  topic: string;
}
export interface Timestamp {
  seconds: string;
  nanos: number;
}
export interface ReceivedRecord {
  offset: string;
  key: Buffer;
  value: Buffer;
  timestamp: Timestamp;
  replay: boolean;
}
export interface ReceivedEventRecord {
  offset: string;
  key: Buffer;
  event: LiiklusEvent;
  timestamp: Timestamp;
  replay: boolean;
}
export interface ReceiveReply {
  reply?: 'record' | 'liiklus_event_record';
  record?: ReceivedRecord;
  liiklus_event_record?: ReceivedEventRecord;
}
export interface SubscribeReply {
  reply?: 'assignment';
  assignment?: Assignment;
}
export interface OffsetsReply {
  offsets: Record<string, string>;
}
