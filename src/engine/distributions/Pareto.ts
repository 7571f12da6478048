import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";

/** Pareto (type I) with scale `xm` (the minimum) and shape `alpha`: heavy-tailed; mean infinite for alpha <= 1. */
export class Pareto implements Distribution {
  readonly kind = "pareto";
  readonly mean: number;
  constructor(
    readonly xm: number,
    readonly alpha: number,
  ) {
    this.mean = alpha > 1 ? (alpha * xm) / (alpha - 1) : Number.POSITIVE_INFINITY;
  }
  sample(rng: Rng): number {
    return this.xm / rng.next() ** (1 / this.alpha);
  }
  cdf(x: number): number {
    return x <= this.xm ? 0 : 1 - (this.xm / x) ** this.alpha;
  }
}
