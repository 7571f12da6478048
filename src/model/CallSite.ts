import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { CircuitBreaker } from "../policies/breaker/CircuitBreaker.js";
import type { Budget } from "../policies/budget/Budget.js";
import { LatencyHistogram } from "../policies/LatencyHistogram.js";
import { Cause, Outcome } from "../policies/Outcome.js";
import { type RetryPolicy, STOP } from "../policies/retry/RetryPolicy.js";
import { ANSWER_OK, ANSWER_THROTTLED } from "./AttemptPool.js";
import { CallCounters } from "./CallCounters.js";
import type { ConnectionPool } from "./ConnectionPool.js";
import type { World } from "./World.js";

/**
 * What the owner of a call site (a fleet, a service's dependency, a test's toy caller) does for it. The call site runs
 * the client side of every call; the owner only knows how to put an attempt on its way and what a finished request
 * means to it.
 */
export interface CallOwner {
  /**
   * Put the current attempt of request `r` on its way: either now, with `site.transmit(r, device, admitted)`, or
   * later (a fleet waits for its client's connection). The attempt's timeout is already running.
   */
  send(r: number): void;
  /**
   * The current attempt of `r` timed out. The call site has already abandoned the attempt in flight, if any; the
   * owner undoes what only it knows about (a place in a connection's wait list, the connection itself).
   */
  timedOut(r: number): void;
  /** Request `r` is over (`ok`: it succeeded). The owner releases it with `site.release(r)` or reuses its slot. */
  done(r: number, ok: boolean): void;
}

/** The policies and options of one call site. Everything optional is off when undefined. */
export interface CallSiteConfig {
  /** The field path of the caller (`fleets.a`, `services.s.dependencies.d`), for messages. */
  path: string;
  /** Target service (index in World.services). */
  service: number;
  /** Per-attempt timeout, seconds; kept in a timer lane (O(1)) unless `timeoutDistribution` is given. */
  timeout: number;
  /** Each attempt's timeout drawn from this distribution instead (seconds). */
  timeoutDistribution?: Distribution | undefined;
  /** Retry policy; undefined: a single attempt. */
  retry?: RetryPolicy | undefined;
  /** The delay before each retry is drawn from this (seconds) instead of the retry policy's backoff. */
  retryDelay?: Distribution | undefined;
  /** Retrial persistence: probability of retrying after attempt k (item k-1, the last repeats), per outcome. */
  persistence?: { error: readonly number[]; timeout: readonly number[] } | undefined;
  /**
   * Number of independent callers behind this site, each with its own budget and breaker (a fleet's clients: like a
   * gRPC channel's throttle, one per client process). A request's caller is `requests.client[r]` when > 1, else 0.
   */
  callers: number;
  /** A fresh budget for caller `k`; undefined: no budget. */
  budgetFor?: ((k: number) => Budget) | undefined;
  /** A fresh breaker for caller `k`; undefined: no breaker. */
  breakerFor?: ((k: number) => CircuitBreaker) | undefined;
  /** Random streams: `timeouts` draws timeouts, `retrial` persistence and retry delays. */
  streams: { timeouts: Rng; retrial: Rng };
  /**
   * Criticality of this site's requests (policies `Criticality`, 0 most critical); undefined: inherited from the
   * attempt the call is made for (`requests.client[r]`, a dependency call). See `World.criticalityOf`.
   */
  criticality?: number | undefined;
  /**
   * Client connection pool (`pool`): an attempt holds a connection from `send` to its end and waits for one when all
   * are busy. Keyed by caller (`requests.client[r]`) when `callers` > 1, else one key. Undefined: no pool.
   */
  pool?: ConnectionPool | undefined;
}

/**
 * The one client-side call lifecycle of the model (attempt, per-attempt timeout, retry with backoff, retry budget,
 * circuit breaker, retrial persistence, outcome accounting), shared by every kind of caller: one instance per fleet
 * and one per service dependency. `World` keeps the sites in a table (`registerCaller`) and routes the timeout, retry
 * and response events of a request to its site through `requests.site[r]`.
 *
 * An attempt is counted in `attempts` only when it reaches the wire (`transmit`); an attempt that a breaker or a
 * budget refuses locally is counted in `refused` and never sent (its outcome, REJECTED, goes to the retry policy,
 * which by default does not retry it). Hot paths are allocation-free.
 */
