/** Closed-form results of queueing theory used by the validation tests. */

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = lambda / mu (a < c). */
export function erlangC(c: number, a: number): number {
  // Erlang B by its stable recursion, then C = B / (1 - rho (1 - B))
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho * (1 - b));
}

/** Mean wait in queue of an M/M/c queue (seconds). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** Blocking probability of an M/M/c/K queue: the stationary probability of K customers in the system. */
export function mmckBlocking(lambda: number, mu: number, c: number, K: number): number {
  const a = lambda / mu;
  const p: number[] = [1];
  for (let n = 1; n <= K; n++) p.push((p[n - 1]! * a) / Math.min(n, c));
  const total = p.reduce((s, x) => s + x, 0);
  return p[K]! / total;
}
