import { status, type Metadata, type ServerUnaryCall, type ServerWritableStream, type UntypedServiceImplementation, type sendUnaryData } from '@grpc/grpc-js';
import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { GatewayPositionStore } from '@chirp/store';
import type { Logger } from '@chirp/telemetry';
import { authorize, type Authenticator, type Principal, type TopicRules } from './access.ts';
import { GatewayError, toCallError, type CallError } from './errors.ts';
import { decodeEvent, encodeEvent } from './events.ts';
import type { GatewayMetrics } from './metrics.ts';
import type * as P from './protocol.ts';
import { GroupSubscription, type Encoder } from './subscription.ts';
import type { TopicCatalog } from './topic-catalog.ts';

export interface GatewayDeps {
  kafka: Kafka;
  producer: Producer;
  catalog: TopicCatalog;
  positions: GatewayPositionStore;
  auth: Authenticator;
  rules: TopicRules;
  /** Prefix of the gateway's Kafka consumer groups (the topic prefix, as every group of chirp). */
  groupPrefix: string;
  metrics: GatewayMetrics;
  logger: Logger;
}

/** Largest record a client may publish (value or encoded event). */
export const MAX_PUBLISH_BYTES = 1024 * 1024;

const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const GROUP = /^[A-Za-z0-9._-]{1,200}$/;

function requireTopic(topic: string): string {
  if (!topic) throw new GatewayError(status.INVALID_ARGUMENT, 'topic is required');
  if (!TOPIC.test(topic)) throw new GatewayError(status.INVALID_ARGUMENT, 'topic must be 1-249 characters of A-Z a-z 0-9 . _ -');
  return topic;
}
function requireGroup(group: string): string {
  if (!group) throw new GatewayError(status.INVALID_ARGUMENT, 'group is required');
  if (!GROUP.test(group)) throw new GatewayError(status.INVALID_ARGUMENT, 'group must be 1-200 characters of A-Z a-z 0-9 . _ -');
  return group;
}
function toBigInt(value: string, field: string): bigint {
  if (!/^\d+$/.test(value)) throw new GatewayError(status.INVALID_ARGUMENT, `${field} must be an unsigned integer`);
  return BigInt(value);
}

function timestamp(ms: string): P.Timestamp {
  const n = Number(ms);
  return { seconds: String(Math.floor(n / 1000)), nanos: (n % 1000) * 1_000_000 };
}

