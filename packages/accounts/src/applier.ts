import type { Kafka } from 'kafkajs';
import { accountEventSchema } from '@chirp/core';
import type { AccountStore } from '@chirp/store';
import { batchInput, jsonCodec, Processor } from '@chirp/streams';
import type { Logger, Registry } from '@chirp/telemetry';

export interface AccountsApplierOptions {
  kafka: Kafka;
  /** `<prefix>accounts`. */
  groupId: string;
  topic: string;
  store: AccountStore;
  registry: Registry;
  logger: Logger;
}

/**
 * The accounts group: applies sign-ups from twitter.accounts in log order, one pipeline of SET NX
 * per batch. A key's records are on one partition in order, so the first sign-up of a handle wins
 * on every replay: accounts rebuild from Kafka to the same verdicts. Redelivery is a no-op.
 */
export function createAccountsApplier(o: AccountsApplierOptions): Processor {
  return new Processor({
    kafka: o.kafka,
    groupId: o.groupId,
    registry: o.registry,
    logger: o.logger,
    concurrency: 4,
    fromBeginning: true,
    inputs: [batchInput(o.topic, jsonCodec(accountEventSchema), (messages) => o.store.claim(messages.map((m) => m.value)))],
  });
}
