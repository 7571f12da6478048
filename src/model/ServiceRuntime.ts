import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import { NONE, type RequestQueue } from "../policies/queue/RequestQueue.js";
import type { ServiceSpec } from "../spec/ServiceSpec.js";
import { AbandonTracker, AT_QUEUED, AT_SERVING } from "./AbandonTracker.js";
import { ANSWER_ERROR, ANSWER_OK, ANSWER_THROTTLED } from "./AttemptPool.js";
import { CACHE_HIT, CACHE_WAIT, CacheRuntime } from "./CacheRuntime.js";
import { Contention } from "./Contention.js";
import type { DependencyCall } from "./DependencyCall.js";
import { Handshakes } from "./Handshakes.js";
import type { LeaseHolder } from "./LeaseHolder.js";
import { ProcessorSharing } from "./ProcessorSharing.js";
import type { World } from "./World.js";

/**
 * A service: `servers` parallel servers, a queue discipline with a bound, a service-time distribution, optional
 * degradation (service time grows with the queue, and after a restart), and dependency calls made while a server is
 * held. By default a server works on a request even when its caller already gave up (`cancelAbandoned: false`),
 * which is how abandoned work keeps burning capacity in a storm.
 */
export class ServiceRuntime {
  readonly index: number;
  readonly name: string;
  readonly spec: ServiceSpec;
  servers: number;
  busy = 0;
  deps: DependencyCall[] = [];
  private readonly w: World;
  /** Service times (`service/<name>/serviceTime`) and fault errors (`service/<name>/errors`). */
  private readonly timeRng: Rng;
  private readonly errorRng: Rng;
  private readonly serviceTime: Distribution;
  private readonly queue: RequestQueue;
  /** The queue orders by request criticality (a `criticality` discipline): enqueue passes each attempt's. */
  private readonly byCriticality: boolean;
  /** Set when abandoned work is cancelled at the caller's timeout (`cancelAt: timeout`). */
  private readonly tracker: AbandonTracker | undefined;
  /** Look-aside cache in front of dependency `cacheDep` (index in `deps`, resolved at first use). */
  readonly cache: CacheRuntime | undefined;
  private cacheDep = -2;
  /** Time to answer an error (`errorTime`), or undefined: fail fast. */
  private readonly errorTime: Distribution | undefined;
  private readonly errorTimeRng: Rng | undefined;
  /** Processor sharing of the servers as cores (`processorSharing`), or undefined: FIFO servers. */
  private readonly ps: ProcessorSharing | undefined;
  /** The pending processor-sharing completion event, or -1. */
  private psHandle = -1;
  /** Connection handshakes (`connectionCost`) and their cost draws (`service/<name>/connectionCost`), or undefined. */
  private readonly handshakes: Handshakes | undefined;
  private readonly connCost: Distribution | undefined;
  private readonly connCostRng: Rng | undefined;
  /** Optimistic concurrency control on keys (`contention`), or undefined. */
  readonly contention: Contention | undefined;
  /** Units left in the finite stock (`stock`), or undefined: unlimited. */
  stockLeft: number | undefined;
  /** Requests answered with an error because the stock was empty, over the run. */
  totalStockOuts = 0;
  /** Connections accepted (handshakes started) in this interval and over the run. */
  accepted = 0;
  totalAccepted = 0;
  /** Requests admitted to work at once: `servers`, or with processor sharing its concurrency cap (Infinity: none). */
  private slots: number;

  // Faults and automation.
  errorRate = 0;
  addedLatency = 0;
  capacityFactor = 1;
  partitioned = false;
  /**
   * The service's endpoint resolves to nothing (a fault's `unresolvable`): callers' new connection set-ups fail at
   * once, non-persistent calls fail before they are sent; connections already up are not affected.
   */
  unresolvable = false;
  /** The leases this service holds (`leases`): their re-establishment jobs take its servers before requests. */
  leases: LeaseHolder | undefined;
  downUntil = -1;
  coldSince = Number.NEGATIVE_INFINITY;
  /** Per-cell down flags of a service with `cells` (set by the RestartSupervisor); undefined with one cell. */
  cellDown: Uint8Array | undefined;
  /** Number of cells down. */
  downCells = 0;