export class CallSite {
  readonly id: number;
  readonly config: CallSiteConfig;
  readonly counters = new CallCounters();
  /** Latency of successful requests (first attempt to answer) in this interval (`latency`), recorded once per success. */
  readonly latency = new LatencyHistogram();
  /** Latency over the run up to the last `rollLatency()` (each interval is folded in when it ends). */
  readonly latencyAll = new LatencyHistogram();
  /** Requests waiting out a retry delay (the orbit of a retrial queue). */
  retryWaiting = 0;
  /**
   * Callers whose rank (`rank[k]`) is below `fixed` run the deployed fix's policies (`fixRetry`, `fixBudgetFor`):
   * see `deployFix`.
   */
  fixed = 0;
  private rank: Int32Array | undefined;
  private fixRetry: RetryPolicy | undefined;
  private fixBudgetFor: ((k: number) => Budget) | undefined;
  private fixBudgets: (Budget | undefined)[] = [];
  private readonly w: World;
  private readonly owner: CallOwner;
  private readonly lane: number;
  private readonly budgets: Budget[];
  private readonly breakers: CircuitBreaker[];
  private readonly keyed: boolean;
  /** The connection pool, or undefined (checked once per attempt event: nothing else when off). */
  private readonly pool: ConnectionPool | undefined;
  /** Some retry policy of this site (its own or a deployed fix's) clips attempt timeouts: checked per attempt. */
  private mayClip: boolean;
  /** Attempts pass a breaker or a budget (`admit`): the site has breakers, budgets, or a deployed fix's budgets. */
  private gated: boolean;
  /** Attempt timeouts are drawn or clipped (`attemptTimeout`), not always `config.timeout`. */
  private varies: boolean;

  constructor(w: World, owner: CallOwner, config: CallSiteConfig) {
    this.w = w;
    this.owner = owner;
    this.config = config;
    this.lane = w.sim.lane(config.timeout);
    const n = Math.max(1, config.callers);
    this.keyed = n > 1;
    this.budgets = config.budgetFor ? Array.from({ length: n }, (_, k) => config.budgetFor!(k)) : [];
    this.breakers = config.breakerFor ? Array.from({ length: n }, (_, k) => config.breakerFor!(k)) : [];
    this.mayClip = clips(config.retry);
    this.gated = this.budgets.length > 0 || this.breakers.length > 0;
    this.varies = this.mayClip || config.timeoutDistribution !== undefined;
    this.pool = config.pool;
    this.id = w.registerCaller(this);
  }

  /** Ends the latency interval: folds `latency` into `latencyAll` and clears it. */
  rollLatency(): void {
    this.latencyAll.add(this.latency);
    this.latency.reset();
  }

  /** The caller of request `r` (index into the budgets and breakers). */
  private key(r: number): number {
    return this.keyed ? this.w.requests.client[r]! : 0;
  }

  /** Starts a new request for `client` (a fleet's client; for dependency calls, the calling attempt) and tries it. */
  begin(client: number): void {
    this.attempt(this.open(client), Cause.FIRST);
  }

  /** Opens a new request for `client` without trying it yet (then call `attempt(r, Cause.FIRST)`). */
  open(client: number): number {
    this.counters.now.firstAttempts++;
    return this.w.requests.alloc(this.id, client, this.w.sim.now());
  }

  /**
   * Attempt number `attempts[r] + 1` of request `r`; `cause` is Cause.FIRST or the outcome that caused this retry.
   * The breaker and the budget may refuse it locally (counted in `refused`, nothing is sent).
   */
  attempt(r: number, cause: number): void {
    const w = this.w;
    const req = w.requests;
    req.attempts[r] = req.attempts[r]! + 1;
    req.cause[r] = cause;
    if (this.gated && !this.admit(r, cause)) return;
    const now = w.sim.now();
    req.attemptStart[r] = now;
    const t = this.varies ? this.attemptTimeout(r) : this.config.timeout;
    req.deadline[r] = now + t;
    req.timer[r] =
      t === this.config.timeout && this.config.timeoutDistribution === undefined
        ? w.sim.inLane(this.lane, w.kinds.requestTimeout, r, 0)
        : w.sim.after(t, w.kinds.requestTimeout, r, 0);
    // With a pool the attempt goes out only once it holds a connection (else it waits, its timeout running).
    if (this.pool !== undefined && !this.pool.acquire(r, this.key(r), now)) return;
    this.owner.send(r);
  }

