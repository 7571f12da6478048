import type { ServiceSpec } from "../spec/ServiceSpec.js";
import { EntryDeque } from "./EntryDeque.js";
import type { FluidCaller } from "./FluidCaller.js";

/** A dependency of a service as the fluid model sees it: its call site and what its recent calls looked like. */
export interface FluidDependency {
  name: string;
  hard: boolean;
  caller: FluidCaller;
  /** Smoothed success probability of a call started now. */
  pOk: number;
  /** Smoothed duration of a call, seconds. */
  duration: number;
  /** Weight of one step's calls in the smoothed estimates: `1 - exp(-dt / timeout)` (time constant = the timeout). */
  weight: number;
}

/** Highest load at which the wait below capacity is evaluated (the formula diverges at 1). */
const MAX_RHO = 0.95;

/**
 * A service as a fluid multi-server FIFO queue: `servers x capacityFactor / (hold x degradation)` requests per
 * second, where `hold` is the mean service time plus the expected time held in dependency calls; a queue of at most
 * `queueLimit` requests (what does not fit is shed with an error answer). The queue is a FIFO of cohorts (caller,
 * attempt class, creation step), so an answer knows whether its caller is still waiting; work whose caller left is
 * done anyway and counted as wasted, unless `cancelAbandoned` (then it leaves when it reaches the head).
 */
export class FluidService {
  readonly name: string;
  readonly spec: ServiceSpec;
  readonly index: number;
  /** Mean service time, seconds. */
  readonly serviceTime: number;
  servers: number;
  capacityFactor = 1;
  errorRate = 0;
  partitioned = false;
  addedLatency = 0;
  readonly deps: FluidDependency[] = [];
  /** Arrivals in transit, one lane per route (0: same network). */
  readonly lanes: EntryDeque[] = [new EntryDeque()];
  readonly queue = new EntryDeque();
  /** Callers by id (set by the model). */
  callers: FluidCaller[] = [];
  busy = 0;
  // Interval counters.
  requests = 0;
  successes = 0;
  failures = 0;
  callerOk = 0;
  callerFail = 0;
  busyTime = 0;
  wastedTime = 0;
  readonly totals = { requests: 0, successes: 0, failures: 0, busyTime: 0, wastedTime: 0 };
  private capLeft = 0;
  private n = 0;
  /** The current step's length (seconds) and hold time x degradation / capacity factor (seconds). */
  private dt = 0;
  private effHold = 0;
  private started = 0;
  private pFail = 0;
  private hold = 0;

  /** Squared coefficient of variation of the service time (1 exponential, 0 constant). */
  readonly scv: number;
  /** Expected wait below capacity of the work served at once in the current step, seconds (see {@link step}). */
  wait = 0;

  /**
   * The spec's fields read every step, copied (specs of different services have different shapes, so a read through
   * `spec` is a polymorphic look-up).
   */
  private readonly degradation: ServiceSpec["degradation"];
  private readonly cancelAbandoned: boolean;
  private readonly queueLimit: number;

  constructor(name: string, index: number, spec: ServiceSpec, serviceTime: number, scv = 1) {
    this.name = name;
    this.scv = scv;
    this.index = index;
    this.spec = spec;
    this.serviceTime = serviceTime;
    this.servers = spec.servers;
    this.hold = serviceTime;
    this.degradation = spec.degradation;
    this.cancelAbandoned = spec.cancelAbandoned;
    this.queueLimit = spec.queueLimit;
  }

  /** Servers in service. */
  get working(): number {
    return Math.max(0, this.servers);
  }

  setServers(n: number): void {
    this.servers = Math.max(0, n);
  }

  /** Down (a restart action) until this time, seconds: every arrival gets an error. */
  downUntil = Number.NEGATIVE_INFINITY;
  /** Current time, seconds (set by the model each step). */
  now = 0;

  /** Expected time a server holds a request now (dependency calls, then the local work), seconds. */
  get meanHold(): number {
    return this.hold;
  }

