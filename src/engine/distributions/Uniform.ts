import type { Rng } from "../../core/Rng.js";
import type { Distribution } from "./Distribution.js";

/** Uniform on [min, max). */
export class Uniform implements Distribution {
  readonly kind = "uniform";
  readonly mean: number;
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    this.mean = (min + max) / 2;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng.next();
  }
  cdf(x: number): number {
    if (x <= this.min) return 0;
    if (x >= this.max) return 1;
    return (x - this.min) / (this.max - this.min);
  }
}
