import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";

/** Exponential with the given mean (1/rate), by inversion: -mean * ln(U). */
export class Exponential implements Distribution {
  readonly kind = "exponential";
  constructor(readonly mean: number) {}
  sample(rng: Rng): number {
    return -this.mean * Math.log(rng.next());
  }
  cdf(x: number): number {
    return x <= 0 ? 0 : 1 - Math.exp(-x / this.mean);
  }
}
