import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import { Exponential } from "../engine/distributions/Exponential.js";
import { LatencyHistogram } from "../metrics/LatencyHistogram.js";
import type { Backoff } from "../policies/backoff/Backoff.js";
import type { Budget } from "../policies/budget/Budget.js";
import { Cause, Outcome } from "../policies/Outcome.js";
import { STOP } from "../policies/retry/RetryPolicy.js";
import type { FleetSpec } from "../scenario/Scenario.js";
import { DROPPED } from "./DeviceGroup.js";
import type { FleetPolicies } from "./FleetPolicies.js";
import { OWNER_FLEET } from "./RequestPool.js";
import type { World } from "./World.js";

const DOWN = 0;
const CONNECTING = 1;
const UP = 2;

/**
 * A fleet of clients calling one service, open or closed loop, with per-attempt timeouts, a retry policy, an optional
 * budget and, when `connection.persistent`, explicit connections that must be set up through the device group on the
 * route before requests flow. Connections are torn down on request timeouts and endpoint changes, and set up again
 * after the reconnect backoff: with no backoff, a congested device group sees every failing client retry its setup
 * once per setup timeout, which is what sustains a storm.
 */
export class FleetRuntime {
  readonly index: number;
  readonly name: string;
  readonly spec: FleetSpec;
  readonly clients: number;
  readonly service: number;
  readonly persistent: boolean;
  /** Link crossed to reach the service, or -1 (same network). Operators may reroute. */
  link: number;
  /** Clients [0, blocked) have their traffic dropped at the device ingress (operator block). */
  blocked = 0;
  /** Clients [0, fixed) run the deployed fix's policies. */
  fixed = 0;
  /** Ingress rate limit on this fleet's traffic (per second), Infinity for none. */
  rateLimit = Number.POSITIVE_INFINITY;
  /** Multiplier of the configured load (automation `load`): open rate x factor, closed think / factor. */
  loadFactor = 1;
  private tokens = 0;
  private tokensAt = 0;

  private readonly w: World;
  private readonly rng: Rng;
  readonly policies: FleetPolicies;
  private readonly think: Distribution | undefined;
  private readonly arrivals: Exponential | undefined;
  private readonly timeoutLane: number;
  private readonly setupLane: number;
  private readonly setupTimeout: number;
  /** Retrial options (undefined: the default fixed timeout, the policy's backoff, always persistent). */
  private readonly timeoutDist: Distribution | undefined;
  private readonly retryDelayDist: Distribution | undefined;
  private readonly retrialRng: Rng;
  private readonly persistError: readonly number[] | undefined;
  private readonly persistTimeout: readonly number[] | undefined;
  /** Requests waiting out a retry delay (the orbit of a retrial queue). */
  retryWaiting = 0;

  private readonly connState: Int8Array;
  private readonly connDevice: Int32Array;
  private readonly connFailures: Int32Array;
  private readonly prevReconnect: Float64Array;
  private readonly waitHead: Int32Array;
  private readonly budgets: (Budget | undefined)[];

  // Interval counters (read and reset by the recorder) and run totals.
  firstAttempts = 0;
  attempts = 0;
  setupAttempts = 0;
  successes = 0;
  timeouts = 0;
  errors = 0;
  rejected = 0;
  readonly latency = new LatencyHistogram();
  readonly latencyAll = new LatencyHistogram();
  readonly totals = {
    firstAttempts: 0,
    attempts: 0,
    setupAttempts: 0,
    successes: 0,
    timeouts: 0,
    errors: 0,
    rejected: 0,
  };

