import { ChirpError } from '@chirp/core';

export interface ForwardDecayOptions {
  /** Time for a contribution to weigh half as much. */
  halfLifeMs: number;
  /** The fixed landmark t0 (ms since the epoch). Moving it rescales every stored sum. */
  landmarkMs: number;
}

/**
 * Forward decay (Cormode, Shkapenyuk, Srivastava, Xu, ICDE 2009): an item of weight w at time t
 * adds w·e^{λ(t−t0)} to a sum that is never rewritten; the decayed value at time `now` is the sum
 * divided by e^{λ(now−t0)}, which equals Σ w·e^{−λ(now−t)} (exponential decay). Sums stay valid as
 * time passes, order-independent and mergeable, so a changelog can hold them as they are.
 * λ = ln 2 / half-life. Doubles hold e^{x} up to x ≈ 709: with a 7-day half-life the landmark has
 * to move within ~19 years (rescale every sum by e^{−λΔ}).
 */
export class ForwardDecay {
  readonly lambdaPerMs: number;
  readonly landmarkMs: number;

  constructor(options: ForwardDecayOptions) {
    if (!(options.halfLifeMs > 0)) throw new ChirpError('CONFIG', `halfLifeMs must be > 0, got ${options.halfLifeMs}`);
    if (!Number.isFinite(options.landmarkMs)) throw new ChirpError('CONFIG', 'landmarkMs must be a finite time');
    this.lambdaPerMs = Math.LN2 / options.halfLifeMs;
    this.landmarkMs = options.landmarkMs;
  }

  /** What an item of weight w at time t adds to a forward-decayed sum. */
  contribution(weight: number, atMs: number): number {
    return weight * Math.exp(this.lambdaPerMs * (atMs - this.landmarkMs));
  }

  /** A forward-decayed sum as a decayed value at `nowMs`. */
  decayed(sum: number, nowMs: number): number {
    return sum / Math.exp(this.lambdaPerMs * (nowMs - this.landmarkMs));
  }
}
