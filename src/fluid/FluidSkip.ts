import type { FluidCaller } from "./FluidCaller.js";
import { FluidLink } from "./FluidLink.js";
import { FluidService } from "./FluidService.js";

/** Relative tolerance of the steadiness test (docs/fluid.md, Skipping quiescent stretches). */
export const SKIP_RTOL = 1e-9;
/** Absolute floor of the steadiness test, in mass units (requests, clients, seconds x mass). */
export const SKIP_ATOL = 1e-9;

/** What the skipper reads: the model's continuous components. */
export interface SkipParts {
  readonly callers: readonly FluidCaller[];
  readonly services: readonly FluidService[];
  readonly links: readonly FluidLink[];
}

/**
 * Skipping of quiescent stretches (docs/fluid.md, "Skipping quiescent stretches"). After each step the skipper reads
 * a vector: every flow of the step (each counter's increment: attempts, answers, timeouts, setups, drops, work
 * admitted, per attempt class) and every aggregate state after it (masses waiting, pending in each calendar, queued,
 * in transit, up connections, backlogs, dependency estimates). A step *repeats with period P* when its vector equals
 * the one of P steps earlier within {@link SKIP_RTOL} x magnitude (floor {@link SKIP_ATOL}); P = 1 is a steady state
 * (every derivative zero), and the other candidates are the delays that make limit cycles in the model (each caller's
 * timeout and connection setup timeout, in steps, and one more: a retry or reconnect without backoff comes back after
 * exactly that). Once `window + P` consecutive steps repeat (`window` = the longest ring or calendar of any caller,
 * so every cohort alive now entered under repeating flows), the model jumps over a whole number of periods, adding
 * that many times the last period's flows and latency samples to the counters, up to the step before the next
 * discrete event or recording boundary. The continuous parts keep their own step count (the model's local step), so
 * nothing in their rings moves. While the system moves (a step repeats with no candidate period) the skipper sleeps
 * for {@link sleep} steps (4 windows, at least 8 x the longest period) and reads nothing, so that its cost stays small. Allocation-free after construction (the buffers grow only when a component's layout
 * grows, at a discrete event).
 */
export class FluidSkip {
  readonly window: number;
  /** Candidate periods, steps (1 first). */
  readonly periods: readonly number[];
  private readonly m: SkipParts;
  private readonly hLen: number;
  private before = new Float64Array(0);
  /** The last hLen vectors (flows, then state), a ring indexed by step count; each step's is written in place. */
  private history = new Float64Array(0);
  private sum = new Float64Array(0);
  /** Per period (index), where its last test found a difference (see {@link repeats}). */
  private hint: Int32Array;
  private flowLen = 0;
  private vecLen = 0;
  /** Steps read. */
  private count = 0;
  /** Current period and consecutive steps that repeated with it. */
  period = 1;
  run = 0;
  /** Recording boundaries seen (the model calls {@link boundary}); a latency period must not span one. */
  private ticks = 0;
  private snapCount = -1;
  private snapTicks = -1;
  /** True when one period's latency samples are known (valid while the run lasts). */
  private latencyKnown = false;
  /** Steps read since the last wake-up (history older than that is stale). */
  private filled = 0;
  /** Steps left to sleep: after a step that repeats with no candidate, the skipper reads nothing for a while. */
  private idle = 0;
  /** Steps slept after a failed test (4 x {@link window}, at least 8 x the longest period). */
  readonly sleep: number;

  constructor(m: SkipParts, _dt?: number) {
    this.m = m;
    let w = 1;
    for (const c of m.callers) w = Math.max(w, c.memorySteps);
    this.window = w + 2;
    // With a multi-rate step a caller that steps every e model steps repeats at best every e steps: every period is
    // a multiple of the least common multiple of the callers' steps (then a skip keeps each caller's phase).
    // The shortest candidate is then two such steps: with one (the 2021 scenario at 0.02, 1850 s) the steadiness
    // test matched a stretch that was not steady, and the run moved (FluidSkip.test.ts); with two it does not.
    let unit = 1;
    for (const c of m.callers) unit = lcm(unit, c.every);
    if (unit > 1) unit *= 2;
    const p = new Set<number>([1]);
    for (const c of m.callers) {
      p.add(c.ls * c.every);
      p.add((c.ls + 1) * c.every);
      if (c.connection !== undefined) {
        const st = Math.max(1, Math.round(c.connection.setupTimeout / c.dt));
        p.add(st * c.every);
        p.add((st + 1) * c.every);
      }
    }
    this.periods = [...new Set([...p].map((x) => lcm(x, unit)))].sort((a, b) => a - b);
    this.hLen = this.periods[this.periods.length - 1]! + 1;
    this.hint = new Int32Array(this.hLen);
    this.sleep = Math.max(4 * this.window, 8 * this.hLen);
  }

  private layout(): void {
    let f = 0;
    let s = 0;
    for (const c of this.m.callers) {
      f += c.flowCount;
      s += c.stateCount;
    }
    for (const v of this.m.services) s += v.stateCount;
    f += FluidService.FLOWS * this.m.services.length + FluidLink.FLOWS * this.m.links.length;
    s += FluidLink.STATE * this.m.links.length;
    if (f !== this.flowLen || f + s !== this.vecLen) {
      this.flowLen = f;
      this.vecLen = f + s;
      this.before = new Float64Array(f);
      this.sum = new Float64Array(f);
      this.history = new Float64Array(this.hLen * (f + s));
      this.count = 0;
      this.reset();
    }
  }

