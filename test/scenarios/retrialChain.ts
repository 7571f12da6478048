/**
 * The retrial queue with impatience as a continuous-time Markov chain over (n, j): n requests at the server (in the
 * queue including the one in service, 0..Q) and j clients in the orbit (waiting to retry, truncated at J). Solved
 * exactly (up to the truncation) by linear level reduction over the orbit levels, with dense Gauss-Jordan inversion
 * of the (Q+1) x (Q+1) blocks.
 *
 * Transitions (rates per second):
 * - fresh arrival, lambda: (n, j) -> (n+1, j) when n < Q, else (Q, j+1);
 * - service completion, mu: (n, j) -> (n-1, j) for n >= 1;
 * - abandonment, n theta: to (n-1, j+1) with probability p (the client will retry), else (n-1, j);
 * - retrial, j nu: (n, j) -> (n+1, j-1) when n < Q; when full, the client gives up with probability 1 - p
 *   ((Q, j-1)) or stays in the orbit.
 * Transitions out of level J are dropped (the truncation), so J must leave a negligible tail.
 */
export interface RetrialParams {
  lambda: number;
  mu: number;
  /** Room at the server, including the request in service. */
  Q: number;
  theta: number;
  nu: number;
  p: number;
}

export interface RetrialSolution {
  /** Stationary probabilities, pi[j][n]. */
  pi: Float64Array[];
  meanQueue: number;
  meanOrbit: number;
  /** Completions per second: mu P(n >= 1). */
  goodput: number;
  /** Probability mass of the top `tail` levels (truncation check). */
  tailMass: number;
  /** Largest |(pi G)_s| over all states: how well pi solves the balance equations. */
  residual: number;
}

type Matrix = Float64Array[];

const zeros = (k: number): Matrix => Array.from({ length: k }, () => new Float64Array(k));

function multiply(a: Matrix, b: Matrix): Matrix {
  const k = a.length;
  const c = zeros(k);
  for (let i = 0; i < k; i++)
    for (let l = 0; l < k; l++) {
      const x = a[i]![l]!;
      if (x === 0) continue;
      for (let m = 0; m < k; m++) c[i]![m]! += x * b[l]![m]!;
    }
  return c;
}

/** Inverse by Gauss-Jordan elimination with partial pivoting. */
export function invert(a: Matrix): Matrix {
  const k = a.length;
  const m = a.map((row) => Float64Array.from(row));
  const inv = zeros(k);
  for (let i = 0; i < k; i++) inv[i]![i] = 1;
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[piv]![col]!)) piv = r;
    if (m[piv]![col] === 0) throw new Error("singular matrix");
    [m[col], m[piv]] = [m[piv]!, m[col]!];
    [inv[col], inv[piv]] = [inv[piv]!, inv[col]!];
    const d = m[col]![col]!;
    for (let c = 0; c < k; c++) {
      m[col]![c]! /= d;
      inv[col]![c]! /= d;
    }
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      if (f === 0) continue;
      for (let c = 0; c < k; c++) {
        m[r]![c]! -= f * m[col]![c]!;
        inv[r]![c]! -= f * inv[col]![c]!;
      }
    }
  }
  return inv;
}

/** The generator's blocks at orbit level j: up (j+1), local, down (j-1). */
function blocks(x: RetrialParams, j: number, J: number): { up: Matrix; local: Matrix; down: Matrix } {
  const k = x.Q + 1;
  const up = zeros(k);
  const local = zeros(k);
  const down = zeros(k);
  for (let n = 0; n <= x.Q; n++) {
    let out = 0;
    const add = (m: Matrix, to: number, rate: number) => {
      if (rate === 0) return;
      m[n]![to]! += rate;
      out += rate;
    };
    if (n < x.Q) add(local, n + 1, x.lambda);
    else if (j < J) add(up, n, x.lambda);
    if (n >= 1) {
      add(local, n - 1, x.mu + n * x.theta * (1 - x.p));
      if (j < J) add(up, n - 1, n * x.theta * x.p);
    }
    if (j >= 1) {
      if (n < x.Q) add(down, n + 1, j * x.nu);
      else add(down, n, j * x.nu * (1 - x.p));
    }
    local[n]![n]! -= out;
  }
  return { up, local, down };
}

/** Solves the chain truncated at orbit size J. */
export function solveRetrial(x: RetrialParams, J: number, tail = 10): RetrialSolution {
  const k = x.Q + 1;
  const B = Array.from({ length: J + 1 }, (_, j) => blocks(x, j, J));
  // pi_{j+1} = pi_j R_j, from the top level down.
  const R: Matrix[] = new Array(J);
  let S = B[J]!.local; // local block of level j+1, with the levels above folded in
  for (let j = J - 1; j >= 0; j--) {
    const negInv = invert(S).map((row) => row.map((v) => -v));
    R[j] = multiply(B[j]!.up, negInv);
    const fold = multiply(R[j]!, B[j + 1]!.down);
    S = B[j]!.local.map((row, i) => row.map((v, c) => v + fold[i]![c]!));
  }
  // pi_0 S = 0: fix pi_0[0] = 1 and solve the remaining k-1 equations (columns 1..k-1).
  const a = zeros(k - 1);
  const rhs = new Float64Array(k - 1);
  for (let c = 1; c < k; c++) {
    rhs[c - 1] = -S[0]![c]!;
    for (let i = 1; i < k; i++) a[c - 1]![i - 1] = S[i]![c]!;
  }
  const ai = invert(a);
  const pi0 = new Float64Array(k);
  pi0[0] = 1;
  for (let i = 1; i < k; i++) {
    let s = 0;
    for (let c = 0; c < k - 1; c++) s += ai[i - 1]![c]! * rhs[c]!;
    pi0[i] = s;
  }
  const pi: Float64Array[] = [pi0];
  for (let j = 0; j < J; j++) {
    const next = new Float64Array(k);
    for (let n = 0; n < k; n++) for (let m = 0; m < k; m++) next[m]! += pi[j]![n]! * R[j]![n]![m]!;
    pi.push(next);
  }
  let total = 0;
  for (const row of pi) for (const v of row) total += v;
  for (const row of pi) for (let n = 0; n < k; n++) row[n]! /= total;

  let meanQueue = 0;
  let meanOrbit = 0;
  let busy = 0;
  let tailMass = 0;
  pi.forEach((row, j) => {
    row.forEach((v, n) => {
      meanQueue += n * v;
      meanOrbit += j * v;
      if (n >= 1) busy += v;
      if (j > J - tail) tailMass += v;
    });
  });
  let residual = 0;
  for (let j = 0; j <= J; j++) {
    for (let m = 0; m < k; m++) {
      let s = 0;
      for (let n = 0; n < k; n++) {
        s += pi[j]![n]! * B[j]!.local[n]![m]!;
        if (j > 0) s += pi[j - 1]![n]! * B[j - 1]!.up[n]![m]!;
        if (j < J) s += pi[j + 1]![n]! * B[j + 1]!.down[n]![m]!;
      }
      residual = Math.max(residual, Math.abs(s));
    }
  }
  return { pi, meanQueue, meanOrbit, goodput: x.mu * busy, tailMass, residual };
}
