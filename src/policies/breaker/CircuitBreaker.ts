import type { Clock } from "../../core/Clock.js";
import type { Rng } from "../../core/Rng.js";
import { Backoff } from "../backoff/Backoff.js";
import { configError, num, typeOf } from "../config.js";
import { type Disposable, Listeners } from "../Listeners.js";
import { isFailure, Outcome } from "../Outcome.js";
import type { BreakerConfig, BreakerState } from "./BreakerConfig.js";
import { type BreakerWindow, ConsecutiveWindow, CountWindow, TimeWindow } from "./BreakerWindow.js";

/** Breaker states as numbers (the `state` getter). */
export const BreakerStateCode = { CLOSED: 0, OPEN: 1, HALF_OPEN: 2 } as const;
const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;
const NAMES = ["closed", "open", "half-open"] as const;

/** Counters an OpenTelemetry observable instrument can read. */
export interface BreakerCounters {
  allowed: number;
  rejected: number;
  successes: number;
  failures: number;
  slowCalls: number;
  opened: number;
  halfOpened: number;
  closed: number;
}

/**
 * Circuit breaker decision core. `allow()` before a call, `record(outcome, latencySeconds)` after it; both synchronous
 * and allocation-free. Closed: outcomes feed the window (consecutive, count or time); when it trips the breaker opens
 * for `wait(k)` (k = consecutive openings). Then half-open: P probes are admitted, each a lease that expires after
 * `probeLease` seconds so a lost probe frees its slot; after P results it closes (window reset) or reopens (k + 1).
 * CANCELLED releases a probe lease without a result; FATAL and REJECTED are ignored.
 */
export class CircuitBreaker {
  readonly type: BreakerConfig["type"];
  readonly probes: number;
  readonly probeLease: number;
  readonly slowCallThreshold: number;
  readonly counters: BreakerCounters = {
    allowed: 0,
    rejected: 0,
    successes: 0,
    failures: 0,
    slowCalls: 0,
    opened: 0,
    halfOpened: 0,
    closed: 0,
  };
  private readonly window: BreakerWindow;
  private readonly waitFixed: number;
  private readonly waitBackoff: Backoff | undefined;
  private readonly failureRatio: number;
  private readonly slowRatio: number;
  private readonly leases: Float64Array;
  private st: number = CLOSED;
  private openUntil = 0;
  private openings = 0;
  private lastWait = -1;
  private results = 0;
  private probeFails = 0;
  private probeSlows = 0;
  private readonly breakL = new Listeners<(openUntil: number, openings: number) => void>();
  private readonly halfOpenL = new Listeners<() => void>();
  private readonly resetL = new Listeners<() => void>();
  private readonly rejectL = new Listeners<(state: number) => void>();

