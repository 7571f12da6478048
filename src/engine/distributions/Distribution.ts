import type { Rng } from "../../core/Rng.js";

/**
 * A probability distribution over non-negative reals (times in seconds, sizes, counts), sampled with an injected Rng.
 * Immutable and stateless: one instance may be shared by many entities, each with its own Rng.
 */
export interface Distribution {
  /** The family name: constant, uniform, exponential, normal, lognormal, pareto, weibull, empirical. */
  readonly kind: string;
  /** The theoretical mean (Infinity when it does not exist, as for Pareto with alpha <= 1). */
  readonly mean: number;
  /** Draws one value. Uses a fixed number of Rng draws per call (one, except where documented). */
  sample(rng: Rng): number;
  /** P(X <= x). */
  cdf(x: number): number;
}
