import { randomFillSync } from "node:crypto";
import type { Rng } from "../core/Rng.js";

const TWO_POW_32 = 4294967296;
const BATCH = 256;

/**
 * A production `Rng` over the operating system's CSPRNG (`crypto.randomFillSync`, read in batches of 256 words).
 * Not reproducible by design; `fork(name)` returns another independent generator. Use `Xoshiro128` for
 * reproducible runs.
 */
export class MathRandomRng implements Rng {
  private readonly words = new Uint32Array(BATCH);
  private index = BATCH;

  nextUint32(): number {
    if (this.index === BATCH) {
      randomFillSync(this.words);
      this.index = 0;
    }
    return this.words[this.index++]!;
  }

  /** Uniform in the open interval (0, 1). */
  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  fork(_name: string): Rng {
    return new MathRandomRng();
  }
}