  /** Requests waiting (not in service). */
  get queueLength(): number {
    return this.queue.total;
  }

  /** A route's lane for arrivals (index), created on first use. */
  laneFor(key: number): number {
    while (this.lanes.length <= key) this.lanes.push(new EntryDeque());
    return key;
  }

  /** Mass `m` of caller `site`'s class `c` created at step `j` arrives at time `t` (seconds). */
  arrive(lane: number, site: number, c: number, j: number, m: number, t: number): void {
    this.lanes[lane]!.push(site, c, j, m, t);
  }

  /**
   * Work started in each of the last model steps (a ring), when some caller steps every e > 1 model steps (its
   * arrivals come e steps' worth at once): busy servers are then the mean over the ring ({@link smoothOver}).
   */
  private startedRing = new Float64Array(1);
  private startedSum = 0;
  private ringStep = -1;
  private ringSlot = -1;

  /** Busy servers are averaged over `steps` model steps (the longest step of a caller of this service). */
  smoothOver(steps: number): void {
    if (steps > this.startedRing.length) this.startedRing = new Float64Array(steps);
  }

  /** True when nothing is queued or in transit to this service (its step then only refreshes its estimates). */
  get idle(): boolean {
    if (this.queue.size > 0) return false;
    for (const l of this.lanes) if (l.size > 0) return false;
    return true;
  }

  /**
   * Runs step `n` of `dt` seconds: serves the queue's head, then the arrivals due in this step. A service with
   * nothing queued or in transit skips the work (the result is the same: nothing is served, the wait and the busy
   * servers are 0).
   */
  step(n: number, dt: number): void {
    this.n = n;
    this.dt = dt;
    this.updateHold();
    const deg = this.degradation;
    let factor = 1 / this.capacityFactor;
    if (deg !== undefined) factor *= Math.min(1 + deg.perQueued * this.queue.total, deg.maxFactor);
    const working = this.working;
    const effHold = this.hold * factor;
    this.effHold = effHold;
    if (this.idle) {
      this.wait = 0;
      this.started = 0;
      this.updateBusy(n);
      return;
    }
    this.capLeft = working > 0 ? (working * dt) / (this.hold * factor) : 0;
    this.started = 0;
    const q = this.queue;
    while (q.size > 0 && this.capLeft > 1e-15) {
      const h = q.first;
      const site = this.callers[q.site[h]!]!;
      if (this.cancelAbandoned && !site.alive(q.step[h]!, n, effHold)) {
        q.takeHead(q.mass[h]!);
        continue;
      }
      const y = Math.min(q.mass[h]!, this.capLeft);
      this.capLeft -= y;
      this.serve(site, q.cls[h]!, q.step[h]!, y, false);
      q.takeHead(y);
    }
    if (this.cancelAbandoned)
      while (q.size > 0 && !this.callers[q.site[q.first]!]!.alive(q.step[q.first]!, n, effHold))
        q.takeHead(q.mass[q.first]!);
    const due = (n + 0.5) * dt;
    // The wait below capacity of an M/G/c queue (Allen-Cunneen with Sakasegawa's P(wait)): work offered at load
    // rho = arrivals x hold / capacity waits (1 + scv) / 2 x hold x rho^(sqrt(2(c + 1)) - 1) / (c (1 - rho)) on
    // average, rho capped at MAX_RHO; above capacity the fluid queue itself holds the work back.
    this.wait = 0;
    if (working > 0 && q.size === 0) {
      let arriving = 0;
      // A caller whose sends stand for e model steps (multi-rate step) sends e steps' worth at once: its mass counts
      // 1/e (a rate).
      for (const lane of this.lanes)
        for (let i = 0; i < lane.size; i++) {
          const h = lane.at(i);
          if (lane.time[h]! > due) break;
          arriving += lane.mass[h]! / this.callers[lane.site[h]!]!.spread;
        }
      const rho = Math.min(MAX_RHO, (arriving * effHold) / (working * dt));
      if (rho > 0) {
        const c = Math.max(1, working);
        this.wait = (((1 + this.scv) / 2) * effHold * this.waitPower(rho, c)) / (c * (1 - rho));
      }
    }
    for (const lane of this.lanes) {
      while (lane.size > 0 && lane.time[lane.first]! <= due) {
        this.admit(lane, lane.first);
        lane.takeHead(lane.mass[lane.first]!);
      }
    }
    this.updateBusy(n);
    if (q.size > 0) this.busy = working;
  }

