import type { Clock } from "../../core/Clock.js";
import type { Rng } from "../../core/Rng.js";
import type { Backoff } from "../backoff/Backoff.js";
import { configError } from "../config.js";
import { type Disposable, Listeners } from "../Listeners.js";
import { isFailure, Outcome } from "../Outcome.js";
import type { BreakerConfig, BreakerState, BreakerStateV1 } from "./BreakerConfig.js";
import { readBreakerSettings } from "./BreakerSettings.js";
import { type BreakerWindow, TimeWindow } from "./BreakerWindow.js";
import { ProbeLeases } from "./ProbeLeases.js";

/** Breaker states as numbers (the `state` getter). */
export const BreakerStateCode = { CLOSED: 0, OPEN: 1, HALF_OPEN: 2 } as const;
const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;
const NAMES = ["closed", "open", "half-open"] as const;
/**
 * A ticket is `serial * STRIDE + slot`: slot 0 for an admission while closed, 1..probes for a half-open lease
 * (probes <= 10 000 < STRIDE). Tickets stay exact integers for 2^39 transitions and half-open admissions.
 */
const STRIDE = 16_384;

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
  /**
   * Successes and failures counted above but not toward the breaker's state: results that arrive while it is open,
   * and tagged results whose ticket predates the last transition or whose probe lease had expired or been re-issued.
   */
  stale: number;
}

