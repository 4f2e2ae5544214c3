import { describe, expect, it } from 'vitest';
import { ChirpError } from '@chirp/core';
import { afterMessageFailure, classifyFailure, DEFAULT_FAILURE, dependencyDelayMs } from '@chirp/streams';

const named = (name: string, message: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(message), { name }, extra);

describe('classifyFailure', () => {
  it.each([
    ['ioredis: connection closed', new Error('Connection is closed.')],
    ['ioredis: refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' })],
    ['ioredis: max retries per request', named('MaxRetriesPerRequestError', 'Reached the max retries per request limit (which is 2).')],
    ['Redis loading its AOF', named('ReplyError', 'LOADING Redis is loading the dataset in memory')],
    // Seen on a Redis Cluster during a master failover (stack/test/redis-cluster.cluster.test.ts).
    ['Redis Cluster: a slot moved under a transaction', named('ReplyError', 'MOVED 2402 127.0.0.1:27300')],
    ['Redis Cluster: a slot migrating', named('ReplyError', 'ASK 2402 127.0.0.1:27301')],
    ['Redis Cluster: no slot map', named('ClusterAllFailedError', 'Failed to refresh slots cache.')],
    ['Redis Cluster: redirections that did not settle', new Error('Too many Cluster redirections. Last error: Error: Connection is closed.')],
    ['Redis Cluster: down', named('ReplyError', 'CLUSTERDOWN The cluster is down')],
    [
      'a MULTI aborted because its slot moved',
      named('ReplyError', 'EXECABORT Transaction discarded because of previous errors.', { previousErrors: [named('ReplyError', 'MOVED 12 127.0.0.1:1')] }),
    ],
    ['kafkajs retriable', named('KafkaJSProtocolError', 'This server is not the leader', { retriable: true })],
    ['kafkajs connection', named('KafkaJSConnectionError', 'Connection timeout', { retriable: false })],
    ['ChirpError REDIS_UNAVAILABLE', new ChirpError('REDIS_UNAVAILABLE', 'down')],
    ['ChirpError KAFKA_UNAVAILABLE', new ChirpError('KAFKA_UNAVAILABLE', 'down', { retriable: true })],
    ['ChirpError UPSTREAM', new ChirpError('UPSTREAM', 'LLM down', { retriable: true })],
    ['INTERNAL wrapping a refused connection', new ChirpError('INTERNAL', 'wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })],
  ])('%s is a dependency failure', (_name, error) => {
    expect(classifyFailure(error)).toEqual({ kind: 'dependency', permanent: false });
  });

  it.each([
    ['DECODE', new ChirpError('DECODE', 'not JSON'), true],
    ['VALIDATION', new ChirpError('VALIDATION', 'bad field'), true],
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['a wrong Redis command', named('ReplyError', 'WRONGTYPE Operation against a key holding the wrong kind of value'), false],
    ['kafkajs non-retriable', named('KafkaJSNonRetriableError', 'message too large', { retriable: false }), true],
    [
      'VALIDATION wrapping a refused connection (the code decides)',
      new ChirpError('VALIDATION', 'bad', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      true,
    ],
  ])('%s is a message failure', (_name, error, permanent) => {
    expect(classifyFailure(error)).toEqual({ kind: 'message', permanent });
  });
});

describe('afterMessageFailure', () => {
  const policy = { ...DEFAULT_FAILURE, retries: 2, retryRounds: 1, retryTopicDelayMs: 1000 };
  it('retries in place, then the retry topic, then the DLQ', () => {
    expect(afterMessageFailure(policy, { attempts: 1, round: 0, permanent: false }).action).toBe('retry-in-place');
    expect(afterMessageFailure(policy, { attempts: 2, round: 0, permanent: false }).action).toBe('retry-in-place');
    expect(afterMessageFailure(policy, { attempts: 3, round: 0, permanent: false })).toEqual({ action: 'retry-topic', round: 1, delayMs: 1000 });
    expect(afterMessageFailure(policy, { attempts: 3, round: 1, permanent: false })).toEqual({ action: 'dead-letter' });
  });
  it('dead-letters a permanent failure at once', () => {
    expect(afterMessageFailure(policy, { attempts: 1, round: 0, permanent: true })).toEqual({ action: 'dead-letter' });
  });
  it('probes a dependency with a capped backoff', () => {
    const delays = Array.from({ length: 20 }, (_, i) => dependencyDelayMs(DEFAULT_FAILURE, i + 1));
    expect(Math.max(...delays)).toBeLessThanOrEqual(DEFAULT_FAILURE.dependencyCapMs);
    expect(delays[0]).toBeLessThanOrEqual(DEFAULT_FAILURE.dependencyBaseMs);
  });
});