  /**
   * The breaker and the budget of `r`'s caller admit its current attempt, or refuse it locally (counted in `refused`,
   * the retry policy sees REJECTED) and this returns false. Kept out of `attempt` (only gated sites call it), so that
   * `attempt` stays small enough for V8 to inline what it calls.
   */
  private admit(r: number, cause: number): boolean {
    const req = this.w.requests;
    const k = this.key(r);
    if (this.breakers.length > 0) {
      const ticket = this.breakers[k]!.admit();
      if (ticket === 0) {
        this.refuse(r);
        return false;
      }
      req.ticket[r] = ticket;
    }
    const budget = this.budgetOf(k);
    if (budget !== undefined && !budget.tryAcquire(cause)) {
      if (this.breakers.length > 0) this.breakers[k]!.record(Outcome.CANCELLED, 0, req.ticket[r]!);
      this.refuse(r);
      return false;
    }
    return true;
  }

  /** The timeout of `r`'s current attempt (seconds): drawn, then clipped by the retry policy's own attempt timeout and overall deadline, as in production. */
  private attemptTimeout(r: number): number {
    const dist = this.config.timeoutDistribution;
    let t = dist === undefined ? this.config.timeout : dist.sample(this.config.streams.timeouts);
    if (this.mayClip) {
      const policy = this.policyOf(this.key(r));
      if (
        policy !== undefined &&
        Math.min(policy.attemptTimeout, policy.deadline) < Number.POSITIVE_INFINITY
      ) {
        const clip = policy.attemptTimeoutAt(this.w.requests.first[r]!);
        if (clip < t) t = Math.max(clip, 0);
      }
    }
    return t;
  }

  /** Request `r`'s attempt is done with its pool connection: the first waiter, if any, takes it and goes out. */
  private releasePool(r: number): void {
    const w = this.pool!.release(r, this.key(r), this.w.sim.now());
    if (w >= 0) this.owner.send(w);
  }

  /** Lets waiters take connections the pool has room for now (the calling service gained servers). */
  poolGrew(): void {
    const pool = this.pool;
    if (pool === undefined) return;
    const now = this.w.sim.now();
    for (let w = pool.admitNext(0, now); w >= 0; w = pool.admitNext(0, now)) this.owner.send(w);
  }

  /**
   * The current attempt of `r` fails at once without being sent (its connection is down and the owner fails such
   * requests): its timeout stops, it is counted in `refused`, and the budget, breaker and retry policy see FAILURE.
   */
  failLocally(r: number): void {
    const req = this.w.requests;
    this.w.sim.cancel(req.timer[r]!);
    req.timer[r] = -1;
    this.counters.now.refused++;
    if (this.pool !== undefined) this.releasePool(r);
    this.ended(r, Outcome.FAILURE);
    this.retryOrFinish(r, Outcome.FAILURE);
  }

  /** Stops the timeout of `r`'s current attempt (it waits for its connection with its deadline not running). */
  suspend(r: number): void {
    const req = this.w.requests;
    this.w.sim.cancel(req.timer[r]!);
    req.timer[r] = -1;
  }

  /** Starts the timeout of `r`'s suspended attempt again, in full (the duration drawn for it), from now. */
  resume(r: number): void {
    const w = this.w;
    const req = w.requests;
    const now = w.sim.now();
    const t = req.deadline[r]! - req.attemptStart[r]!;
    req.attemptStart[r] = now;
    req.deadline[r] = now + t;
    req.timer[r] =
      this.config.timeoutDistribution === undefined && t === this.config.timeout
        ? w.sim.inLane(this.lane, w.kinds.requestTimeout, r, 0)
        : w.sim.after(t, w.kinds.requestTimeout, r, 0);
  }