  constructor(w: World, index: number, name: string, spec: FleetSpec, policies: FleetPolicies) {
    this.w = w;
    this.index = index;
    this.name = name;
    this.spec = spec;
    this.clients = spec.clients;
    this.service = w.serviceIndex(spec.target);
    this.link = w.routeLink(spec.network, w.services[this.service]!.spec.network, spec.via, `fleets.${name}`);
    this.persistent = spec.connection?.persistent === true;
    this.rng = w.sim.rng(`fleet/${name}`);
    this.policies = policies;
    this.timeoutLane = w.sim.lane(spec.timeout);
    this.setupTimeout = spec.connection?.setupTimeout ?? spec.timeout;
    this.setupLane = w.sim.lane(this.setupTimeout);
    this.timeoutDist = spec.timeoutDistribution ? w.distribution(spec.timeoutDistribution) : undefined;
    this.retryDelayDist = spec.retryDelay ? w.distribution(spec.retryDelay) : undefined;
    this.retrialRng = w.sim.rng(`fleet/${name}/retrial`);
    this.persistError = spec.persistence?.error;
    this.persistTimeout = spec.persistence?.timeout;
    const n = this.clients;
    this.connState = new Int8Array(n);
    this.connDevice = new Int32Array(n);
    this.connFailures = new Int32Array(n);
    this.prevReconnect = new Float64Array(n).fill(-1);
    this.waitHead = new Int32Array(n).fill(-1);
    this.budgets = policies.budgetFor ? Array.from({ length: n }, (_, c) => policies.budgetFor!(c)) : [];
    if (spec.load.type === "open") {
      this.arrivals = new Exponential(1 / (spec.load.rate * n));
      this.think = undefined;
    } else {
      this.arrivals = undefined;
      this.think = w.distribution(spec.load.think);
    }
  }

  /** Starts the load: establishes persistent connections (already up at time 0) and the first requests. */
  start(): void {
    if (this.persistent) {
      for (let c = 0; c < this.clients; c++) {
        this.connState[c] = UP;
        this.connDevice[c] = this.link >= 0 ? this.w.links[this.link]!.pickDevice() : 0;
      }
    }
    if (this.arrivals) this.w.sim.after(this.arrivals.sample(this.rng), this.w.kinds.arrival, this.index, 0);
    else
      for (let c = 0; c < this.clients; c++)
        this.w.sim.after(this.think!.sample(this.rng), this.w.kinds.think, this.index, c);
  }

  /** Open loop: the next Poisson arrival, to a uniformly chosen client. */
  onArrival(): void {
    const c = Math.floor(this.rng.next() * this.clients);
    this.w.sim.after(this.arrivals!.sample(this.rng) / this.loadFactor, this.w.kinds.arrival, this.index, 0);
    this.newRequest(c);
  }

  /** Closed loop: client `c` finished thinking. */
  newRequest(c: number): void {
    this.firstAttempts++;
    const r = this.w.requests.alloc(OWNER_FLEET, this.index, c, this.w.sim.now());
    this.startAttempt(r, Cause.FIRST);
  }

  /** Starts attempt number attempts[r] + 1 of request r; `cause` is FIRST or the outcome that caused this retry. */
  startAttempt(r: number, cause: number): void {
    const w = this.w;
    const req = w.requests;
    const c = req.client[r]!;
    req.attempts[r] = req.attempts[r]! + 1;
    this.attempts++;
    const budget = this.budgets.length > 0 ? this.budgets[c] : undefined;
    if (budget !== undefined && !budget.tryAcquire(cause)) {
      this.rejected++;
      this.finish(r);
      return;
    }
    req.cause[r] = cause;
    req.attemptStart[r] = w.sim.now();
    req.timer[r] =
      this.timeoutDist === undefined
        ? w.sim.inLane(this.timeoutLane, w.kinds.requestTimeout, r, 0)
        : w.sim.after(this.timeoutDist.sample(this.retrialRng), w.kinds.requestTimeout, r, 0);
    if (this.persistent && this.link >= 0 && this.connState[c] !== UP) {
      req.nextWaiting[r] = this.waitHead[c]!;
      req.waiting[r] = 1;
      this.waitHead[c] = r;
      if (this.connState[c] === DOWN) this.startSetup(c);
      return;
    }
    this.send(r, c);
  }

  private send(r: number, c: number): void {
    const w = this.w;
    const req = w.requests;
    const now = w.sim.now();
    const deadline = req.attemptStart[r]! + this.spec.timeout;
    const a = w.attempts.alloc(r, this.service, now, deadline);
    req.current[r] = a;
    const device = this.persistent ? this.connDevice[c]! : -1;
    w.transmit(a, this.link, device, this.admitted(c, now));
  }

