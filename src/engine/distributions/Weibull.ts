import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";
import { gamma } from "./gamma.js";

/** Weibull with scale `lambda` and shape `k`: lambda * (-ln U)^(1/k). k = 1 is exponential. */
export class Weibull implements Distribution {
  readonly kind = "weibull";
  readonly mean: number;
  constructor(
    readonly lambda: number,
    readonly k: number,
  ) {
    this.mean = lambda * gamma(1 + 1 / k);
  }
  sample(rng: Rng): number {
    return this.lambda * (-Math.log(rng.next())) ** (1 / this.k);
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : 1 - Math.exp(-((x / this.lambda) ** this.k));
  }
}