  /** The last `rho ** (sqrt(2 (c + 1)) - 1)` computed, and its arguments (a steady load repeats them). */
  private powRho = Number.NaN;
  private powServers = Number.NaN;
  private powExponent = 0;
  private powValue = 0;

  /** `rho ** (sqrt(2 (c + 1)) - 1)`, Sakasegawa's probability-of-wait term, computed again only when an argument moved. */
  private waitPower(rho: number, c: number): number {
    if (c !== this.powServers) {
      this.powServers = c;
      this.powExponent = Math.sqrt(2 * (c + 1)) - 1;
      this.powRho = Number.NaN;
    }
    if (rho !== this.powRho) {
      this.powRho = rho;
      this.powValue = rho ** this.powExponent;
    }
    return this.powValue;
  }

  /**
   * Sets the busy servers below capacity: the work started per second in step `n` (over the ring) x the hold time.
   * (Results and the step's values go through fields: a double passed to or returned from a call that is not inlined
   * is boxed.)
   */
  private updateBusy(n: number): void {
    const started = this.started;
    const dt = this.dt;
    const effHold = this.effHold;
    const ring = this.startedRing;
    if (ring.length === 1) {
      this.busy = Math.min(this.working, (started / dt) * effHold);
      return;
    }
    // The slot n % length, from the last step's when n is the next one (every step, in order).
    const next = this.ringSlot + 1;
    const s = n === this.ringStep + 1 ? (next === ring.length ? 0 : next) : n % ring.length;
    this.ringStep = n;
    this.ringSlot = s;
    this.startedSum += started - ring[s]!;
    ring[s] = started;
    if (this.startedSum < 1e-12) this.startedSum = 0;
    this.busy = Math.min(this.working, (this.startedSum / (ring.length * dt)) * effHold);
  }

  /** Admits the entry at index `h` of `lane` (its cohort arrived). */
  private admit(lane: EntryDeque, h: number): void {
    const siteId = lane.site[h]!;
    const c = lane.cls[h]!;
    const j = lane.step[h]!;
    const m = lane.mass[h]!;
    this.requests += m;
    if (this.partitioned) return;
    const site = this.callers[siteId]!;
    let rest = m;
    if (this.errorRate > 0 || this.now < this.downUntil) {
      const e = this.now < this.downUntil ? m : m * this.errorRate;
      this.error(site, c, j, e);
      rest -= e;
    }
    if (rest <= 0) return;
    const q = this.queue;
    if (q.size === 0 && this.capLeft > 0) {
      const y = Math.min(rest, this.capLeft);
      this.capLeft -= y;
      this.serve(site, c, j, y, true);
      rest -= y;
    }
    if (rest <= 0) return;
    const room = Math.max(0, this.queueLimit - q.total);
    const w = Math.min(rest, room);
    q.push(siteId, c, j, w, 0);
    if (rest > w) this.error(site, c, j, rest - w);
  }

  private error(site: FluidCaller, c: number, j: number, m: number): void {
    if (!(m > 0)) return;
    this.failures += m;
    if (site.alive(j, this.n, this.addedLatency)) {
      site.answerMass = m;
      site.answerLag = this.addedLatency;
      site.answer(c, j, false, this.n);
    }
  }

