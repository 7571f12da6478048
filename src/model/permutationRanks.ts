import type { Rng } from "../core/Rng.js";

/**
 * The ranks of a uniformly random permutation of `n` items drawn from `rng` (Fisher-Yates): `ranks[i]` is item i's
 * position, so "the first k by rank" is a uniformly random k-subset, nested as k grows.
 */
export function permutationRanks(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) ranks[order[i]!] = i;
  return ranks;
}
