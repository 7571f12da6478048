import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";
import { normalCdf, normalQuantile } from "./normalMath.js";

/**
 * Normal with mean `mu` and standard deviation `sigma`, truncated at 0 when `truncateAtZero` (default true, since
 * the model's quantities are durations): negative draws are clamped to 0, which shifts the mean when mu < 3 sigma.
 */
export class Normal implements Distribution {
  readonly kind = "normal";
  readonly mean: number;
  constructor(
    readonly mu: number,
    readonly sigma: number,
    readonly truncateAtZero = true,
  ) {
    this.mean = mu;
  }
  sample(rng: Rng): number {
    const x = this.mu + this.sigma * normalQuantile(rng.next());
    return this.truncateAtZero && x < 0 ? 0 : x;
  }
  cdf(x: number): number {
    if (this.truncateAtZero && x < 0) return 0;
    return normalCdf((x - this.mu) / this.sigma);
  }
}
