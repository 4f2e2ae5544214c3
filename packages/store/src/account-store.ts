import type { Cluster, Redis } from 'ioredis';
import type { AccountEvent } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { execAcrossSlots, isCluster } from './cluster-routing.ts';

/** What a sign-in needs of an account. */
export type StoredAccount = AccountEvent;

export interface StoredSession {
  handle: string;
  expiresAt: string;
}

/**
 * Accounts (a view of twitter.accounts, written only by the accounts applier) and sessions and
 * rate-limit counters (the API's own state: not views of the log, lost on a Redis rebuild, which
 * signs everyone out and nothing worse).
 */
export class AccountStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async account(handle: string): Promise<StoredAccount | undefined> {
    const raw = await this.redis.get(this.keys.account(handle.toLowerCase()));
    return raw === null ? undefined : (JSON.parse(raw) as StoredAccount);
  }

  /**
   * Applies sign-ups in log order with one pipeline: the first record of a handle wins (SET NX),
   * later ones are no-ops, so a redelivered batch changes nothing.
   */
  async claim(accounts: readonly AccountEvent[]): Promise<void> {
    if (accounts.length === 0) return;
    const results = await execAcrossSlots(
      this.redis as ChirpRedis,
      accounts.map((a) => (r) => r.set(this.keys.account(a.handle.toLowerCase()), JSON.stringify(a), 'NX')),
    );
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async createSession(tokenHash: string, session: StoredSession, ttlMs: number): Promise<void> {
    await this.redis.set(this.keys.session(tokenHash), JSON.stringify(session), 'PX', ttlMs);
  }

  async session(tokenHash: string): Promise<StoredSession | undefined> {
    const raw = await this.redis.get(this.keys.session(tokenHash));
    return raw === null ? undefined : (JSON.parse(raw) as StoredSession);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.redis.del(this.keys.session(tokenHash));
  }

  /**
   * For rate-limit-redis, whose counters are its own Lua script under keys.rateLimit(). On Redis
   * Cluster a SCRIPT LOAD goes to one node while the EVALSHA goes to the node of its key (NOSCRIPT,
   * then a 500), so the script is loaded on every master; ioredis routes the EVALSHA by its key.
   */
  async sendCommand(command: string, ...args: string[]): Promise<unknown> {
    if (isCluster(this.redis as ChirpRedis) && command.toUpperCase() === 'SCRIPT' && args[0]?.toUpperCase() === 'LOAD') {
      const shas = await Promise.all((this.redis as unknown as Cluster).nodes('master').map((node) => node.call(command, ...args)));
      return shas[0];
    }
    return this.redis.call(command, ...args);
  }
}
