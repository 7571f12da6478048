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

/**
 * Blocking probability of an M/G/1/K queue (Poisson arrivals at rate lambda, one server, room for K jobs in the
 * system including the one in service) from its embedded Markov chain at departure epochs.
 *
 * `arrivals[k]` is the probability of k arrivals during one service time (k = 0..K-1). The departure-epoch chain on
 * {0..K-1} has pi_j = pi_0 a_j + sum_{i=1}^{j+1} pi_i a_{j-i+1} (j <= K-2), solved forward from pi_0 = 1 and then
 * normalised; the time-average probability of a full system, which Poisson arrivals see (PASTA), is
 * P_K = 1 - 1 / (pi_0 + rho) with rho = lambda E[S]. See Gross, Shortle, Thompson and Harris, Fundamentals of
 * Queueing Theory (4th ed., Wiley 2008), section 5.1.10 "M/G/1/K"; and Kleinrock, Queueing Systems vol. 1, ch. 5.
 */
export function mg1kBlocking(arrivals: (k: number) => number, rho: number, K: number): number {
  const a = Array.from({ length: K }, (_, k) => arrivals(k));
  const pi: number[] = [1];
  for (let j = 0; j + 1 <= K - 1; j++) {
    // pi_j = pi_0 a_j + sum_{i=1}^{j} pi_i a_{j-i+1} + pi_{j+1} a_0
    let s = pi[0]! * a[j]!;
    for (let i = 1; i <= j; i++) s += pi[i]! * a[j - i + 1]!;
    pi.push((pi[j]! - s) / a[0]!);
  }
  const total = pi.reduce((s, x) => s + x, 0);
  const pi0 = pi[0]! / total;
  return 1 - 1 / (pi0 + rho);
}

/** Blocking probability of an M/D/1/K queue: deterministic service D, rho = lambda D, room for K in the system. */
export function md1kBlocking(rho: number, K: number): number {
  // arrivals during one (deterministic) service time are Poisson(rho): computed by the product recursion
  const poisson = (k: number) => {
    let p = Math.exp(-rho);
    for (let i = 1; i <= k; i++) p *= rho / i;
    return p;
  };
  return mg1kBlocking(poisson, rho, K);
}

/**
 * Tail of the sojourn time (wait + service) of an M/M/c FIFO queue: P(W + S > t). The wait is 0 with probability
 * 1 - C and exponential with rate theta = c mu - lambda with probability C (Erlang C); the service is exponential
 * with rate mu, so the waiting case is a hypoexponential (Erlang-2 when theta = mu).
 */
export function mmcSojournTail(lambda: number, mu: number, c: number, t: number): number {
  const C = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  const both =
    Math.abs(theta - mu) < 1e-12 * mu
      ? Math.exp(-mu * t) * (1 + mu * t)
      : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - C) * Math.exp(-mu * t) + C * both;
}
