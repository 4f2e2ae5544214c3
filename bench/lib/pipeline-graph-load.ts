import { connect, type Socket } from 'node:net';
import type { Keys } from '@chirp/store';
import { followingCounts, userName, type FollowGraph } from './pipeline-graph.ts';

/** Members per ZADD: big follower sets go in several commands (scores stay distinct per key). */
const MEMBERS_PER_COMMAND = 5000;
const FLUSH_BYTES = 1 << 20;

/**
 * Raw RESP over one socket, replies only counted (and errors kept): ioredis builds a promise and a
 * command object per call, which for 15M sorted-set members costs more than Redis' own work.
 */
class RespPipe {
  private readonly socket: Socket;
  private chunks: string[] = [];
  private bytes = 0;
  private sent = 0;
  private replied = 0;
  private lineStart = true;
  private error: string | undefined;
  private waiter: (() => void) | undefined;
  private failure: Error | undefined;

  private constructor(
    socket: Socket,
    private readonly signal?: AbortSignal,
  ) {
    this.socket = socket;
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('redis connection closed during the bulk load')));
  }

  static open(host: string, port: number, signal?: AbortSignal): Promise<RespPipe> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.removeListener('error', reject);
        resolve(new RespPipe(socket, signal));
      });
      socket.once('error', reject);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiter?.();
  }

  private onData(data: Buffer): void {
    // Each reply to ZADD is one line (`:n` or `-ERR …`); count line ends, keep the first error.
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (this.lineStart && c === 45 /* - */ && this.error === undefined)
        this.error = data
          .subarray(i, i + 200)
          .toString()
          .split('\r')[0];
      this.lineStart = c === 10;
      if (c === 10) this.replied++;
    }
    if (this.replied >= this.sent) this.waiter?.();
  }

  async command(args: readonly string[]): Promise<void> {
    this.signal?.throwIfAborted();
    let s = `*${args.length}\r\n`;
    for (const a of args) s += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
    this.chunks.push(s);
    this.bytes += s.length;
    this.sent++;
    if (this.bytes >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.chunks.length === 0) return;
    const payload = this.chunks.join('');
    this.chunks = [];
    this.bytes = 0;
    if (!this.socket.write(payload)) await new Promise<void>((resolve) => this.socket.once('drain', resolve));
  }

  /** Flushes and waits for every reply; throws the first error Redis answered. */
  async finish(): Promise<number> {
    await this.flush();
    while (this.replied < this.sent && !this.failure) await new Promise<void>((resolve) => (this.waiter = resolve));
    this.waiter = undefined;
    if (this.failure) throw this.failure;
    if (this.error) throw new Error(`redis refused a bulk-load command: ${this.error}`);
    return this.sent;
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }
}

export interface GraphLoadResult {
  commands: number;
  members: number;
  seconds: number;
}

/**
 * Writes what follow.lua would have written for every edge: `followers:<t>` and `following:<f>`
 * ZSETs with strictly increasing scores per key (follow order, in ms from a base in the past) and
 * every user in `users`. Timelines start empty (no tweets exist yet, so follow.lua merges none).
 */
export async function loadGraph(
  g: FollowGraph,
  keys: Keys,
  redis: { host: string; port: number },
  signal?: AbortSignal,
  progress?: (line: string) => void,
  baseMs = Date.now() - 86_400_000,
): Promise<GraphLoadResult> {
  const t0 = performance.now();
  // One line per tenth of each pass (followers, then following): a 100k-user load takes a minute or more.
  const tenth = Math.max(1, Math.ceil(g.users / 10));
  const report = (pass: string, done: number): void => {
    if (progress && (done % tenth === 0 || done === g.users))
      progress(`  graph load: ${pass} ${Math.round((100 * done) / g.users)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  const pipe = await RespPipe.open(redis.host, redis.port, signal);
  try {
    for (let u = 0; u < g.users; u += MEMBERS_PER_COMMAND) {
      const args = ['ZADD', keys.users(), 'NX'];
      for (let i = u; i < Math.min(g.users, u + MEMBERS_PER_COMMAND); i++) args.push(String(baseMs), userName(i));
      await pipe.command(args);
    }
    // Every user active now (FANOUT_ACTIVE_DAYS): each tweet is pushed to all its author's followers,
    // the load the 75-followers target counts; an activity window would only cut that work.
    const now = String(Date.now());
    for (let u = 0; u < g.users; u += MEMBERS_PER_COMMAND) {
      const args = ['ZADD', keys.activeUsers()];
      for (let i = u; i < Math.min(g.users, u + MEMBERS_PER_COMMAND); i++) args.push(now, userName(i));
      await pipe.command(args);
    }
    // followers:<t>, in follow order.
    for (let t = 0; t < g.users; t++) {
      const from = g.offset[t]!;
      const to = g.offset[t + 1]!;
      for (let s = from; s < to; s += MEMBERS_PER_COMMAND) {
        const args = ['ZADD', keys.followers(userName(t))];
        for (let e = s; e < Math.min(to, s + MEMBERS_PER_COMMAND); e++) args.push(String(baseMs + (e - from)), userName(g.followers[e]!));
        await pipe.command(args);
      }
      report('followers', t + 1);
    }
    // The same edges grouped by follower (a counting sort) for following:<f>.
    const start = new Float64Array(g.users + 1);
    const counts = followingCounts(g);
    for (let f = 0; f < g.users; f++) start[f + 1] = start[f]! + counts[f]!;
    const fill = Float64Array.from(start.subarray(0, g.users));
    const targets = new Int32Array(g.edges);
    for (let t = 0; t < g.users; t++) for (let e = g.offset[t]!; e < g.offset[t + 1]!; e++) targets[fill[g.followers[e]!]!++] = t;
    for (let f = 0; f < g.users; f++) {
      const from = start[f]!;
      const to = start[f + 1]!;
      for (let s = from; s < to; s += MEMBERS_PER_COMMAND) {
        const args = ['ZADD', keys.following(userName(f))];
        for (let i = s; i < Math.min(to, s + MEMBERS_PER_COMMAND); i++) args.push(String(baseMs + (i - from)), userName(targets[i]!));
        await pipe.command(args);
      }
      report('following', f + 1);
    }
    const commands = await pipe.finish();
    return { commands, members: 2 * g.users + 2 * g.edges, seconds: (performance.now() - t0) / 1000 };
  } finally {
    pipe.close();
  }
}
