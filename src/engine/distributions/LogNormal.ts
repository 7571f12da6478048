import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";
import { normalCdf, normalQuantile } from "./normalMath.js";

/** Log-normal: exp(mu + sigma * Z). `LogNormal.fromMeanCv(mean, cv)` picks mu and sigma from a mean and a CV. */
export class LogNormal implements Distribution {
  readonly kind = "lognormal";
  readonly mean: number;
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
  }
  /** @param mean the distribution's mean; @param cv its coefficient of variation (stddev / mean). */
  static fromMeanCv(mean: number, cv: number): LogNormal {
    const s2 = Math.log(1 + cv * cv);
    return new LogNormal(Math.log(mean) - s2 / 2, Math.sqrt(s2));
  }
  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(rng.next()));
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : normalCdf((Math.log(x) - this.mu) / this.sigma);
  }
}
