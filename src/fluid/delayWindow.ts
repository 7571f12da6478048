import type { Backoff } from "../policies/backoff/Backoff.js";

/**
 * The window [lo, hi] (seconds) over which backoff delay number `n` (0-based) is uniformly spread: `none` jitter is a
 * point, `full` is [0, e(n)], `equal` [e(n)/2, e(n)], `grpc` [0.8 e(n), 1.2 e(n)]. Decorrelated jitter depends on the
 * previous delay and is refused before a fluid run starts (see checkFluid).
 */
export function delayWindow(b: Backoff, n: number, out: Float64Array): void {
  const e = b.type === "none" ? 0 : b.raw(n);
  switch (b.jitter) {
    case "full":
      out[0] = 0;
      out[1] = e;
      return;
    case "equal":
      out[0] = e / 2;
      out[1] = e;
      return;
    case "grpc":
      out[0] = 0.8 * e;
      out[1] = 1.2 * e;
      return;
    default:
      out[0] = e;
      out[1] = e;
  }
}

/** Number of backoff classes worth telling apart: the first n whose raw delay reaches the cap, plus one (max 64). */
export function backoffClasses(b: Backoff): number {
  if (b.type === "none" || b.type === "constant") return 1;
  for (let n = 0; n < 64; n++) if (b.raw(n) >= b.cap) return n + 1;
  return 64;
}