  // Interval counters and totals.
  requests = 0;
  successes = 0;
  failures = 0;
  /** Outcomes seen by callers (answers and timeouts) in this interval: the basis of outage windows. */
  callerOk = 0;
  callerFail = 0;
  busyTime = 0;
  wastedTime = 0;
  readonly totals = { requests: 0, successes: 0, failures: 0, busyTime: 0, wastedTime: 0 };

  constructor(w: World, index: number, name: string, spec: ServiceSpec, queue: RequestQueue) {
    this.w = w;
    this.index = index;
    this.name = name;
    this.spec = spec;
    this.servers = spec.servers;
    this.timeRng = w.sim.rng(`service/${name}/serviceTime`);
    this.errorRng = w.sim.rng(`service/${name}/errors`);
    this.serviceTime = w.distribution(spec.serviceTime);
    this.queue = queue;
    this.byCriticality = queue.type === "criticality";
    this.tracker = spec.cancelAbandoned && spec.cancelAt === "timeout" ? new AbandonTracker() : undefined;
    this.cache = spec.cache ? new CacheRuntime(spec.cache, w.sim.rng(`cache/${name}/keys`)) : undefined;
    this.errorTime = spec.errorTime ? w.distribution(spec.errorTime) : undefined;
    this.errorTimeRng = spec.errorTime ? w.sim.rng(`service/${name}/errorTime`) : undefined;
    this.handshakes = spec.connectionCost ? new Handshakes() : undefined;
    this.connCost = spec.connectionCost ? w.distribution(spec.connectionCost) : undefined;
    this.connCostRng = spec.connectionCost ? w.sim.rng(`service/${name}/connectionCost`) : undefined;
    const ps = spec.processorSharing;
    this.ps = ps ? new ProcessorSharing(spec.servers) : undefined;
    const occ = spec.contention;
    this.contention = occ
      ? new Contention(occ.keys, occ.conflictWindow, w.sim.rng(`service/${name}/contention`))
      : undefined;
    this.slots = ps ? (ps.concurrency ?? Number.POSITIVE_INFINITY) : spec.servers;
    this.stockLeft = spec.stock?.units;
  }

  get queueLength(): number {
    return this.queue.size;
  }

  /**
   * A fleet's connection setup reached the service (`connectionCost`): its handshake takes a server now, or waits in
   * the accept backlog (before queued requests; at most `queueLimit` wait, more are dropped, as when the service is
   * down or partitioned: the client's setup then times out).
   */
  acceptConnection(fleet: number, tag: number, deadline: number): void {
    const hs = this.handshakes!;
    const now = this.w.sim.now();
    if (this.partitioned || now < this.downUntil || this.downCells > 0) return;
    const s = hs.alloc(fleet, tag, deadline);
    if (this.busy < this.servers) this.startHandshake(s, now);
    else if (hs.size < this.spec.queueLimit) hs.push(s);
    else hs.release(s);
  }

  private startHandshake(s: number, now: number): void {
    this.busy++;
    this.accepted++;
    this.handshakes!.start[s] = now;
    const work = this.connCost!.sample(this.connCostRng!) * this.factor(now);
    this.w.sim.postAfter(Math.max(0, work), this.w.kinds.handshakeDone, this.index, s);
  }

  /** A server finished handshake slot `s`: the fleet's client gets its answer (if it still waits), the server is free. */
  onHandshakeDone(s: number): void {
    const w = this.w;
    const hs = this.handshakes!;
    const now = w.sim.now();
    const held = now - hs.start[s]!;
    this.busyTime += held;
    this.busy--;
    if (now >= hs.deadline[s]!) this.wastedTime += held;
    else w.fleets[hs.fleet[s]!]!.onHandshakeDone(hs.tag[s]!, hs.deadline[s]!);
    hs.release(s);
    this.next();
  }