  /** A local refusal (breaker open, budget empty): nothing was sent; the retry policy sees REJECTED. */
  private refuse(r: number): void {
    this.counters.now.refused++;
    this.retryOrFinish(r, Outcome.REJECTED);
  }

  /**
   * Puts the current attempt of `r` on the wire towards the site's service across `link` on `device` (-1: pick).
   * `admitted` false: operator policing drops it at the device ingress (it was sent: counted in `attempts` and
   * `rejected`, and its caller times out).
   */
  transmit(r: number, link: number, device: number, admitted: boolean): void {
    const w = this.w;
    const req = w.requests;
    const c = this.counters.now;
    c.attempts++;
    if (!admitted) c.rejected++;
    const a = w.attempts.alloc(r, this.config.service, w.sim.now(), req.deadline[r]!);
    req.current[r] = a;
    w.transmit(a, link, device, admitted);
  }

  /** The current attempt of `r` timed out (the request-timeout event). */
  onTimeout(r: number): void {
    const w = this.w;
    const req = w.requests;
    this.counters.now.timeouts++;
    req.timer[r] = -1;
    const pool = this.pool;
    if (pool !== undefined) {
      // A waiter leaves the wait unsent (dropped client-side); a holder frees its connection for the next waiter.
      if (pool.waiting(r)) pool.leave(r, this.key(r), w.sim.now());
      else this.releasePool(r);
    }
    const a = req.current[r]!;
    if (a >= 0) {
      req.current[r] = -1;
      const svc = w.services[this.config.service]!;
      svc.abandon(a);
      w.attempts.callerRelease(a);
      svc.outcome(false);
    }
    this.owner.timedOut(r);
    this.ended(r, Outcome.TIMEOUT);
    this.retryOrFinish(r, Outcome.TIMEOUT);
  }

  /** An answer (success or error) arrived for attempt `a` of one of this site's requests (the response event). */
  onResponse(a: number): void {
    const w = this.w;
    const at = w.attempts;
    if (at.callerDone[a] === 1) {
      at.netRelease(a);
      return;
    }
    const r = at.request[a]!;
    const req = w.requests;
    w.sim.cancel(req.timer[r]!);
    req.timer[r] = -1;
    req.current[r] = -1;
    const answer = at.failed[a]!;
    at.callerRelease(a);
    at.netRelease(a);
    if (this.pool !== undefined) this.releasePool(r);
    w.services[this.config.service]!.outcome(answer === ANSWER_OK);
    if (answer !== ANSWER_OK) {
      // An overloaded service's shedding answer is THROTTLED (budgets such as aws-adaptive slow down on it).
      const outcome = answer === ANSWER_THROTTLED ? Outcome.THROTTLED : Outcome.FAILURE;
      this.counters.now.errors++;
      this.ended(r, outcome);
      this.retryOrFinish(r, outcome);
      return;
    }
    this.counters.now.successes++;
    this.ended(r, Outcome.SUCCESS);
    const latency = w.sim.now() - req.first[r]!;
    this.latency.record(latency);
    this.owner.done(r, true);
  }

  /** Tells the budget and the breaker how the attempt admitted for `r` ended. */
  private ended(r: number, outcome: number): void {
    if (!this.gated) return; // no budget, no breaker: nothing to tell (the common case, one field test)
    const req = this.w.requests;
    const k = this.key(r);
    const budget = this.budgetOf(k);
    if (budget !== undefined) {
      if (outcome === Outcome.SUCCESS) budget.onSuccess(req.cause[r]!);
      else budget.onFailure(outcome, req.cause[r]!);
    }
    if (this.breakers.length > 0) {
      const latency = this.w.sim.now() - req.attemptStart[r]!;
      this.breakers[k]!.record(outcome, latency, req.ticket[r]!);
    }
  }

  /** The retry policy of caller `k`: the deployed fix's once it reached k, else the site's. */
  private policyOf(k: number): RetryPolicy | undefined {
    const fix = this.fixRetry;
    return fix !== undefined && this.isFixed(k) ? fix : this.config.retry;
  }

