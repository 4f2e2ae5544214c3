import { Counter, Gauge, type Registry } from '@chirp/telemetry';

/** The gateway's own series on its /metrics (besides the process defaults). */
export interface GatewayMetrics {
  /** Records sent to clients, per topic and group. */
  records: Counter<'topic' | 'group'>;
  acks: Counter<'topic' | 'group'>;
  /** The offset last acked, per topic, group, version and partition. */
  position: Gauge<'topic' | 'group' | 'version' | 'partition'>;
  /** Open Subscribe streams, per topic and group. */
  subscribers: Gauge<'topic' | 'group'>;
  /** Partitions assigned to open Subscribe streams, and how many of them wait on a slow client. */
  assignments: Gauge<'topic' | 'group'>;
  backpressured: Gauge<'topic' | 'group'>;
  /** Calls refused, by gRPC status name. */
  refused: Counter<'method' | 'code'>;
}

export function gatewayMetrics(registry: Registry): GatewayMetrics {
  const registers = [registry];
  return {
    records: new Counter({ name: 'chirp_gateway_records_sent_total', help: 'Records sent to gateway clients', labelNames: ['topic', 'group'], registers }),
    acks: new Counter({ name: 'chirp_gateway_acks_total', help: 'Acks stored by the gateway', labelNames: ['topic', 'group'], registers }),
    position: new Gauge({
      name: 'chirp_gateway_position',
      help: 'Offset last acked by a gateway group',
      labelNames: ['topic', 'group', 'version', 'partition'],
      registers,
    }),
    subscribers: new Gauge({ name: 'chirp_gateway_subscribers', help: 'Open Subscribe streams', labelNames: ['topic', 'group'], registers }),
    assignments: new Gauge({
      name: 'chirp_gateway_assignments',
      help: 'Partitions assigned to open Subscribe streams',
      labelNames: ['topic', 'group'],
      registers,
    }),
    backpressured: new Gauge({
      name: 'chirp_gateway_backpressured_partitions',
      help: 'Partitions paused because their client is not reading',
      labelNames: ['topic', 'group'],
      registers,
    }),
    refused: new Counter({ name: 'chirp_gateway_refused_calls_total', help: 'Calls refused, by gRPC status', labelNames: ['method', 'code'], registers }),
  };
}
