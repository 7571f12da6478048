import type { Rng } from "../../core/Rng.js";
import { StampedeError } from "../../core/StampedeError.js";
import type { Distribution } from "./Distribution.js";

/**
 * An empirical distribution from observed samples: the inverse of the piecewise-linear interpolation of the sorted
 * samples' ECDF, so draws fill the gaps between observations instead of repeating them. Needs at least 2 samples.
 */
export class Empirical implements Distribution {
  readonly kind = "empirical";
  readonly mean: number;
  private readonly xs: Float64Array;
  constructor(samples: ArrayLike<number>) {
    if (samples.length < 2)
      throw new StampedeError("E_DISTRIBUTION", "an empirical distribution needs at least 2 samples");
    this.xs = Float64Array.from(samples).sort();
    for (const x of this.xs) {
      if (!Number.isFinite(x))
        throw new StampedeError("E_DISTRIBUTION", `an empirical sample is not finite: ${x}`);
    }
    // Mean of the piecewise-linear distribution: the average of segment midpoints.
    let m = 0;
    for (let i = 0; i + 1 < this.xs.length; i++) m += (this.xs[i]! + this.xs[i + 1]!) / 2;
    this.mean = m / (this.xs.length - 1);
  }
  sample(rng: Rng): number {
    const xs = this.xs;
    const pos = rng.next() * (xs.length - 1);
    const i = Math.floor(pos);
    return xs[i]! + (pos - i) * (xs[i + 1]! - xs[i]!);
  }
  cdf(x: number): number {
    const xs = this.xs;
    const n = xs.length;
    if (x <= xs[0]!) return 0;
    if (x >= xs[n - 1]!) return 1;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! <= x) lo = mid;
      else hi = mid;
    }
    const span = xs[hi]! - xs[lo]!;
    const frac = span > 0 ? (x - xs[lo]!) / span : 1;
    return (lo + frac) / (n - 1);
  }
}