  /** Operator policing at the device ingress: blocked clients and rate limits drop traffic before the device. */
  private admitted(c: number, now: number): boolean {
    if (c < this.blocked) return false;
    if (this.rateLimit === Number.POSITIVE_INFINITY) return true;
    this.tokens = Math.min(this.rateLimit, this.tokens + (now - this.tokensAt) * this.rateLimit);
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** The attempt's timeout fired. */
  onTimeout(r: number): void {
    const w = this.w;
    const req = w.requests;
    const c = req.client[r]!;
    this.timeouts++;
    req.timer[r] = -1;
    const a = req.current[r]!;
    if (a >= 0) {
      req.current[r] = -1;
      w.services[this.service]!.abandon(a);
      w.attempts.callerRelease(a);
      w.services[this.service]!.outcome(false);
    } else if (req.waiting[r] === 1) {
      this.unlinkWaiting(c, r);
    }
    if (this.persistent && this.connState[c] === UP) this.teardown(c);
    this.budgetFailure(r, c, Outcome.TIMEOUT);
    this.retryOrFinish(r, Outcome.TIMEOUT);
  }

  /** An answer (success or error) arrived for attempt `a`. */
  onResponse(a: number): void {
    const w = this.w;
    const at = w.attempts;
    const r = at.request[a]!;
    if (at.callerDone[a] === 1) {
      at.netRelease(a);
      return;
    }
    const req = w.requests;
    const c = req.client[r]!;
    w.sim.cancel(req.timer[r]!);
    req.timer[r] = -1;
    req.current[r] = -1;
    const failed = at.failed[a] === 1;
    at.callerRelease(a);
    at.netRelease(a);
    w.services[this.service]!.outcome(!failed);
    if (failed) {
      this.errors++;
      this.budgetFailure(r, c, Outcome.FAILURE);
      this.retryOrFinish(r, Outcome.FAILURE);
      return;
    }
    this.successes++;
    const budget = this.budgets.length > 0 ? this.budgets[c] : undefined;
    if (budget !== undefined) budget.onSuccess(req.cause[r]!);
    const latency = w.sim.now() - req.first[r]!;
    this.latency.record(latency);
    this.latencyAll.record(latency);
    this.finish(r);
  }

  private budgetFailure(r: number, c: number, outcome: number): void {
    const budget = this.budgets.length > 0 ? this.budgets[c] : undefined;
    if (budget !== undefined) budget.onFailure(outcome, this.w.requests.cause[r]!);
  }

  private retryOrFinish(r: number, outcome: number): void {
    const req = this.w.requests;
    const c = req.client[r]!;
    const policy =
      c < this.fixed && this.policies.fixedRetry ? this.policies.fixedRetry : this.policies.retry;
    let delay = policy.next(req.attempts[r]!, outcome, req.first[r]!, req.prevDelay[r]!);
    if (delay !== STOP && (this.persistError !== undefined || this.retryDelayDist !== undefined))
      delay = this.retrial(req.attempts[r]!, outcome, delay);
    if (delay === STOP) {
      this.finish(r);
      return;
    }
    req.prevDelay[r] = delay;
    if (delay === 0) this.startAttempt(r, outcome);
    else {
      this.retryWaiting++;
      this.w.sim.after(delay, this.w.kinds.retry, r, outcome);
    }
  }

  /** Retrial options: persistence (retry with a probability) and a random retry delay. */
  private retrial(attempt: number, outcome: number, delay: number): number {
    const p = outcome === Outcome.TIMEOUT ? this.persistTimeout : this.persistError;
    if (p !== undefined) {
      const q = p[Math.min(attempt, p.length) - 1]!;
      if (q < 1 && this.retrialRng.next() >= q) return STOP;
    }
    return this.retryDelayDist === undefined ? delay : this.retryDelayDist.sample(this.retrialRng);
  }

  /** A retry's delay elapsed (the retry event of a fleet request). */
  onRetry(r: number, cause: number): void {
    this.retryWaiting--;
    this.startAttempt(r, cause);
  }

  /** The request is over (success, give-up or rejection): closed-loop clients think, then send the next one. */
  private finish(r: number): void {
    const c = this.w.requests.client[r]!;
    this.w.requests.release(r);
    if (this.think !== undefined)
      this.w.sim.after(this.think.sample(this.rng) / this.loadFactor, this.w.kinds.think, this.index, c);
  }

  private unlinkWaiting(c: number, r: number): void {
    const req = this.w.requests;
    req.waiting[r] = 0;
    let prev = -1;
    for (let x = this.waitHead[c]!; x >= 0; x = req.nextWaiting[x]!) {
      if (x === r) {
        if (prev < 0) this.waitHead[c] = req.nextWaiting[x]!;
        else req.nextWaiting[prev] = req.nextWaiting[x]!;
        return;
      }
      prev = x;
    }
  }

  /** Starts a connection setup for client c through the device group on the route. */
  startSetup(c: number): void {
    const w = this.w;
    const now = w.sim.now();
    this.connState[c] = CONNECTING;
    this.setupAttempts++;
    const dev = w.links[this.link]!;
    const device = dev.pickDevice();
    this.connDevice[c] = device;
    const deadline = now + this.setupTimeout;
    const rtt = dev.latencyDistributed ? dev.crossing() + dev.crossing() : 2 * dev.crossing();
    const done = this.admitted(c, now) ? dev.enqueue(device, now, true, deadline, rtt) : DROPPED;
    if (done !== DROPPED && done + rtt <= deadline)
      w.sim.at(done + rtt, w.kinds.setupResult, this.index, c * 2 + 1);
    else w.sim.inLane(this.setupLane, w.kinds.setupResult, this.index, c * 2);
  }

  /**
   * A setup attempt ended (payload = client * 2 + success). A client has at most one setup or reconnect pending at a
   * time (teardown only happens to a connection that is up), so results are never stale.
   */
  onSetupResult(payload: number): void {
    const c = payload >> 1;
    const ok = (payload & 1) === 1;
    if (this.connState[c] !== CONNECTING) return;
    if (ok) {
      this.connState[c] = UP;
      this.connFailures[c] = 0;
      this.prevReconnect[c] = -1;
      const req = this.w.requests;
      let r = this.waitHead[c]!;
      this.waitHead[c] = -1;
      while (r >= 0) {
        const next = req.nextWaiting[r]!;
        req.waiting[r] = 0;
        this.send(r, c);
        r = next;
      }
      return;
    }
    const failures = this.connFailures[c]! + 1;
    this.connFailures[c] = failures;
    this.scheduleReconnect(c, failures - 1);
  }

  private scheduleReconnect(c: number, n: number): void {
    const backoff: Backoff =
      c < this.fixed && this.policies.fixedReconnect ? this.policies.fixedReconnect : this.policies.reconnect;
    const delay = backoff.delay(n, this.prevReconnect[c]!, this.rng);
    this.prevReconnect[c] = delay;
    this.connState[c] = CONNECTING;
    // No backoff at all (the 2021 defect): set up again at once, without an event.
    if (delay === 0) this.startSetup(c);
    else this.w.sim.after(delay, this.w.kinds.reconnect, this.index, c);
  }

  /** The reconnect backoff of client c elapsed. */
  onReconnect(c: number): void {
    if (this.connState[c] === CONNECTING) this.startSetup(c);
  }

  /** Tears down client c's connection (timeout, error, endpoint change) and reconnects after the backoff. */
  teardown(c: number): void {
    if (!this.persistent || this.link < 0) return;
    this.connState[c] = CONNECTING;
    this.connFailures[c] = 0;
    this.prevReconnect[c] = -1;
    this.scheduleReconnect(c, 0);
  }

  /** Endpoint change of the target service: the connections of `fraction` of the clients are torn down at once. */
  teardownAll(fraction = 1): void {
    const n = Math.round(fraction * this.clients);
    for (let c = 0; c < n; c++) if (this.connState[c] === UP) this.teardown(c);
  }

  /** Clients without a working connection. */
  disconnected(): number {
    if (!this.persistent || this.link < 0) return 0;
    let n = 0;
    for (let c = 0; c < this.clients; c++) if (this.connState[c] !== UP) n++;
    return n;
  }

  /** Clients without a working connection whose setups reach the devices (not blocked): the storm factor's demand. */
  disconnectedAdmitted(): number {
    if (!this.persistent || this.link < 0) return 0;
    let n = 0;
    for (let c = this.blocked; c < this.clients; c++) if (this.connState[c] !== UP) n++;
    return n;
  }

  get setupTimeoutSeconds(): number {
    return this.setupTimeout;
  }

  /** Moves interval counters into totals and resets them. */
  resetInterval(): void {
    const t = this.totals;
    t.firstAttempts += this.firstAttempts;
    t.attempts += this.attempts;
    t.setupAttempts += this.setupAttempts;
    t.successes += this.successes;
    t.timeouts += this.timeouts;
    t.errors += this.errors;
    t.rejected += this.rejected;
    this.firstAttempts = 0;
    this.attempts = 0;
    this.setupAttempts = 0;
    this.successes = 0;
    this.timeouts = 0;
    this.errors = 0;
    this.rejected = 0;
    this.latency.reset();
  }
}
