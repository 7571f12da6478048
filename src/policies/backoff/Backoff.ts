import type { Duration } from "../../core/parseDuration.js";
import type { Rng } from "../../core/Rng.js";
import { configError, dur, num, oneOf, typeOf } from "../config.js";

/**
 * How a computed delay e(n) is randomised: `none` e(n); `full` U(0, e(n)); `equal` e(n)/2 + U(0, e(n)/2);
 * `decorrelated` min(cap, U(base, 3 * previous delay)); `grpc` e(n) * U(0.8, 1.2) (gRPC A6).
 */
export type Jitter = "none" | "full" | "equal" | "decorrelated" | "grpc";
const JITTERS: readonly Jitter[] = ["none", "full", "equal", "decorrelated", "grpc"];

/** Plain-object backoff configuration; every time is a Duration: seconds, or a string such as `"500ms"`. */
export type BackoffConfig =
  /** No backoff at all: retry at once (the bad behaviour that fed the 2021 storm; legal on purpose). */
  | { type: "none" }
  /** The same `delay` every time (seconds). `jitter` default "none". */
  | { type: "constant"; delay: Duration; jitter?: Jitter }
  /** `base * (n + 1)`, capped at `cap` (default 60 s). `jitter` default "none". */
  | { type: "linear"; base: Duration; cap?: Duration; jitter?: Jitter }
  /** `min(cap, base * multiplier^n)`; `multiplier` default 2, `cap` default 60 s, `jitter` default "full". */
  | { type: "exponential"; base: Duration; cap?: Duration; multiplier?: number; jitter?: Jitter }
  /** AWS "decorrelated jitter": d(n) = min(cap, U(base, 3 d(n-1))), d(-1) = base; `cap` default 60 s. */
  | { type: "decorrelated"; base: Duration; cap?: Duration }
  /** gRPC A6: min(initial * multiplier^n, max) * U(0.8, 1.2); `multiplier` default 1.6, `max` default 120 s. */
  | { type: "grpc"; initial: Duration; multiplier?: number; max?: Duration };

export type BackoffType = BackoffConfig["type"];
const TYPES: readonly BackoffType[] = ["none", "constant", "linear", "exponential", "decorrelated", "grpc"];

const J_NONE = 0;
const J_FULL = 1;
const J_EQUAL = 2;
const J_DECORRELATED = 3;
const J_GRPC = 4;

/**
 * A backoff schedule: immutable, shared by any number of clients. `delay(n, previous, rng)` is allocation-free; the
 * only state (the previous delay, for decorrelated jitter) is kept by the caller, so one Backoff serves a whole fleet.
 */
export class Backoff {
  /** Largest delay `delay` can return, in seconds (`cap`, or 1.2 * `max` for gRPC style). */
  readonly maxDelay: number;
  private readonly jit: number;

  private constructor(
    /** Config type this schedule came from. */
    readonly type: BackoffType,
    /** Base delay b in seconds. */
    readonly base: number,
    /** Cap c in seconds. */
    readonly cap: number,
    /** Growth per retry (exponential), 1 for constant. */
    readonly multiplier: number,
    /** Jitter kind. */
    readonly jitter: Jitter,
    private readonly linear: boolean,
  ) {
    this.jit = JITTERS.indexOf(jitter);
    this.maxDelay = jitter === "grpc" ? cap * 1.2 : cap;
  }

  /** Builds a schedule from a config; throws `E_POLICY_CONFIG` (with `path`) on invalid fields. */
  static from(config: BackoffConfig, path = "backoff"): Backoff {
    const type = typeOf(path, config, TYPES);
    const c = config as Record<string, unknown>;
    const jitter = (fallback: Jitter) => oneOf(`${path}.jitter`, c["jitter"], JITTERS, fallback);
    const cap = (fallback: number) => dur(`${path}.cap`, c["cap"], { fallback, min: 0, allowInfinity: true });
    switch (type) {
      case "none":
        return new Backoff(type, 0, 0, 1, "none", false);
      case "constant": {
        const d = dur(`${path}.delay`, c["delay"], { min: 0 });
        return new Backoff(type, d, d, 1, jitter("none"), false);
      }
      case "linear": {
        const b = dur(`${path}.base`, c["base"], { min: 0 });
        return new Backoff(type, b, cap(60), 1, jitter("none"), true);
      }
      case "exponential": {
        const b = dur(`${path}.base`, c["base"], { min: 0 });
        const m = num(`${path}.multiplier`, c["multiplier"], { fallback: 2, min: 1 });
        const cp = cap(60);
        if (cp < b) configError(`${path}.cap`, `must be >= base (${b}), got ${cp}`);
        return new Backoff(type, b, cp, m, jitter("full"), false);
      }
      case "decorrelated": {
        const b = dur(`${path}.base`, c["base"], { min: 0 });
        const cp = cap(60);
        if (cp < b) configError(`${path}.cap`, `must be >= base (${b}), got ${cp}`);
        return new Backoff(type, b, cp, 3, "decorrelated", false);
      }
      case "grpc": {
        const b = dur(`${path}.initial`, c["initial"], { min: 0 });
        const m = num(`${path}.multiplier`, c["multiplier"], { fallback: 1.6, min: 1 });
        const mx = dur(`${path}.max`, c["max"], { fallback: 120, min: 0 });
        if (mx < b) configError(`${path}.max`, `must be >= initial (${b}), got ${mx}`);
        return new Backoff(type, b, mx, m, "grpc", false);
      }
    }
  }

  /** The un-jittered delay e(n) for retry index `n` (0-based) in seconds. */
  raw(n: number): number {
    // A multiplier of 1 (constant, none) skips the power: 1 ** n is exactly 1, and `pow` is a call on the storm's path.
    const e = this.linear
      ? this.base * (n + 1)
      : this.multiplier === 1
        ? this.base
        : this.base * this.multiplier ** n;
    return Math.min(e, this.cap);
  }

  /**
   * Delay in seconds before retry `n` (0 = the first retry). `previous` is the delay returned for retry n-1 (only
   * decorrelated jitter reads it; pass a negative number or NaN for "none yet", which means `base`).
   */
  delay(n: number, previous: number, rng: Rng): number {
    switch (this.jit) {
      case J_NONE:
        return this.raw(n);
      case J_FULL:
        return this.raw(n) * rng.next();
      case J_EQUAL: {
        const e = this.raw(n);
        return e / 2 + (e / 2) * rng.next();
      }
      case J_DECORRELATED: {
        const prev = Math.max(previous, this.base);
        const d = this.base + (3 * prev - this.base) * rng.next();
        return Math.min(d, this.cap);
      }
      case J_GRPC:
        return this.raw(n) * (0.8 + 0.4 * rng.next());
      default:
        return this.raw(n);
    }
  }
}

/** Builds a `Backoff` from a plain config (seconds). Throws `E_POLICY_CONFIG` on invalid input. */
export function makeBackoff(config: BackoffConfig, path = "backoff"): Backoff {
  return Backoff.from(config, path);
}
