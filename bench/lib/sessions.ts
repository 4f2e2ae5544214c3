import { hashToken, newSessionToken } from '@chirp/accounts';
import type { AccountStore } from '@chirp/store';

/**
 * Real bearer tokens for many users at once: each is a session written by the same
 * `AccountStore.createSession` the sign-in route calls (sha256 of the token as the key), so the
 * API authenticates them exactly as it does a signed-in user's. Sign-in itself (scrypt, its
 * failure limit) is far too slow to open thousands of sessions for a benchmark; the benches sign
 * a few users up and in over HTTP as well, to keep that path in the run.
 */
export async function openSessions(accounts: AccountStore, handles: readonly string[], ttlMs = 3_600_000): Promise<string[]> {
  const tokens = handles.map(() => newSessionToken());
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  for (let i = 0; i < handles.length; i += 1000) {
    const chunk = handles.slice(i, i + 1000);
    await Promise.all(chunk.map((handle, j) => accounts.createSession(hashToken(tokens[i + j]!), { handle, expiresAt }, ttlMs)));
  }
  return tokens;
}
