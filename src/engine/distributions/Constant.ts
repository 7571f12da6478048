import type { Distribution } from "./Distribution.js";

/** Always `value`. Draws nothing from the Rng. */
export class Constant implements Distribution {
  readonly kind = "constant";
  readonly mean: number;
  constructor(readonly value: number) {
    this.mean = value;
  }
  sample(): number {
    return this.value;
  }
  cdf(x: number): number {
    return x >= this.value ? 1 : 0;
  }
}
