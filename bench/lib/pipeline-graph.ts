import { percentile, prng } from './pipeline-stats.ts';

/**
 * A power-law follow graph, built in memory (typed arrays, no per-edge objects).
 *
 * Follower counts are drawn from a Lomax (Pareto type II) distribution, P(X > x) = (1 + x/λ)^-α,
 * whose mean is λ/(α−1): with α = 1.5 and λ = 37.5 the mean is 75, the median 22, about one user in
 * 4,000 has 10k+ followers, and the variance is infinite, as measured on Twitter's in-degrees. The
 * draw is capped at `maxShare` of the users (the largest accounts reach about a quarter of Twitter's
 * monthly actives) and rescaled so the sample mean is exactly the requested one (an
 * infinite-variance sample mean wanders otherwise). Each user's followers are then chosen
 * uniformly among the other users, so following counts are ~Poisson(mean).
 */
export interface GraphOptions {
  users: number;
  meanFollowers: number;
  /** Lomax tail index α (> 1 for a finite mean). */
  alpha: number;
  /** No account is followed by more than this share of the users. */
  maxShare: number;
  seed: number;
}

export interface FollowGraph {
  users: number;
  /** followerCount[t] = followers of user t. */
  followerCount: Int32Array;
  /** Followers of t are followers[offset[t] .. offset[t+1]), in follow order. */
  offset: Float64Array;
  followers: Int32Array;
  edges: number;
  /** The multiplier applied to the Lomax draw to hit the mean exactly. */
  scale: number;
}

export interface DegreeStats {
  mean: number;
  median: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  zero: number;
  atLeast1k: number;
  atLeast10k: number;
}

export function userName(i: number): string {
  return `u${i}`;
}

export function validateGraphOptions(o: GraphOptions): void {
  if (!Number.isInteger(o.users) || o.users < 2) throw new Error(`users must be an integer ≥ 2, got ${o.users}`);
  if (!(o.meanFollowers > 0) || o.meanFollowers >= o.users - 1) throw new Error(`meanFollowers must be in (0, users−1), got ${o.meanFollowers}`);
  if (!(o.alpha > 1)) throw new Error(`alpha must be > 1 for a finite mean, got ${o.alpha}`);
  if (!(o.maxShare > 0 && o.maxShare <= 1)) throw new Error(`maxShare must be in (0, 1], got ${o.maxShare}`);
  if (o.meanFollowers >= maxFollowers(o)) throw new Error(`meanFollowers must be below the cap of ${maxFollowers(o)} followers (maxShare × users)`);
}

export function maxFollowers(o: Pick<GraphOptions, 'users' | 'maxShare'>): number {
  return Math.min(o.users - 1, Math.floor(o.maxShare * o.users));
}

/** Lomax draws, capped and rescaled to the exact mean, rounded with a random fraction. */
function followerCounts(o: GraphOptions, random: () => number): { counts: Int32Array; scale: number } {
  const lambda = o.meanFollowers * (o.alpha - 1);
  const cap = maxFollowers(o);
  const raw = new Float64Array(o.users);
  for (let i = 0; i < o.users; i++) raw[i] = lambda * ((1 - random()) ** (-1 / o.alpha) - 1);
  let scale = 1;
  for (let iter = 0; iter < 30; iter++) {
    let sum = 0;
    for (let i = 0; i < o.users; i++) sum += Math.min(cap, raw[i]! * scale);
    const mean = sum / o.users;
    if (Math.abs(mean - o.meanFollowers) < 1e-6) break;
    scale *= o.meanFollowers / mean;
  }
  const counts = new Int32Array(o.users);
  for (let i = 0; i < o.users; i++) {
    const x = Math.min(cap, raw[i]! * scale);
    counts[i] = Math.min(cap, Math.floor(x) + (random() < x - Math.floor(x) ? 1 : 0));
  }
  return { counts, scale };
}

/** Builds the graph: for each user, `count` distinct followers other than itself. */
export function buildGraph(o: GraphOptions): FollowGraph {
  validateGraphOptions(o);
  const random = prng(o.seed);
  const { counts, scale } = followerCounts(o, random);
  const offset = new Float64Array(o.users + 1);
  for (let t = 0; t < o.users; t++) offset[t + 1] = offset[t]! + counts[t]!;
  const edges = offset[o.users]!;
  const followers = new Int32Array(edges);
  const stamp = new Int32Array(o.users); // stamp[v] === t+1: v already follows t (rejection sampling)
  const perm = Int32Array.from({ length: o.users }, (_, i) => i); // partial Fisher–Yates for big sets
  for (let t = 0; t < o.users; t++) {
    const k = counts[t]!;
    let at = offset[t]!;
    if (k <= o.users / 3) {
      stamp[t] = t + 1;
      for (let got = 0; got < k;) {
        const v = Math.floor(random() * o.users);
        if (stamp[v] === t + 1) continue;
        stamp[v] = t + 1;
        followers[at++] = v;
        got++;
      }
    } else {
      for (let i = 0, got = 0; got < k; i++) {
        const j = i + Math.floor(random() * (o.users - i));
        const v = perm[j]!;
        perm[j] = perm[i]!;
        perm[i] = v;
        if (v === t) continue;
        followers[at++] = v;
        got++;
      }
    }
  }
  return { users: o.users, followerCount: counts, offset, followers, edges, scale };
}

/** followingCount[f]: how many users f follows. */
export function followingCounts(g: FollowGraph): Int32Array {
  const out = new Int32Array(g.users);
  for (let e = 0; e < g.edges; e++) out[g.followers[e]!]!++;
  return out;
}

export function degreeStats(counts: Int32Array): DegreeStats {
  const sorted = Int32Array.from(counts).sort();
  let sum = 0;
  let zero = 0;
  let k1 = 0;
  let k10 = 0;
  for (const c of sorted) {
    sum += c;
    if (c === 0) zero++;
    if (c >= 1000) k1++;
    if (c >= 10_000) k10++;
  }
  return {
    mean: sum / sorted.length,
    median: percentile(sorted, 50) ?? 0,
    p90: percentile(sorted, 90) ?? 0,
    p99: percentile(sorted, 99) ?? 0,
    p999: percentile(sorted, 99.9) ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
    zero,
    atLeast1k: k1,
    atLeast10k: k10,
  };
}