  constructor(
    config: BreakerConfig,
    private readonly clock: Clock,
    private readonly rng: Rng,
    path = "breaker",
  ) {
    this.type = typeOf(path, config, ["consecutive", "count", "time"] as const);
    const c = config as unknown as Record<string, unknown>;
    this.slowCallThreshold = num(`${path}.slowCallThreshold`, c["slowCallThreshold"], {
      fallback: Number.POSITIVE_INFINITY,
      min: 0,
      allowInfinity: true,
    });
    this.probes = num(`${path}.probes`, c["probes"], { fallback: 1, min: 1, max: 10_000, integer: true });
    this.probeLease = num(`${path}.probeLease`, c["probeLease"], {
      fallback: 10,
      min: 0,
      exclusiveMin: true,
    });
    this.leases = new Float64Array(this.probes).fill(Number.NaN);
    const openFor = c["openFor"] ?? 30;
    if (typeof openFor === "number") {
      this.waitFixed = num(`${path}.openFor`, openFor, { min: 0 });
      this.waitBackoff = undefined;
    } else if (typeof openFor === "object" && openFor !== null) {
      this.waitFixed = 0;
      this.waitBackoff = Backoff.from(openFor as never, `${path}.openFor`);
    } else configError(`${path}.openFor`, "must be seconds or a backoff config");
    const ratio = (key: string, fallback: number) =>
      num(`${path}.${key}`, c[key], { fallback, min: 0, exclusiveMin: true, max: 1 });
    if (this.type === "consecutive") {
      const failures = num(`${path}.failures`, c["failures"], { min: 1, integer: true });
      const slow = num(`${path}.slowCalls`, c["slowCalls"], {
        fallback: Number.POSITIVE_INFINITY,
        min: 1,
        integer: true,
        allowInfinity: true,
      });
      this.window = new ConsecutiveWindow(failures, slow);
      // Half-open: any failing (or slow, when a slow rule exists) probe reopens.
      this.failureRatio = Number.MIN_VALUE;
      this.slowRatio = Number.isFinite(slow) ? Number.MIN_VALUE : Number.POSITIVE_INFINITY;
    } else {
      this.failureRatio = ratio("failureRatio", 0.5);
      this.slowRatio = ratio("slowRatio", 1);
      if (this.type === "count") {
        const size = num(`${path}.size`, c["size"], { min: 1, max: 1_000_000, integer: true });
        const min = num(`${path}.minimumCalls`, c["minimumCalls"], { fallback: size, min: 1, integer: true });
        this.window = new CountWindow(size, min, this.failureRatio, this.slowRatio);
      } else {
        const span = num(`${path}.window`, c["window"], { min: 0, exclusiveMin: true });
        const buckets = num(`${path}.buckets`, c["buckets"], {
          fallback: 10,
          min: 1,
          max: 10_000,
          integer: true,
        });
        const min = num(`${path}.minimumCalls`, c["minimumCalls"], { fallback: 10, min: 1, integer: true });
        this.window = new TimeWindow(clock, span, buckets, min, this.failureRatio, this.slowRatio);
      }
    }
  }

  /** Current state (BreakerStateCode), after applying any due open -> half-open transition. */
  get state(): number {
    if (this.st === OPEN && this.clock.now() >= this.openUntil) this.toHalfOpen();
    return this.st;
  }

  /** "closed", "open" or "half-open". */
  get stateName(): (typeof NAMES)[number] {
    return NAMES[this.state]!;
  }

  /** Probe leases alive now (never more than `probes`). */
  get liveProbes(): number {
    this.expireLeases();
    let n = 0;
    for (let i = 0; i < this.leases.length; i++) if (!Number.isNaN(this.leases[i]!)) n++;
    return n;
  }

  /** May a call go out now? In half-open this takes a probe lease. */
  allow(): boolean {
    const s = this.state;
    if (s === CLOSED) {
      this.counters.allowed++;
      return true;
    }
    if (s === HALF_OPEN && this.results + this.liveProbes < this.probes) {
      for (let i = 0; i < this.leases.length; i++) {
        if (Number.isNaN(this.leases[i]!)) {
          this.leases[i] = this.clock.now() + this.probeLease;
          break;
        }
      }
      this.counters.allowed++;
      return true;
    }
    this.counters.rejected++;
    if (this.rejectL.size > 0) this.rejectL.emit(s);
    return false;
  }

  /** Records the result of an allowed call: an Outcome code and its latency in seconds. */
  record(outcome: number, latency = 0): void {
    const failure = isFailure(outcome);
    const success = outcome === Outcome.SUCCESS;
    const s = this.state;
    if (s === HALF_OPEN) {
      if (!this.releaseLease()) return; // no live probe: a late or stray result
      if (!failure && !success) return; // cancelled, fatal: the slot is free again, no result
    } else if (!failure && !success) return;
    const slow = success && latency >= this.slowCallThreshold;
    if (failure) this.counters.failures++;
    else this.counters.successes++;
    if (slow) this.counters.slowCalls++;
    if (s === CLOSED) {
      this.window.record(failure, slow);
      if (this.window.tripped()) this.open();
    } else if (s === HALF_OPEN) {
      this.results++;
      if (failure) this.probeFails++;
      if (slow) this.probeSlows++;
      if (this.results >= this.probes) {
        const bad =
          this.probeFails / this.results >= this.failureRatio ||
          this.probeSlows / this.results >= this.slowRatio;
        if (bad) this.open();
        else this.close();
      }
    }
  }