/** The six methods of LiiklusService; every call authenticates first, then validates, then authorizes its topic. */
export function gatewayService(deps: GatewayDeps): { implementation: UntypedServiceImplementation; closeAll(): Promise<void> } {
  const sessions = new Map<string, GroupSubscription>();
  const { metrics, logger } = deps;

  const refuse = (method: string, error: unknown): CallError => {
    const e = toCallError(error);
    metrics.refused.inc({ method, code: status[e.code] ?? String(e.code) });
    if (e.code === status.INTERNAL || e.code === status.UNAVAILABLE) logger.warn({ err: error, method }, 'gateway call failed');
    return e;
  };

  const authenticated = (metadata: Metadata): Promise<Principal> => deps.auth.authenticate(metadata);

  function unary<Req, Res>(method: string, run: (req: Req, principal: Principal) => Promise<Res>) {
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
      authenticated(call.metadata)
        .then((principal) => run(call.request, principal))
        .then(
          (res) => callback(null, res),
          (error: unknown) => callback(refuse(method, error)),
        );
    };
  }

  /** Ends a server stream with an error status. */
  const fail = (call: ServerWritableStream<unknown, unknown>, method: string, error: unknown): void => {
    if (call.cancelled || call.destroyed) return;
    call.emit('error', refuse(method, error));
  };

  async function publish(req: P.PublishRequest): Promise<{ topic: string; partition: number; offset: string }> {
    const topic = requireTopic(req.topic);
    authorize(deps.rules, 'publish', topic);
    const value = req.event === 'liiklusEvent' && req.liiklusEvent ? encodeEvent(req.liiklusEvent) : req.value;
    if (value.length > MAX_PUBLISH_BYTES) throw new GatewayError(status.INVALID_ARGUMENT, `record is ${value.length} bytes, at most ${MAX_PUBLISH_BYTES}`);
    if ((await deps.catalog.partitions(topic)) === undefined) throw new GatewayError(status.NOT_FOUND, `topic "${topic}" does not exist`);
    const [meta] = await deps.producer.send({ topic, acks: -1, messages: [{ key: req.key.length > 0 ? req.key : null, value }] });
    if (!meta) throw new GatewayError(status.INTERNAL, 'Kafka did not acknowledge the record');
    return { topic, partition: meta.partition, offset: String(meta.baseOffset ?? meta.offset ?? '0') };
  }

  function encoderFor(topic: string, format: P.ReceiveRequest['format']): Encoder {
    const key = (m: KafkaMessage): Buffer => m.key ?? Buffer.alloc(0);
    if (format === 'LIIKLUS_EVENT') {
      return (partition, m, replay) => ({
        liiklus_event_record: {
          offset: m.offset,
          key: key(m),
          event: decodeEvent(topic, partition, m.offset, Number(m.timestamp), m.value ?? Buffer.alloc(0)),
          timestamp: timestamp(m.timestamp),
          replay,
        },
      });
    }
    return (_partition, m, replay) => ({
      record: { offset: m.offset, key: key(m), value: m.value ?? Buffer.alloc(0), timestamp: timestamp(m.timestamp), replay },
    });
  }

  async function subscribe(call: ServerWritableStream<P.SubscribeRequest, P.SubscribeReply>): Promise<void> {
    await authenticated(call.metadata);
    const req = call.request;
    const topic = requireTopic(req.topic);
    const group = requireGroup(req.group);
    authorize(deps.rules, 'subscribe', topic);
    if ((await deps.catalog.partitions(topic)) === undefined) throw new GatewayError(status.NOT_FOUND, `topic "${topic}" does not exist`);
    if (call.cancelled) return;
    const labels = { topic, group };
    const subscription: GroupSubscription = new GroupSubscription({
      kafka: deps.kafka,
      positions: deps.positions,
      topic,
      group,
      version: req.group_version,
      reset: req.auto_offset_reset,
      kafkaGroupId: `${deps.groupPrefix}gateway.${topic}.${group}`,
      highWatermarks: async () => new Map([...(await deps.catalog.watermarks(topic))].map(([p, m]) => [p, m.high])),
      onAssigned: (partition) => call.write({ assignment: { session_id: subscription.sessionId, partition } }),
      onFailed: (error) => {
        fail(call, 'Subscribe', error);
        void end();
      },
      metrics,
      logger,
    });
    sessions.set(subscription.sessionId, subscription);
    metrics.subscribers.inc(labels);
    let ended = false;
    const end = async (): Promise<void> => {
      if (ended) return;
      ended = true;
      sessions.delete(subscription.sessionId);
      metrics.subscribers.dec(labels);
      await subscription.close();
    };
    call.once('cancelled', () => void end());
    call.once('close', () => void end());
    await deps.positions.remember(topic, group);
    try {
      await subscription.start();
    } catch (error) {
      await end();
      throw error;
    }
  }

  async function receive(call: ServerWritableStream<P.ReceiveRequest, P.ReceiveReply>): Promise<void> {
    await authenticated(call.metadata);
    const req = call.request;
    if (!req.assignment?.session_id) throw new GatewayError(status.INVALID_ARGUMENT, 'assignment.session_id is required (from Subscribe)');
    const lastKnown = toBigInt(req.last_known_offset, 'last_known_offset');
    const subscription = sessions.get(req.assignment.session_id);
    if (!subscription) throw new GatewayError(status.NOT_FOUND, 'no such subscription: it ended, subscribe again');
    authorize(deps.rules, 'subscribe', subscription.topic);
    const partition = req.assignment.partition;
    const attached = await subscription.attach(partition, lastKnown, call, encoderFor(subscription.topic, req.format));
    if (!attached) throw new GatewayError(status.NOT_FOUND, `partition ${partition} is not assigned to this subscription (it moved, or it ended)`);
    const detach = (): void => subscription.detach(partition, call);
    call.once('cancelled', detach);
    call.once('close', detach);
  }

  async function ack(req: P.AckRequest): Promise<Record<string, never>> {
    let topic: string, group: string, version: number, partition: number;
    if (req.assignment) {
      const subscription = sessions.get(req.assignment.session_id);
      if (!subscription) {
        throw new GatewayError(status.FAILED_PRECONDITION, 'no such subscription: it ended; ack with topic, group, group_version and partition instead');
      }
      ({ topic, group, version } = subscription);
      partition = req.assignment.partition;
    } else {
      topic = requireTopic(req.topic);
      group = requireGroup(req.group);
      version = req.group_version;
      partition = req.partition;
    }
    const offset = toBigInt(req.offset, 'offset');
    authorize(deps.rules, 'subscribe', topic);
    const partitions = await deps.catalog.partitions(topic);
    if (partitions === undefined) throw new GatewayError(status.NOT_FOUND, `topic "${topic}" does not exist`);
    if (partition >= partitions) throw new GatewayError(status.INVALID_ARGUMENT, `topic "${topic}" has partitions 0-${partitions - 1}, not ${partition}`);
    await deps.positions.ack(topic, group, version, partition, offset);
    metrics.acks.inc({ topic, group });
    metrics.position.set({ topic, group, version: String(version), partition: String(partition) }, Number(offset));
    return {};
  }

  async function getOffsets(req: P.GetOffsetsRequest): Promise<P.OffsetsReply> {
    const topic = requireTopic(req.topic);
    const group = requireGroup(req.group);
    authorize(deps.rules, 'subscribe', topic);
    const positions = (await deps.positions.positions(topic, group)).get(req.group_version) ?? new Map<number, bigint>();
    return { offsets: Object.fromEntries([...positions].map(([p, o]) => [String(p), o.toString()])) };
  }

  async function getEndOffsets(req: P.GetEndOffsetsRequest): Promise<P.OffsetsReply> {
    const topic = requireTopic(req.topic);
    authorize(deps.rules, 'subscribe', topic);
    const marks = await deps.catalog.watermarks(topic);
    // The last record's offset per partition; a partition without records has none to report.
    const offsets: Record<string, string> = {};
    for (const [p, m] of marks) if (m.high > 0n) offsets[String(p)] = (m.high - 1n).toString();
    return { offsets };
  }

  const stream =
    <Req, Res>(method: string, run: (call: ServerWritableStream<Req, Res>) => Promise<void>) =>
    (call: ServerWritableStream<Req, Res>): void => {
      run(call).catch((error: unknown) => fail(call as ServerWritableStream<unknown, unknown>, method, error));
    };

  return {
    implementation: {
      Publish: unary('Publish', publish),
      Subscribe: stream('Subscribe', subscribe),
      Receive: stream('Receive', receive),
      Ack: unary('Ack', ack),
      GetOffsets: unary('GetOffsets', getOffsets),
      GetEndOffsets: unary('GetEndOffsets', getEndOffsets),
    },
    async closeAll() {
      await Promise.all([...sessions.values()].map((s) => s.close()));
      sessions.clear();
    },
  };
}