  private reset(): void {
    this.run = 0;
    this.latencyKnown = false;
    this.snapCount = -1;
  }

  /** A recording boundary (interval tick) just happened: the interval counters and histograms restart. */
  boundary(): void {
    this.ticks++;
  }

  private readFlows(out: Float64Array, at = 0): void {
    let o = at;
    for (const c of this.m.callers) o = c.readFlows(out, o);
    for (const v of this.m.services) o = v.readFlows(out, o);
    for (const l of this.m.links) o = l.readFlows(out, o);
  }

  /** Call before the step's continuous part (after the discrete actions of the step). */
  beforeStep(): void {
    if (this.idle > 0) return;
    this.layout();
    this.readFlows(this.before);
    // Near a skip, record one period's latency samples (a period that does not span a recording boundary).
    if (
      !this.latencyKnown &&
      this.run + this.period >= this.window &&
      (this.snapCount < 0 || this.snapTicks !== this.ticks)
    ) {
      for (const c of this.m.callers) c.snapshotLatency();
      this.snapCount = this.count;
      this.snapTicks = this.ticks;
    }
  }

  /**
   * Call after the step; returns the period P when the last `window + P` steps repeated with it and one period's
   * latency samples are known (the next whole periods may be skipped), else 0.
   */
  afterStep(): number {
    if (this.idle > 0) {
      if (--this.idle === 0) {
        this.filled = 0;
        this.reset();
      }
      return 0;
    }
    // This step's vector goes straight into its slot of the history (the slot of step count - hLen, never compared).
    const v = this.history;
    const fl = this.flowLen;
    const count = this.count;
    const at = (count % this.hLen) * this.vecLen;
    this.readFlows(v, at);
    const b = this.before;
    for (let i = 0; i < fl; i++) v[at + i] = v[at + i]! - b[i]!;
    let o = at + fl;
    for (const c of this.m.callers) o = c.readState(v, o);
    for (const s of this.m.services) o = s.readState(v, o);
    for (const l of this.m.links) o = l.readState(v, o);
    const was = this.period;
    if (this.repeats(count, was)) this.run++;
    else {
      this.reset();
      this.period = 1;
      for (const p of this.periods)
        if (p !== was && this.repeats(count, p)) {
          this.period = p;
          this.run = 1;
          break;
        }
      // Nothing repeats although every candidate could be tested: the system moves; look again later.
      if (this.run === 0 && this.filled >= this.hLen) {
        this.idle = this.sleep;
        return 0;
      }
    }
    this.count = count + 1;
    this.filled++;
    const p = this.period;
    if (this.snapCount >= 0 && !this.latencyKnown && this.snapTicks === this.ticks) {
      if (this.count - this.snapCount === p) {
        for (const c of this.m.callers) c.closeLatencyPeriod();
        this.latencyKnown = true;
      } else if (this.count - this.snapCount > p) this.snapCount = -1;
    }
    return this.latencyKnown && this.run >= this.window + p ? p : 0;
  }

  /**
   * True when the vector of step `count` (in its slot of the history) equals the one `p` steps before. The test
   * starts where the last one with this period found a difference (the answer does not depend on the order, and a
   * value that moved lately usually moves again).
   */
  private repeats(count: number, p: number): boolean {
    if (this.filled < p) return false;
    const h = this.hLen;
    const len = this.vecLen;
    const a = (count % h) * len;
    const b = ((count - p) % h) * len;
    const hint = this.hint;
    const from = hint[p]! < len ? hint[p]! : 0;
    const i = differs(this.history, a, b, from, len);
    if (i < 0) return true;
    hint[p] = i;
    return false;
  }

  /**
   * Adds `periods` x the last period's flows and latency samples (the steps skipped). Only after afterStep() returned
   * a period.
   */
  repeat(periods: number): void {
    const p = this.period;
    const fl = this.flowLen;
    const sum = this.sum;
    const history = this.history;
    const h = this.hLen;
    const len = this.vecLen;
    sum.fill(0);
    for (let k = 0; k < p; k++) {
      const base = ((this.count - 1 - k) % h) * len;
      for (let i = 0; i < fl; i++) sum[i] = sum[i]! + history[base + i]!;
    }
    let o = 0;
    for (const c of this.m.callers) {
      o = c.addFlows(sum, o, periods);
      c.repeatLatency(periods);
    }
    for (const v of this.m.services) o = v.addFlows(sum, o, periods);
    for (const l of this.m.links) o = l.addFlows(sum, o, periods);
  }
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * The first i (from `from` to `len`, then from 0) where `h[a + i]` and `h[b + i]` differ, or -1 when they agree
 * everywhere: within {@link SKIP_ATOL}, else within {@link SKIP_RTOL} x the larger magnitude; NaN agrees only with
 * NaN.
 */
function differs(h: Float64Array, a: number, b: number, from: number, len: number): number {
  for (let i = from; i < len; i++) if (!agree(h[a + i]!, h[b + i]!)) return i;
  for (let i = 0; i < from; i++) if (!agree(h[a + i]!, h[b + i]!)) return i;
  return -1;
}

function agree(x: number, y: number): boolean {
  const d = Math.abs(x - y);
  if (d <= SKIP_ATOL) return true;
  // NaN agrees only with NaN.
  if (Number.isNaN(d)) return Number.isNaN(x) && Number.isNaN(y);
  return !(d > SKIP_RTOL * Math.max(Math.abs(x), Math.abs(y)));
}