  /** Forces the breaker closed and forgets its history. */
  reset(): void {
    this.close();
  }

  onBreak(fn: (openUntil: number, openings: number) => void): Disposable {
    return this.breakL.on(fn);
  }
  onHalfOpen(fn: () => void): Disposable {
    return this.halfOpenL.on(fn);
  }
  onReset(fn: () => void): Disposable {
    return this.resetL.on(fn);
  }
  /** Listens to rejected calls: `fn(state)`. */
  onReject(fn: (state: number) => void): Disposable {
    return this.rejectL.on(fn);
  }

  /** Serialisable state. Times are readings of this breaker's clock. */
  toJSON(): BreakerState {
    const s = this.state;
    this.expireLeases();
    return {
      version: 1,
      type: this.type,
      state: NAMES[s]!,
      openUntil: this.openUntil,
      openings: this.openings,
      lastWait: this.lastWait,
      probeResults: [this.results, this.probeFails, this.probeSlows],
      leases: [...this.leases].filter((t) => !Number.isNaN(t)),
      window: this.window.snapshot(),
    };
  }

  /** Restores a `toJSON()` state taken from a breaker of the same config. Throws E_POLICY_CONFIG on a mismatch. */
  restore(state: BreakerState): void {
    if (state?.version !== 1 || state.type !== this.type || !NAMES.includes(state.state))
      configError("breaker.state", `not a saved state of a "${this.type}" breaker`);
    this.st = NAMES.indexOf(state.state);
    this.openUntil = state.openUntil;
    this.openings = state.openings;
    this.lastWait = state.lastWait;
    [this.results, this.probeFails, this.probeSlows] = state.probeResults;
    this.leases.fill(Number.NaN);
    state.leases.slice(0, this.probes).forEach((t, i) => {
      this.leases[i] = t;
    });
    this.window.restore(state.window);
  }

  /** A new breaker with `config` in the saved `state`. */
  static fromJSON(config: BreakerConfig, state: BreakerState, clock: Clock, rng: Rng): CircuitBreaker {
    const b = new CircuitBreaker(config, clock, rng);
    b.restore(state);
    return b;
  }

  private open(): void {
    this.openings++;
    const wait =
      this.waitBackoff === undefined
        ? this.waitFixed
        : this.waitBackoff.delay(this.openings - 1, this.lastWait, this.rng);
    this.lastWait = wait;
    this.openUntil = this.clock.now() + wait;
    this.st = OPEN;
    this.leases.fill(Number.NaN);
    this.counters.opened++;
    if (this.breakL.size > 0) this.breakL.emit(this.openUntil, this.openings);
  }

  private toHalfOpen(): void {
    this.st = HALF_OPEN;
    this.results = this.probeFails = this.probeSlows = 0;
    this.leases.fill(Number.NaN);
    this.counters.halfOpened++;
    if (this.halfOpenL.size > 0) this.halfOpenL.emit();
  }

  private close(): void {
    this.st = CLOSED;
    this.openings = 0;
    this.lastWait = -1;
    this.results = this.probeFails = this.probeSlows = 0;
    this.leases.fill(Number.NaN);
    this.window.reset();
    this.counters.closed++;
    if (this.resetL.size > 0) this.resetL.emit();
  }

  private expireLeases(): void {
    const now = this.clock.now();
    for (let i = 0; i < this.leases.length; i++) if (this.leases[i]! <= now) this.leases[i] = Number.NaN;
  }

  /** Frees the oldest live lease; false when none was live. */
  private releaseLease(): boolean {
    this.expireLeases();
    let best = -1;
    for (let i = 0; i < this.leases.length; i++) {
      const t = this.leases[i]!;
      if (!Number.isNaN(t) && (best < 0 || t < this.leases[best]!)) best = i;
    }
    if (best < 0) return false;
    this.leases[best] = Number.NaN;
    return true;
  }
}

/** Builds a breaker from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeBreaker(config: BreakerConfig, clock: Clock, rng: Rng, path = "breaker"): CircuitBreaker {
  return new CircuitBreaker(config, clock, rng, path);
}