  /**
   * A caller looks the service's endpoint up before it sets up a connection (a call without a persistent connection,
   * or a persistent connection's set-up): false while the endpoint resolves to nothing (a DNS fault), and then the
   * failure counts against the service as a failed call its caller saw (`outcome(false)`).
   */
  resolves(): boolean {
    if (!this.unresolvable) return true;
    this.callerFail++;
    return false;
  }

  /** A caller saw an outcome of a call to this service (answer or timeout). */
  outcome(ok: boolean): void {
    if (ok) this.callerOk++;
    else this.callerFail++;
  }

  /** Attempt `a` arrived at the service. */
  onArrive(a: number): void {
    const now = this.w.sim.now();
    this.requests++;
    if (this.partitioned || (this.tracker !== undefined && this.w.attempts.callerDone[a] === 1)) {
      this.w.attempts.netRelease(a);
      return;
    }
    if (
      now < this.downUntil ||
      (this.downCells > 0 && this.inDownCell(a)) ||
      (this.errorRate > 0 && this.errorRng.next() < this.errorRate)
    ) {
      this.respond(a, ANSWER_ERROR);
      return;
    }
    if (this.stockLeft === 0) {
      // The stock is empty: "insufficient capacity" at once, without taking a server or a queue place.
      this.totalStockOuts++;
      this.respond(a, ANSWER_ERROR);
      return;
    }
    if (this.busy < this.slots) {
      this.startWork(a);
      return;
    }
    // The discipline enforces the bound: what it sheds (the newcomer, or an evicted older request) gets an error.
    const shed = this.byCriticality
      ? this.queue.enqueue(a, now, this.w.criticalityOf(a))
      : this.queue.enqueue(a, now);
    if (this.tracker !== undefined) {
      if (shed !== a) this.tracker.queued(a);
      if (shed !== NONE) this.tracker.clear(shed);
    }
    if (shed !== NONE) this.respond(shed, ANSWER_THROTTLED);
  }

  /**
   * Is attempt `a`'s key in a cell that is down? The key is a hash of its request (slot and first-attempt time), so
   * every retry of a request goes to the same cell.
   */
  private inDownCell(a: number): boolean {
    const cells = this.cellDown!;
    if (this.downCells >= cells.length) return true;
    const r = this.w.attempts.request[a]!;
    const h = Math.imul((r + 1) ^ Math.floor(this.w.requests.first[r]! * 1000), 0x9e3779b1);
    return cells[((h ^ (h >>> 15)) >>> 0) % cells.length] === 1;
  }

  private startWork(a: number): void {
    const at = this.w.attempts;
    this.busy++;
    at.workStart[a] = this.w.sim.now();
    if (this.deps.length > 0) this.startDependency(a, 0);
    else this.scheduleLocal(a);
  }

  /**
   * Takes the next requests from the queue while servers are free. Requests the discipline drops (CoDel, max wait)
   * get an error; abandoned work is dropped without an answer when `cancelAbandoned`.
   */
  private next(): void {
    const w = this.w;
    const q = this.queue;
    const now = w.sim.now();
    const hs = this.handshakes;
    if (hs !== undefined)
      while (this.busy < this.servers && hs.size > 0) {
        const s = hs.shift();
        if (this.spec.cancelAbandoned && now >= hs.deadline[s]!) hs.release(s);
        else this.startHandshake(s, now);
      }
    const lh = this.leases;
    if (lh !== undefined) while (this.busy < this.servers && lh.backlog > 0) lh.startNext(now);
    while (this.busy < this.slots && q.size > 0) {
      const a = q.dequeue(now);
      if (a === NONE) break;
      this.tracker?.clear(a);
      if (q.dropped) this.respond(a, ANSWER_THROTTLED);
      else if (this.spec.cancelAbandoned && w.attempts.callerDone[a] === 1) w.attempts.netRelease(a);
      else this.startWork(a);
    }
  }

  /**
   * Cold-start multiplier of service time at `now` (seconds): `degradation.coldFactor` when the service comes back
   * from a restart, falling linearly to 1 over `degradation.warmup`; 1 when warm or without `degradation`.
   */
  coldFactor(now: number): number {
    const deg = this.spec.degradation;
    if (deg === undefined) return 1;
    const since = now - this.coldSince;
    return since < deg.warmup ? deg.coldFactor + (1 - deg.coldFactor) * (since / deg.warmup) : 1;
  }

