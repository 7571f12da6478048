/**
 * Herfindahl-Hirschman index of market sizes: the sum of squared shares in percent, 0 (atomised) to 10,000 (one
 * provider). Sizes are any non-negative amounts (entity counts, assets, spend); zero total gives 0.
 */
export function hhi(sizes: readonly number[]): number {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total <= 0) return 0;
  let h = 0;
  for (const x of sizes) {
    const share = (100 * x) / total;
    h += share * share;
  }
  return h;
}

/** Concentration ratio CR-n: the combined share in percent of the n largest sizes. */
export function concentrationRatio(sizes: readonly number[], n = 3): number {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total <= 0) return 0;
  const top = [...sizes].sort((a, b) => b - a).slice(0, n);
  return (100 * top.reduce((s, x) => s + x, 0)) / total;
}