  private retryOrFinish(r: number, outcome: number): void {
    const req = this.w.requests;
    const policy = this.fixRetry === undefined ? this.config.retry : this.policyOf(this.key(r));
    let delay =
      policy === undefined ? STOP : policy.next(req.attempts[r]!, outcome, req.first[r]!, req.prevDelay[r]!);
    if (delay !== STOP && (this.config.persistence !== undefined || this.config.retryDelay !== undefined))
      delay = this.retrial(req.attempts[r]!, outcome, delay);
    if (delay === STOP) {
      this.owner.done(r, false);
      return;
    }
    req.prevDelay[r] = delay;
    if (delay === 0) this.attempt(r, outcome);
    else {
      this.retryWaiting++;
      this.w.sim.postAfter(delay, this.w.kinds.retry, r, outcome);
    }
  }

  /** Retrial options: persistence (retry with a probability) and a random retry delay. */
  private retrial(attempt: number, outcome: number, delay: number): number {
    const cfg = this.config;
    const rng = cfg.streams.retrial;
    const p =
      cfg.persistence === undefined
        ? undefined
        : outcome === Outcome.TIMEOUT
          ? cfg.persistence.timeout
          : cfg.persistence.error;
    if (p !== undefined) {
      const q = p[Math.min(attempt, p.length) - 1]!;
      if (q < 1 && rng.next() >= q) return STOP;
    }
    return cfg.retryDelay === undefined ? delay : cfg.retryDelay.sample(rng);
  }

  /** A retry's delay elapsed (the retry event). */
  onRetry(r: number, cause: number): void {
    this.retryWaiting--;
    this.attempt(r, cause);
  }

  /** Releases request `r`'s slot (owners call this from `done`). */
  release(r: number): void {
    this.w.requests.release(r);
  }

  private budgetOf(k: number): Budget | undefined {
    if (this.fixBudgetFor === undefined) return this.budgets.length > 0 ? this.budgets[k] : undefined;
    if (this.isFixed(k)) {
      let b = this.fixBudgets[k];
      if (b === undefined) {
        b = this.fixBudgetFor(k);
        this.fixBudgets[k] = b;
      }
      return b;
    }
    return this.budgets.length > 0 ? this.budgets[k] : undefined;
  }

  private isFixed(k: number): boolean {
    return this.fixed > 0 && (this.rank === undefined ? k : this.rank[k]!) < this.fixed;
  }

  /**
   * A deployed client fix: callers whose rank is below `fixed` (a ramp sets it) use `retry` and a fresh budget from
   * `budgetFor` instead of the site's own (each undefined: unchanged). `rank` orders the callers (undefined: by key).
   */
  deployFix(
    retry: RetryPolicy | undefined,
    budgetFor: ((k: number) => Budget) | undefined,
    rank?: Int32Array,
  ): void {
    if (retry !== undefined) {
      this.fixRetry = retry;
      this.mayClip ||= clips(retry);
      this.varies ||= this.mayClip;
    }
    if (budgetFor !== undefined) {
      this.fixBudgetFor = budgetFor;
      this.fixBudgets = [];
      this.gated = true;
    }
    if (rank !== undefined) this.rank = rank;
  }

  /** Holds every breaker of this site open until `resetBreakers` (operators isolating a caller). */
  isolate(): void {
    for (const b of this.breakers) b.isolate();
  }

  /** Closes every breaker of this site and forgets its history. */
  resetBreakers(): void {
    for (const b of this.breakers) b.reset();
  }

  /** Breakers of this site that are open now (isolated or tripped). */
  openBreakers(): number {
    let n = 0;
    for (const b of this.breakers) if (b.state === 1) n++;
    return n;
  }

  get hasBreakers(): boolean {
    return this.breakers.length > 0;
  }
}

/** Whether `policy` clips an attempt's timeout (its own attempt timeout or an overall deadline is finite). */
function clips(policy: RetryPolicy | undefined): boolean {
  return policy !== undefined && Math.min(policy.attemptTimeout, policy.deadline) < Number.POSITIVE_INFINITY;
}