  /**
   * Servers start mass `y` of work (after the step's wait below capacity when `waits`); answers leave the step's hold
   * time after that.
   */
  private serve(site: FluidCaller, c: number, j: number, y: number, waits: boolean): void {
    const hold = this.effHold;
    this.started += y;
    this.busyTime += y * hold;
    const lag = (waits ? this.wait : 0) + hold + this.addedLatency;
    const alive = site.alive(j, this.n, lag);
    if (!alive) this.wastedTime += y * hold;
    let reach = y;
    for (const d of this.deps) {
      d.caller.pendingFirst += reach;
      if (d.hard) reach *= d.pOk;
    }
    const ok = y * (1 - this.pFail);
    this.successes += ok;
    this.failures += y - ok;
    if (!alive) return;
    site.answerLag = lag;
    if (ok > 0) {
      site.answerMass = ok;
      site.answer(c, j, true, this.n);
    }
    if (y - ok > 0) {
      site.answerMass = y - ok;
      site.answer(c, j, false, this.n);
    }
  }

  /** Expected hold and failure share from the dependencies' recent calls (their counters of the last step). */
  private updateHold(): void {
    if (this.deps.length === 0) {
      this.hold = this.serviceTime;
      this.pFail = 0;
      return;
    }
    let reach = 1;
    let hold = 0;
    for (const d of this.deps) {
      hold += reach * d.duration;
      if (d.hard) reach *= d.pOk;
    }
    this.hold = hold + reach * this.serviceTime;
    this.pFail = 1 - reach;
  }

  /** Folds a dependency caller's resolutions in this step into its smoothed estimates (time constant `tau`). */
  static observe(
    d: FluidDependency,
    resolved: number,
    ok: number,
    durationSum: number,
    weight: number,
  ): void {
    if (!(resolved > 0)) return;
    d.pOk += weight * (ok / resolved - d.pOk);
    d.duration += weight * (durationSum / resolved - d.duration);
  }

  /** Number of values {@link readFlows} writes. */
  static readonly FLOWS = 7;

  /** Writes the interval counters (flows) at `o`; returns the next offset. */
  readFlows(out: Float64Array, o: number): number {
    out[o++] = this.requests;
    out[o++] = this.successes;
    out[o++] = this.failures;
    out[o++] = this.callerOk;
    out[o++] = this.callerFail;
    out[o++] = this.busyTime;
    out[o++] = this.wastedTime;
    return o;
  }

  /** Adds `times` x the flows in `d` at `o` to the counters; returns the next offset. */
  addFlows(d: Float64Array, o: number, times: number): number {
    this.requests += times * d[o++]!;
    this.successes += times * d[o++]!;
    this.failures += times * d[o++]!;
    this.callerOk += times * d[o++]!;
    this.callerFail += times * d[o++]!;
    this.busyTime += times * d[o++]!;
    this.wastedTime += times * d[o++]!;
    return o;
  }

  /** Number of values {@link readState} writes (changes only when a lane is added). */
  get stateCount(): number {
    return 11 + 2 * this.lanes.length + 2 * this.deps.length;
  }

  /** Writes the aggregate state (queue, lanes in transit, busy servers, hold, dependency estimates) at `o`. */
  readState(out: Float64Array, o: number): number {
    out[o++] = this.queue.total;
    out[o++] = this.queue.size;
    out[o++] = this.busy;
    out[o++] = this.hold;
    out[o++] = this.pFail;
    out[o++] = this.started;
    out[o++] = this.servers;
    out[o++] = this.capacityFactor;
    out[o++] = this.errorRate;
    out[o++] = this.wait;
    out[o++] = this.startedSum;
    for (const l of this.lanes) {
      out[o++] = l.total;
      out[o++] = l.size;
    }
    for (const d of this.deps) {
      out[o++] = d.pOk;
      out[o++] = d.duration;
    }
    return o;
  }

  resetInterval(): void {
    const t = this.totals;
    t.requests += this.requests;
    t.successes += this.successes;
    t.failures += this.failures;
    t.busyTime += this.busyTime;
    t.wastedTime += this.wastedTime;
    this.requests = 0;
    this.successes = 0;
    this.failures = 0;
    this.callerOk = 0;
    this.callerFail = 0;
    this.busyTime = 0;
    this.wastedTime = 0;
  }
}
