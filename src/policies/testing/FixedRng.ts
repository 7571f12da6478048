import type { Rng } from "../../core/Rng.js";

/** An Rng that always returns `u` (exact-formula tests). */
export class FixedRng implements Rng {
  constructor(public u = 0.5) {}
  next(): number {
    return this.u;
  }
  nextUint32(): number {
    return Math.floor(this.u * 4294967296) >>> 0;
  }
  fork(): Rng {
    return new FixedRng(this.u);
  }
}