/**
 * Circuit breaker decision core; every call is synchronous and allocation-free. Tagged use (preferred):
 * `const t = admit()` before a call (0 = rejected), `record(outcome, latencySeconds, t)` after it. Untagged use:
 * `allow()` before, `record(outcome, latencySeconds)` after.
 *
 * Closed: outcomes feed the window (consecutive, count or time); when it trips the breaker opens for `wait(k)` seconds
 * (k = consecutive openings; `openFor`, default 30). Then half-open: P probes (`probes`, default 1) are admitted, each
 * a lease that expires after `probeLease` seconds (default 10) so a lost probe frees its slot; after P results it
 * closes (window reset) or reopens (k + 1). CANCELLED releases a probe lease without a result; FATAL and REJECTED are
 * ignored.
 *
 * Every state transition starts a new epoch. A tagged result counts toward the state only if its ticket was issued in
 * the current epoch and, while half-open, still holds its own live lease (which it frees); any other tagged result
 * is counted in `counters` (and `counters.stale`) but changes nothing else. An untagged result cannot be told apart:
 * while half-open it frees the oldest live lease and counts as a probe even if the call was admitted before the
 * breaker opened, and it is dropped (not even counted) when no lease is live. Do not mix the two paths on one breaker.
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
    stale: 0,
  };
  private readonly window: BreakerWindow;
  private readonly waitFixed: number;
  private readonly waitBackoff: Backoff | undefined;
  private readonly failureRatio: number;
  private readonly slowRatio: number;
  private readonly leases: ProbeLeases;
  private st: number = CLOSED;
  private openUntil = 0;
  private openings = 0;
  private lastWait = -1;
  private results = 0;
  private probeFails = 0;
  private probeSlows = 0;
  /** Bumped on every transition and every half-open admission; the high part of a ticket. */
  private serial = 1;
  /** `serial` at the last transition: tickets below `since * STRIDE` are stale. */
  private since = 1;
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
    const o = readBreakerSettings(config, clock, path);
    this.type = o.type;
    this.slowCallThreshold = o.slowCallThreshold;
    this.probes = o.probes;
    this.probeLease = o.probeLease;
    this.waitFixed = o.waitFixed;
    this.waitBackoff = o.waitBackoff;
    this.failureRatio = o.failureRatio;
    this.slowRatio = o.slowRatio;
    this.window = o.window;
    this.leases = new ProbeLeases(this.probes, clock, this.probeLease);
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
    return this.leases.live();
  }

  /**
   * May a call go out now? Returns its ticket: 0 when rejected, a positive integer when admitted (in half-open it
   * holds one probe lease). Pass the ticket to `record`. Tickets are opaque; they do not survive `restore`.
   */
  admit(): number {
    const s = this.state;
    if (s === CLOSED) {
      this.counters.allowed++;
      return this.since * STRIDE;
    }
    if (s === HALF_OPEN && this.results + this.leases.live() < this.probes) {
      const slot = this.leases.freeSlot();
      const ticket = ++this.serial * STRIDE + slot + 1;
      this.leases.hold(slot, ticket);
      this.counters.allowed++;
      return ticket;
    }
    this.counters.rejected++;
    if (this.rejectL.size > 0) this.rejectL.emit(s);
    return 0;
  }

  /** May a call go out now? In half-open this takes a probe lease. Untagged: prefer `admit()` (see the class doc). */
  allow(): boolean {
    return this.admit() !== 0;
  }

  /**
   * Records the result of an admitted call: an Outcome code, its latency in seconds (default 0) and the ticket
   * `admit()` gave it. Without a ticket (after `allow()`) the result is untagged and keeps the untagged limits
   * described in the class doc. With one, a result from an earlier epoch or an expired or re-issued lease is
   * counted in `counters` only; a half-open result frees exactly the lease its ticket holds.
   */
  record(outcome: number, latency = 0, ticket?: number): void {
    const failure = isFailure(outcome);
    const success = outcome === Outcome.SUCCESS;
    const s = this.state;
    let counts = s !== OPEN;
    if (ticket !== undefined) {
      counts = this.current(ticket, s); // frees its lease when half-open
      if (!failure && !success) return;
    } else if (s === HALF_OPEN) {
      if (!this.leases.releaseOldest()) return; // no live probe: a late or stray result
      if (!failure && !success) return; // cancelled, fatal: the slot is free again, no result
    } else if (!failure && !success) return;
    const slow = success && latency >= this.slowCallThreshold;
    if (failure) this.counters.failures++;
    else this.counters.successes++;
    if (slow) this.counters.slowCalls++;
    if (!counts) {
      this.counters.stale++;
      return;
    }
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

  /** Forces the breaker closed and forgets its history (also ends `isolate`). */
  reset(): void {
    this.close();
  }

  /**
   * Holds the breaker open until `reset()` (cockatiel's isolate): every call is refused, nothing it records changes
   * the state. Counts as an opening in `counters.opened`.
   */
  isolate(): void {
    this.openings++;
    this.openUntil = Number.POSITIVE_INFINITY;
    this.st = OPEN;
    this.since = ++this.serial;
    this.leases.clear();
    this.counters.opened++;
    if (this.breakL.size > 0) this.breakL.emit(this.openUntil, this.openings);
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

  /**
   * Serialisable state (plain JSON, `JSON.stringify(breaker)` calls it): remaining durations, not clock readings, so
   * it can be restored in another process or on another clock (see {@link BreakerState}).
   */
  toJSON(): BreakerState {
    const s = this.state;
    const isolated = s === OPEN && this.openUntil === Number.POSITIVE_INFINITY;
    return {
      version: 2,
      type: this.type,
      state: NAMES[s]!,
      openRemaining: isolated ? null : s === OPEN ? this.openUntil - this.clock.now() : 0,
      openings: this.openings,
      lastWait: this.lastWait,
      probeResults: [this.results, this.probeFails, this.probeSlows],
      leaseRemaining: this.leases.remaining(),
      window: this.window.snapshot(),
    };
  }

  /**
   * Restores a `toJSON()` state taken from a breaker of the same config, on this breaker's clock: an open breaker
   * stays open for the rest of its wait from now, probe leases keep what was left of them. Throws E_POLICY_CONFIG on
   * a mismatch. Starts a new epoch: tickets issued before are stale, and the restored probe leases (held by no
   * ticket) free themselves when they expire or, untagged, on `record`. A version 1 state (stampede-sim 0.1.0) holds
   * clock readings and restores correctly only on the clock it was taken on.
   */
  restore(state: BreakerState | BreakerStateV1): void {
    const version = (state as { version?: unknown } | null)?.version;
    if ((version !== 1 && version !== 2) || state.type !== this.type || !NAMES.includes(state.state))
      configError("breaker.state", `not a saved state (version 2, or 1) of a "${this.type}" breaker`);
    const now = this.clock.now();
    this.st = NAMES.indexOf(state.state);
    this.since = ++this.serial;
    this.openings = state.openings;
    this.lastWait = state.lastWait;
    [this.results, this.probeFails, this.probeSlows] = state.probeResults;
    if (state.version === 1) {
      this.openUntil = state.openUntil ?? Number.POSITIVE_INFINITY;
      this.leases.restore(state.leases.map((t) => t - now));
      if (this.window instanceof TimeWindow) this.window.restoreAbsolute(state.window);
      else this.window.restore(state.window);
      return;
    }
    const remaining = state.openRemaining;
    this.openUntil = remaining === null ? Number.POSITIVE_INFINITY : now + Math.max(0, remaining);
    this.leases.restore(state.leaseRemaining);
    this.window.restore(state.window);
  }

  /** A new breaker with `config` in the saved `state`, on `clock`. */
  static fromJSON(
    config: BreakerConfig,
    state: BreakerState | BreakerStateV1,
    clock: Clock,
    rng: Rng,
  ): CircuitBreaker {
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
    this.since = ++this.serial;
    this.leases.clear();
    this.counters.opened++;
    if (this.breakL.size > 0) this.breakL.emit(this.openUntil, this.openings);
  }

  private toHalfOpen(): void {
    this.st = HALF_OPEN;
    this.since = ++this.serial;
    this.results = this.probeFails = this.probeSlows = 0;
    this.leases.clear();
    this.counters.halfOpened++;
    if (this.halfOpenL.size > 0) this.halfOpenL.emit();
  }

  private close(): void {
    this.st = CLOSED;
    this.since = ++this.serial;
    this.openings = 0;
    this.lastWait = -1;
    this.results = this.probeFails = this.probeSlows = 0;
    this.leases.clear();
    this.window.reset();
    this.counters.closed++;
    if (this.resetL.size > 0) this.resetL.emit();
  }

  /** Was `ticket` issued in the current epoch (and, half-open, does it hold a live lease)? Frees that lease. */
  private current(ticket: number, s: number): boolean {
    if (!(ticket > 0) || Math.floor(ticket / STRIDE) < this.since) return false;
    if (s === HALF_OPEN) return this.leases.release((ticket % STRIDE) - 1, ticket);
    return s === CLOSED && ticket % STRIDE === 0;
  }
}

/** Builds a breaker from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeBreaker(config: BreakerConfig, clock: Clock, rng: Rng, path = "breaker"): CircuitBreaker {
  return new CircuitBreaker(config, clock, rng, path);
}
