import { createHash, timingSafeEqual } from 'node:crypto';
import { status, type Metadata } from '@grpc/grpc-js';
import { groupTopics, splitList, systemTopics } from '@chirp/core';
import { hashToken } from '@chirp/accounts';
import type { AccountStore } from '@chirp/store';
import { GatewayError } from './errors.ts';

/** Who is calling: a signed-in account or the holder of a gateway key. */
export type Principal = { kind: 'account'; handle: string } | { kind: 'key' };

/**
 * Topics whose records are private to chirp (click streams, sign-ups with password hashes, the
 * analytics state built from clicks, and their retry/dead-letter topics): never served, whatever
 * the configuration says.
 */
export function isPrivateTopic(prefix: string, topic: string): boolean {
  if (!topic.startsWith(prefix)) return false;
  return /^(clicks|accounts|analytics)([.-]|$)/.test(topic.slice(prefix.length));
}

/**
 * chirp's own topics (the system topics, every group's retry/dead-letter/changelog topics): never
 * published to through the gateway, since writes go through the API, which validates and authorizes them.
 */
export function isChirpTopic(prefix: string, topic: string): boolean {
  if (isPrivateTopic(prefix, topic)) return true;
  if (topic.startsWith(prefix) && /(\.retry|\.dlq|-table)$/.test(topic)) return true;
  return [...systemTopics(prefix), ...groupTopics(prefix)].some((t) => t.topic === topic);
}

export interface TopicRules {
  subscribe: ReadonlySet<string>;
  publish: ReadonlySet<string>;
  /** Configured topics that were dropped, and why (for one warning at start). */
  dropped: { topic: string; reason: string }[];
}

/** The allowed topics from the configuration, with the private and chirp-owned ones taken out. */
export function topicRules(prefix: string, subscribe: string | undefined, publish: string): TopicRules {
  const dropped: TopicRules['dropped'] = [];
  const wanted = subscribe === undefined ? [`${prefix}newTweets`, `${prefix}tweetTags`] : splitList(subscribe);
  const sub = new Set<string>();
  for (const t of wanted) {
    if (isPrivateTopic(prefix, t)) dropped.push({ topic: t, reason: 'private to chirp (clicks, accounts, analytics)' });
    else sub.add(t);
  }
  const pub = new Set<string>();
  for (const t of splitList(publish)) {
    if (isChirpTopic(prefix, t)) dropped.push({ topic: t, reason: "one of chirp's own topics: writes go through the API" });
    else pub.add(t);
  }
  return { subscribe: sub, publish: pub, dropped };
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * Resolves `authorization: Bearer <token>` metadata: a gateway key (kept only as its sha-256 and
 * compared in constant time) or an account session (the API's sessions, one GET of
 * session:<sha-256>). Tokens are never logged or echoed.
 */
export class Authenticator {
  private readonly keyHashes: Buffer[];

  constructor(
    keys: readonly string[],
    private readonly accounts: AccountStore,
  ) {
    this.keyHashes = keys.map(sha256);
  }

  async authenticate(metadata: Metadata): Promise<Principal> {
    const values = metadata.get('authorization');
    if (values.length === 0) throw new GatewayError(status.UNAUTHENTICATED, 'missing authorization metadata: send "authorization: Bearer <token>"');
    const match = /^Bearer\s+([A-Za-z0-9_.~+/=-]{16,256})\s*$/i.exec(String(values[0]));
    if (!match) throw new GatewayError(status.UNAUTHENTICATED, 'malformed authorization metadata: expected "Bearer <token>"');
    const token = match[1]!;
    const digest = sha256(token);
    // Every key is compared (no early exit), so the time does not tell how many keys matched a prefix.
    let isKey = false;
    for (const h of this.keyHashes) isKey = timingSafeEqual(h, digest) || isKey;
    if (isKey) return { kind: 'key' };
    const session = await this.accounts.session(hashToken(token));
    if (session && Date.parse(session.expiresAt) > Date.now()) return { kind: 'account', handle: session.handle };
    throw new GatewayError(status.UNAUTHENTICATED, 'unknown or expired token');
  }
}

/** Refuses a topic the rules do not allow for `action`. */
export function authorize(rules: TopicRules, action: 'subscribe' | 'publish', topic: string): void {
  const allowed = action === 'subscribe' ? rules.subscribe : rules.publish;
  if (!allowed.has(topic))
    throw new GatewayError(status.PERMISSION_DENIED, `topic "${topic}" may not be ${action === 'subscribe' ? 'read' : 'written'} through the gateway`);
}
