import { status } from '@grpc/grpc-js';
import { GatewayError } from './errors.ts';
import type { LiiklusEvent } from './protocol.ts';

/** A CloudEvents 1.0 event in JSON (structured mode), the way the gateway stores a published LiiklusEvent. */
interface StoredEvent {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time?: string;
  datacontenttype?: string;
  data_base64?: string;
  data?: unknown;
}

/** Validates a published event (id, type and source are required; time, when given, is a date) and encodes it as a Kafka value. */
export function encodeEvent(event: LiiklusEvent): Buffer {
  for (const field of ['id', 'type', 'source'] as const) {
    if (!event[field]) throw new GatewayError(status.INVALID_ARGUMENT, `liiklusEvent.${field} is required`);
  }
  if (event.time && Number.isNaN(Date.parse(event.time))) throw new GatewayError(status.INVALID_ARGUMENT, 'liiklusEvent.time must be an RFC 3339 date');
  const stored: StoredEvent = { specversion: '1.0', id: event.id, type: event.type, source: event.source };
  if (event.time) stored.time = event.time;
  if (event.data_content_type) stored.datacontenttype = event.data_content_type;
  if (event.data.length > 0) stored.data_base64 = event.data.toString('base64');
  return Buffer.from(JSON.stringify(stored));
}

function parseStored(value: Buffer): StoredEvent | undefined {
  if (value[0] !== 0x7b) return undefined; // not a JSON object
  try {
    const v = JSON.parse(value.toString('utf8')) as Partial<StoredEvent>;
    return v.specversion && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.source === 'string' ? (v as StoredEvent) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A record as a LiiklusEvent: an event published through the gateway as it was published; any
 * other record (chirp's JSON tweets and tags) wrapped with id `<topic>/<partition>/<offset>`, type
 * `chirp.<topic>`, the record's time, and the value as data.
 */
export function decodeEvent(topic: string, partition: number, offset: string, timestampMs: number, value: Buffer): LiiklusEvent {
  const stored = parseStored(value);
  if (stored) {
    let data = Buffer.alloc(0);
    if (stored.data_base64 !== undefined) data = Buffer.from(stored.data_base64, 'base64');
    else if (stored.data !== undefined) data = Buffer.from(typeof stored.data === 'string' ? stored.data : JSON.stringify(stored.data));
    return { id: stored.id, type: stored.type, source: stored.source, time: stored.time ?? '', data_content_type: stored.datacontenttype ?? '', data };
  }
  return {
    id: `${topic}/${partition}/${offset}`,
    type: `chirp.${topic}`,
    source: `/chirp/topics/${topic}`,
    time: new Date(timestampMs).toISOString(),
    data_content_type: value[0] === 0x7b || value[0] === 0x5b ? 'application/json' : 'application/octet-stream',
    data: value,
  };
}