  private factor(now: number): number {
    let f = 1 / this.capacityFactor;
    const deg = this.spec.degradation;
    if (deg !== undefined) {
      const q = 1 + deg.perQueued * this.queue.size;
      f *= Math.min(q, deg.maxFactor);
      f *= this.coldFactor(now);
    }
    return f;
  }

  private scheduleLocal(a: number): void {
    const now = this.w.sim.now();
    const ps = this.ps;
    if (ps !== undefined) {
      ps.add(a, this.serviceTime.sample(this.timeRng) * this.factor(now), now);
      this.reschedulePs(now);
      return;
    }
    const h = this.w.sim.after(
      this.serviceTime.sample(this.timeRng) * this.factor(now),
      this.w.kinds.serviceDone,
      this.index,
      a,
    );
    if (this.tracker !== undefined) this.tracker.serving(a, h);
  }

  /**
   * The caller of attempt `a` gave up (call before releasing it). With `cancelAt: timeout` the attempt leaves the
   * queue at once, or its server stops working on it (the time it held counts as wasted); otherwise nothing happens
   * here. Attempts in their dependency calls finish those first.
   */
  abandon(a: number): void {
    const t = this.tracker;
    if (t === undefined) return;
    const stage = t.stageOf(a);
    if (stage === AT_QUEUED) {
      t.clear(a);
      this.queue.remove(a);
      this.w.attempts.netRelease(a);
    } else if (stage === AT_SERVING) {
      t.clear(a);
      this.w.sim.cancel(t.handle[a]!);
      const held = this.w.sim.now() - this.w.attempts.workStart[a]!;
      this.busyTime += held;
      this.wastedTime += held;
      this.busy--;
      this.w.attempts.netRelease(a);
      this.next();
    }
  }

  /**
   * Processor sharing: moves the core-seconds delivered so far into `busyTime` (so an interval's busy time counts up
   * to the service's last event in it) and schedules the next completion, cancelling the previous one.
   */
  private reschedulePs(now: number): void {
    const ps = this.ps!;
    const sim = this.w.sim;
    if (this.psHandle >= 0) sim.cancel(this.psHandle);
    const dt = ps.next(now);
    this.busyTime += ps.takeCpu();
    this.psHandle = dt === Number.POSITIVE_INFINITY ? -1 : sim.after(dt, this.w.kinds.psDone, this.index, 0);
  }

  /** Processor sharing: the request with the least remaining work finished it (the ps-done event). */
  onPsDone(): void {
    const now = this.w.sim.now();
    const ps = this.ps!;
    this.psHandle = -1;
    const a = ps.pop(now);
    if (this.w.attempts.callerDone[a] === 1) this.wastedTime += ps.lastWork;
    this.onDone(a);
    this.reschedulePs(now);
  }

  /** The server finished attempt `a` (its local work, or its dependency calls failed). */
  onDone(a: number): void {
    const w = this.w;
    const at = w.attempts;
    this.tracker?.clear(a);
    if (this.ps === undefined) {
      // Processor sharing counts core-seconds instead (reschedulePs) and wasted work at completion (onPsDone).
      const held = w.sim.now() - at.workStart[a]!;
      this.busyTime += held;
      if (at.callerDone[a] === 1) this.wastedTime += held;
    }
    this.busy--;
    let answer = at.failed[a]!;
    // OCC: a finished request writes its key; a write too close after another one to the same key conflicts.
    if (this.contention !== undefined && answer === ANSWER_OK && !this.contention.write(w.sim.now()))
      answer = ANSWER_ERROR;
    // A finite stock: a success takes one unit; work that finishes after the last unit went is a stock-out.
    if (this.stockLeft !== undefined && answer === ANSWER_OK) {
      if (this.stockLeft > 0) this.stockLeft--;
      else {
        this.totalStockOuts++;
        answer = ANSWER_ERROR;
      }
    }
    this.respond(a, answer);
    this.next();
  }

