/**
 * A source of uniform random numbers. Implementations are deterministic given their seed; the simulator's
 * implementation is xoshiro128** (`Xoshiro128` in engine/), production code may use `MathRandomRng` in runtime/.
 */
export interface Rng {
  /** A uniform number in the open interval (0, 1): never exactly 0 or 1, so `Math.log(u)` is always finite. */
  next(): number;
  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /**
   * An independent sub-stream identified by `name`. The same parent seed and name always give the same stream,
   * whatever other streams were derived before, so adding an entity does not reshuffle another's numbers.
   */
  fork(name: string): Rng;
}