  /**
   * Answers attempt `a` after its return trip and the fault's added latency; an error answer also waits a draw of
   * `errorTime` when the service has one (from its own stream `service/<name>/errorTime`; the server is not held).
   */
  private respond(a: number, answer: number): void {
    const w = this.w;
    w.attempts.failed[a] = answer;
    let delay = w.attempts.back[a]! + this.addedLatency;
    if (answer !== ANSWER_OK) {
      this.failures++;
      if (this.errorTime !== undefined) delay += Math.max(0, this.errorTime.sample(this.errorTimeRng!));
    } else this.successes++;
    w.sim.postAfter(delay, w.kinds.response, a, 0);
  }

  private startDependency(a: number, k: number): void {
    const w = this.w;
    if (this.cache !== undefined) {
      if (this.cacheDep === -2)
        this.cacheDep = this.deps.findIndex((d) => d.name === this.cache!.spec.dependency);
      if (k === this.cacheDep) {
        const r = this.cache.lookup(a, w.sim.now());
        if (r === CACHE_WAIT) return;
        if (r === CACHE_HIT) {
          this.afterDependency(a, k);
          return;
        }
      }
    }
    w.attempts.dep[a] = k;
    this.deps[k]!.begin(a);
  }

  /** Dependency call `r` (made for attempt `requests.client[r]`) is over: `ok` when it succeeded. */
  dependencyEnded(r: number, ok: boolean): void {
    const w = this.w;
    const req = w.requests;
    const a = req.client[r]!;
    const k = w.attempts.dep[a]!;
    req.release(r);
    w.attempts.depCall[a] = -1;
    const dep = this.deps[k]!;
    if (this.cache !== undefined && k === this.cacheDep) {
      // The fill (or its failure) also ends the wait of the requests coalesced on this key.
      for (let x = this.cache.done(a, ok, w.sim.now()); x >= 0; ) {
        const next = this.cache.nextWaiter(x);
        if (!ok && dep.hard) {
          w.attempts.failed[x] = ANSWER_ERROR;
          this.onDone(x);
        } else this.afterDependency(x, k);
        x = next;
      }
    }
    if (!ok && dep.hard) {
      w.attempts.failed[a] = ANSWER_ERROR;
      this.onDone(a);
      return;
    }
    this.afterDependency(a, k);
  }

  /** Attempt `a` is done with dependency k: the next dependency, or its local work. */
  private afterDependency(a: number, k: number): void {
    if (k + 1 < this.deps.length) this.startDependency(a, k + 1);
    else this.scheduleLocal(a);
  }

  /** Restart: the service answers errors for `duration` seconds, then runs cold (see degradation). */
  restart(duration: number): void {
    const now = this.w.sim.now();
    this.downUntil = now + duration;
    this.coldSince = now + duration;
  }

  /** Changes the number of servers; new servers take queued work at once. */
  /** Takes queued work while servers are free (after a lease job ended). */
  wake(): void {
    this.next();
  }

  setServers(n: number): void {
    this.servers = Math.max(0, Math.round(n));
    const ps = this.ps;
    if (ps !== undefined) {
      const now = this.w.sim.now();
      ps.setCores(this.servers, now);
      this.reschedulePs(now);
    } else this.slots = this.servers;
    this.next();
    // Dependency pools are sized per server: more servers, more connections for the calls waiting.
    for (const d of this.deps) if (d.pool !== undefined) d.site.poolGrew();
  }

  resetInterval(): void {
    const t = this.totals;
    t.requests += this.requests;
    t.successes += this.successes;
    t.failures += this.failures;
    t.busyTime += this.busyTime;
    t.wastedTime += this.wastedTime;
    this.totalAccepted += this.accepted;
    this.accepted = 0;
    for (const d of this.deps) if (d.pool !== undefined) d.pool.roll();
    if (this.contention !== undefined) this.contention.roll();
    this.requests = 0;
    this.successes = 0;
    this.failures = 0;
    this.callerOk = 0;
    this.callerFail = 0;
    this.busyTime = 0;
    this.wastedTime = 0;
    this.cache?.resetInterval();
  }
}
