import type { Rng } from "../core/Rng.js";
import { StampedeError } from "../core/StampedeError.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import { Exponential } from "../engine/distributions/Exponential.js";
import { type Backoff, type BackoffConfig, makeBackoff } from "../policies/backoff/Backoff.js";
import type { BreakerConfig } from "../policies/breaker/BreakerConfig.js";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { type BudgetConfig, makeBudget } from "../policies/budget/makeBudget.js";
import { makeRetryPolicy, type RetryConfig } from "../policies/retry/RetryPolicy.js";
import { CRITICALITY_LEVELS, type FleetSpec } from "../spec/FleetSpec.js";
import { ArrivalProcess } from "./ArrivalProcess.js";
import { type CallOwner, CallSite } from "./CallSite.js";
import { ConnectionPool } from "./ConnectionPool.js";
import { DROPPED } from "./DeviceGroup.js";
import { permutationRanks } from "./permutationRanks.js";
import { SetupGate } from "./SetupGate.js";
import { type TeardownSpread, teardownDelay } from "./TeardownSpread.js";
import type { World } from "./World.js";

const DOWN = 0;
const CONNECTING = 1;
const UP = 2;
/** `connection.whileDisconnected`: what a request issued while its client's connection is down does. */
const WHILE_QUEUE = 0;
const WHILE_FAIL = 1;
const WHILE_WAIT = 2;
/**
 * Clients per connection epoch in an epoch-tagged event payload (`epoch * EPOCH_STRIDE + client`): a power of two, so
 * a tag decodes with an exact multiply and floor. Fleets hold at most this many clients; payloads stay exact integers
 * (below 2^53) for 2^26 reconnections of one client.
 */
const EPOCH_STRIDE = 2 ** 26;
const INV_EPOCH_STRIDE = 2 ** -26;

/**
 * A fleet of clients calling one service, open or closed loop. The client side of each call (timeouts, retries,
 * budget, breaker, outcome counters) is the fleet's CallSite; the fleet adds what only clients have: the load
 * (arrivals or think times) and, when `connection.persistent`, explicit connections that must be set up through the
 * device group on the route before requests flow. Connections are torn down on request timeouts, endpoint changes,
 * reroutes and the loss of their device, and set up again after the reconnect backoff: with no backoff, a congested
 * device group sees every failing client retry its setup once per setup timeout, which is what sustains a storm.
 *
 * Operators act on clients in the order of a per-fleet random permutation (`fleet/<name>/order`): `blocked` and
 * `fixed` count clients by rank, so "block 60%" and "fix 30%" pick the same random clients in every variant, and
 * never simply the lowest indexes that a partial trigger also picks.
 */
export class FleetRuntime implements CallOwner {
  readonly index: number;
  readonly name: string;
  readonly spec: FleetSpec;
  readonly clients: number;
  readonly service: number;
  /** The target service's runtime (its endpoint is looked up, `resolves()`, on each send without a connection). */
  private readonly target: World["services"][number];
  readonly persistent: boolean;
  /** The client side of this fleet's calls. */
  readonly site: CallSite;
  /** Link crossed to reach the service, or -1 (same network). Change it with `setLink`. */
  link: number;
  /** Clients with rank below `blocked` have their traffic dropped at the device ingress (operator block). */
  blocked = 0;
  /** Ingress rate limit on this fleet's traffic (per second), Infinity for none. */
  rateLimit = Number.POSITIVE_INFINITY;
  /** Multiplier of the configured load (automation `load`): open rate x factor, closed think / factor. */
  loadFactor = 1;
  /** Rank of each client in the fleet's operator order (a random permutation of 0..clients-1). */
  readonly rank: Int32Array;
  /** The inverse of `rank` (client of each rank), built when a deployed fix first needs it. */
  private byRank: Int32Array | undefined;
  private tokens = 0;
  private tokensAt = 0;

  private readonly w: World;
  private readonly arrivalRng: Rng;
  private readonly thinkRng: Rng;
  private readonly reconnectRng: Rng;
  private readonly pickRng: Rng;
  private readonly think: Distribution | undefined;
  private readonly arrivals: Exponential | undefined;
  /** A non-Poisson open-loop arrival process (`load.arrivals`), or undefined. */
  private readonly process: ArrivalProcess | undefined;
  /** Fixed work (`work.requests`): requests each client makes before it stops; 0: no limit. */
  private readonly workRequests: number;
  /** Per client: requests ended so far (with fixed work). */
  private readonly workDone: Int32Array | undefined;
  /** Clients that finished their work, and the sum and latest of their finish times (seconds). */
  finishedClients = 0;
  finishSum = 0;
  lastFinish = 0;
  private readonly setupLane: number;
  private readonly setupTimeout: number;
  private readonly reconnect: Backoff;
  private fixReconnect: Backoff | undefined;
  /**
   * The target service charges a handshake per connection (`connectionCost`): setups go through it after the device
   * group. Per client: the back crossing of its pending setup (seconds). Undefined without a connection cost.
   */
  private readonly setupBack: Float64Array | undefined;
  /** A set-up budget or a handshake: set-ups leave the plain path (`startSetupWithOptions`). */
  private readonly setupOptions: boolean;
  /** Per client: the deadline (setup timeout) of its pending setup, with a connection cost. */
  private readonly setupDeadline: Float64Array | undefined;
  /** WHILE_QUEUE (deadline running), WHILE_FAIL (fails at once) or WHILE_WAIT (deadline not running). */
  private readonly whileDown: number;
  /** The clients' connection pools (`pool`), or undefined. */
  readonly pool: ConnectionPool | undefined;
  /** The budget connection set-ups must acquire (`connection.budget`); undefined without one. */
  readonly setupGate: SetupGate | undefined;

  private readonly connState: Int8Array;
  private readonly connDevice: Int32Array;
  private readonly connFailures: Int32Array;
  /** Bumped whenever a client's connection state is reset (reroute, lost device): older setup events are stale. */
  private readonly connEpoch: Int32Array;
  private readonly prevReconnect: Float64Array;
  private readonly waitHead: Int32Array;
  /**
   * Per client, allocated on the first setup dropped by a group with `setupRetransmit`: the delay before its pending
   * setup's next retransmission and that setup's deadline (seconds).
   */
  private retransmitDelay: Float64Array | undefined;
  private retransmitDeadline: Float64Array | undefined;

  // Connection setups in this interval and over the run.
  setupAttempts = 0;
  totalSetupAttempts = 0;

  constructor(w: World, index: number, name: string, spec: FleetSpec) {
    this.w = w;
    this.index = index;
    this.name = name;
    this.spec = spec;
    this.clients = spec.clients;
    this.service = w.serviceIndex(spec.target);
    this.target = w.services[this.service]!;
    this.link = w.routeLink(spec.network, w.services[this.service]!.spec.network, spec.via, `fleets.${name}`);
    this.persistent = spec.connection?.persistent === true;
    const wd = spec.connection?.whileDisconnected;
    this.whileDown = wd === "fail" ? WHILE_FAIL : wd === "wait" ? WHILE_WAIT : WHILE_QUEUE;
    const sim = w.sim;
    const stream = (m: string) => sim.rng(`fleet/${name}/${m}`);
    this.arrivalRng = stream("arrivals");
    this.thinkRng = stream("think");
    this.reconnectRng = stream("reconnect");
    this.pickRng = sim.rng(`link/pick/fleet/${name}`);
    this.rank = permutationRanks(spec.clients, stream("order"));
    this.setupTimeout = spec.connection?.setupTimeout ?? spec.timeout;
    this.setupLane = sim.lane(this.setupTimeout);
    const path = `fleets.${name}`;
    this.reconnect = makeBackoff(
      (spec.connection?.reconnect ?? { type: "none" }) as BackoffConfig,
      `${path}.connection.reconnect`,
    );
    const budget = spec.budget as BudgetConfig | undefined;
    const breaker = spec.breaker as BreakerConfig | undefined;
    const budgetRng = stream("budget");
    const breakerRng = stream("breaker");
    const poolSize = spec.pool?.size;
    this.pool = poolSize === undefined ? undefined : new ConnectionPool(spec.clients, () => poolSize);
    this.site = new CallSite(w, this, {
      pool: this.pool,
      path,
      service: this.service,
      timeout: spec.timeout,
      timeoutDistribution: spec.timeoutDistribution ? w.distribution(spec.timeoutDistribution) : undefined,
      retry: makeRetryPolicy(spec.retry as RetryConfig, sim, stream("retry")),
      retryDelay: spec.retryDelay ? w.distribution(spec.retryDelay) : undefined,
      persistence: spec.persistence,
      callers: spec.clients,
      budgetFor: budget ? () => makeBudget(budget, sim, budgetRng, `${path}.budget`) : undefined,
      breakerFor: breaker ? () => makeBreaker(breaker, sim, breakerRng, `${path}.breaker`) : undefined,
      streams: { timeouts: stream("timeouts"), retrial: stream("retrial") },
      criticality: CRITICALITY_LEVELS[spec.criticality],
    });
    const n = this.clients;
    if (n > EPOCH_STRIDE)
      throw new StampedeError("E_MODEL", `a fleet holds at most ${EPOCH_STRIDE} clients, got ${n}`, { path });
    this.connState = new Int8Array(n);
    this.connDevice = new Int32Array(n);
    this.connFailures = new Int32Array(n);
    this.connEpoch = new Int32Array(n);
    this.prevReconnect = new Float64Array(n).fill(-1);
    this.waitHead = new Int32Array(n).fill(-1);
    this.setupBack =
      this.persistent && w.services[this.service]!.spec.connectionCost !== undefined
        ? new Float64Array(n)
        : undefined;
    this.setupDeadline = this.setupBack !== undefined ? new Float64Array(n) : undefined;
    const setupBudget = spec.connection?.budget as BudgetConfig | undefined;
    this.setupGate =
      this.persistent && setupBudget !== undefined
        ? new SetupGate(n, setupBudget, sim, stream("connection/budget"), `${path}.connection.budget`)
        : undefined;
    this.setupOptions = this.setupGate !== undefined || this.setupBack !== undefined;
    this.process = undefined;
    if (spec.load.type === "open") {
      this.arrivals = new Exponential(1 / (spec.load.rate * n));
      this.think = undefined;
      const a = spec.load.arrivals;
      if (a !== undefined && a !== "poisson")
        this.process = new ArrivalProcess(a, spec.load.rate, n, this.arrivalRng, stream("arrivals/state"));
    } else {
      this.arrivals = undefined;
      this.think = w.distribution(spec.load.think);
    }
    this.workRequests = spec.work?.requests ?? 0;
    this.workDone = this.workRequests > 0 ? new Int32Array(n) : undefined;
  }

  /** Clients whose rank is below this run the deployed fix's policies (a ramp moves it). */
  get fixed(): number {
    return this.site.fixed;
  }
  set fixed(n: number) {
    const from = this.site.fixed;
    this.site.fixed = n;
    if (this.fixReconnect !== undefined && n > from) this.freshBackoff(from, n);
  }

  /**
   * Clients of rank `from..to-1` just got the deployed fix: their reconnect backoff starts afresh under the fix's
   * policy (new client code does not inherit the old policy's count of failed set-ups; under a policy without a cap
   * that count grows without bound in a storm, and would put every fixed client at the new policy's cap). Their
   * connection itself is kept: a pending set-up or reconnect goes on.
   */
  private freshBackoff(from: number, to: number): void {
    let byRank = this.byRank;
    if (byRank === undefined) {
      byRank = new Int32Array(this.clients);
      for (let c = 0; c < this.clients; c++) byRank[this.rank[c]!] = c;
      this.byRank = byRank;
    }
    const end = Math.min(Math.ceil(to), this.clients);
    for (let k = Math.ceil(from); k < end; k++) {
      const c = byRank[k]!;
      this.connFailures[c] = 0;
      this.prevReconnect[c] = -1;
    }
  }

  /** Starts the load: establishes persistent connections (already up at time 0) and the first requests. */
  start(): void {
    if (this.persistent) {
      for (let c = 0; c < this.clients; c++) {
        this.connState[c] = UP;
        this.connDevice[c] = this.link >= 0 ? this.w.links[this.link]!.pickDevice(this.pickRng) : 0;
      }
    }
    const sim = this.w.sim;
    if (this.process !== undefined) {
      const t = this.process.first(this.loadFactor);
      if (t < Number.POSITIVE_INFINITY) sim.postAt(t, this.w.kinds.arrival, this.index, 0);
    } else if (this.arrivals)
      sim.postAfter(this.arrivals.sample(this.arrivalRng), this.w.kinds.arrival, this.index, 0);
    else
      for (let c = 0; c < this.clients; c++)
        sim.postAfter(this.think!.sample(this.thinkRng), this.w.kinds.think, this.index, c);
  }

  /** Open loop: the next Poisson arrival, to a uniformly chosen client. */
  onArrival(): void {
    const p = this.process;
    if (p !== undefined) {
      const c = p.client();
      const t = p.next(this.w.sim.now(), this.loadFactor);
      if (t < Number.POSITIVE_INFINITY) this.w.sim.postAt(t, this.w.kinds.arrival, this.index, 0);
      this.newRequest(c);
      return;
    }
    const rng = this.arrivalRng;
    const c = Math.floor(rng.next() * this.clients);
    this.w.sim.postAfter(this.arrivals!.sample(rng) / this.loadFactor, this.w.kinds.arrival, this.index, 0);
    this.newRequest(c);
  }

  /** Client `c` starts a request (closed loop: it finished thinking). */
  newRequest(c: number): void {
    this.site.begin(c);
  }

  /** CallOwner: the current attempt of `r` goes out once its client's connection is up. */
  send(r: number): void {
    const c = this.w.requests.client[r]!;
    if (this.persistent && this.link >= 0 && this.connState[c] !== UP) {
      if (this.whileDown === WHILE_FAIL) {
        if (this.connState[c] === DOWN) this.startSetup(c);
        this.site.failLocally(r);
        return;
      }
      if (this.whileDown === WHILE_WAIT) this.site.suspend(r);
      const req = this.w.requests;
      req.nextWaiting[r] = this.waitHead[c]!;
      req.waiting[r] = 1;
      this.waitHead[c] = r;
      if (this.connState[c] === DOWN) this.startSetup(c);
      return;
    }
    // Without a persistent connection every request sets one up: an endpoint that resolves to nothing fails it here.
    if (!this.persistent && !this.target.resolves()) {
      this.site.failLocally(r);
      return;
    }
    this.sendNow(r, c);
  }

  private sendNow(r: number, c: number): void {
    const link = this.link;
    const device =
      link < 0 ? -1 : this.persistent ? this.connDevice[c]! : this.w.links[link]!.pickDevice(this.pickRng);
    this.site.transmit(r, link, device, this.admitted(c, this.w.sim.now()));
  }

  /** Operator policing at the device ingress: blocked clients and rate limits drop traffic before the device. */
  private admitted(c: number, now: number): boolean {
    if (this.rank[c]! < this.blocked) return false;
    return this.rateLimit === Number.POSITIVE_INFINITY || this.takeToken(now);
  }

  /** The ingress rate limit's token bucket (`rateLimit` tokens a second, at most `rateLimit` banked): takes one. */
  private takeToken(now: number): boolean {
    this.tokens = Math.min(this.rateLimit, this.tokens + (now - this.tokensAt) * this.rateLimit);
    this.tokensAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** CallOwner: the attempt timed out; leave the connection's wait list, and tear a live connection down. */
  timedOut(r: number): void {
    const req = this.w.requests;
    const c = req.client[r]!;
    if (req.waiting[r] === 1) this.unlinkWaiting(c, r);
    if (this.persistent && this.connState[c] === UP) this.teardown(c);
  }

  /** CallOwner: the request is over; closed-loop clients think, then send the next one. */
  done(r: number, _ok: boolean): void {
    const c = this.w.requests.client[r]!;
    this.site.release(r);
    const done = this.workDone;
    if (done !== undefined) {
      const k = done[c]! + 1;
      done[c] = k;
      if (k >= this.workRequests) {
        // this client's work is done: it stops
        const now = this.w.sim.now();
        this.finishedClients++;
        this.finishSum += now;
        if (now > this.lastFinish) this.lastFinish = now;
        return;
      }
    }
    if (this.think !== undefined)
      this.w.sim.postAfter(
        this.think.sample(this.thinkRng) / this.loadFactor,
        this.w.kinds.think,
        this.index,
        c,
      );
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

  /**
   * Starts a connection setup for client c through the device group on the route. The plain path (no set-up budget,
   * no handshake, a name that resolves) is one flag test and `sendSetup`, kept small so that V8 inlines it, with the
   * event scheduling, into the set-up result and reconnect handlers; the options live in `startSetupWithOptions`.
   */
  private startSetup(c: number): void {
    this.connState[c] = CONNECTING;
    if (this.setupOptions || this.target.unresolvable) {
      this.startSetupWithOptions(c);
      return;
    }
    this.setupAttempts++;
    this.sendSetup(c);
  }

  /** A set-up with a budget, a handshake or an unresolvable name: each option is one test and its own method. */
  private startSetupWithOptions(c: number): void {
    if (this.setupGate !== undefined && !this.gateAdmits(c)) return;
    this.setupAttempts++;
    if (!this.target.resolves()) this.unresolvedSetup(c);
    else if (this.setupBack !== undefined) this.startHandshakeSetup(c);
    else this.sendSetup(c);
  }

  /** Sends client c's set-up through a device of the route's group; its result is an event of the set-up lane or earlier. */
  private sendSetup(c: number): void {
    const w = this.w;
    const dev = w.links[this.link]!;
    const device = dev.pickDevice(this.pickRng);
    this.connDevice[c] = device;
    const now = w.sim.now();
    const deadline = now + this.setupTimeout;
    const rtt = dev.roundTrip();
    const done = this.admitted(c, now) ? dev.enqueue(device, now, true, deadline, rtt) : DROPPED;
    const tag = (this.connEpoch[c]! * EPOCH_STRIDE + c) * 2;
    if (done !== DROPPED && done + rtt <= deadline)
      w.sim.postAt(done + rtt, w.kinds.setupResult, this.index, tag + 1);
    else {
      w.sim.postInLane(this.setupLane, w.kinds.setupResult, this.index, tag);
      if (done === DROPPED && dev.setupRetransmit > 0)
        this.retransmitLater(c, now, deadline, dev.setupRetransmit);
    }
  }

  /**
   * The set-up budget (`connection.budget`) admits client c's set-up, or refuses it: then it is not sent, and the
   * client waits for the backoff (at least the setup timeout) and asks again.
   */
  private gateAdmits(c: number): boolean {
    if (this.setupGate!.acquire(c, this.connFailures[c]! > 0)) return true;
    const failures = this.connFailures[c]! + 1;
    this.connFailures[c] = failures;
    this.scheduleReconnect(c, failures - 1, this.setupTimeout);
    return false;
  }

  /**
   * The endpoint resolved to nothing (a DNS fault; `resolves()` counted it against the service): the set-up fails at
   * once, before any device sees it.
   */
  private unresolvedSetup(c: number): void {
    const failures = this.connFailures[c]! + 1;
    this.connFailures[c] = failures;
    this.scheduleReconnect(c, failures - 1, 0, this.setupTimeout);
  }

  /**
   * Client c's setup was dropped at `now` by a group with `setupRetransmit`: it is sent again after `delay` if that is
   * before the setup's `deadline` (the setup's timeout event is already scheduled and ends it otherwise).
   */
  private retransmitLater(c: number, now: number, deadline: number, delay: number): void {
    if (now + delay >= deadline) return;
    if (this.retransmitDelay === undefined) {
      this.retransmitDelay = new Float64Array(this.clients);
      this.retransmitDeadline = new Float64Array(this.clients);
    }
    this.retransmitDelay[c] = delay * 2;
    this.retransmitDeadline![c] = deadline;
    const w = this.w;
    w.sim.postAt(now + delay, w.kinds.setupRetransmit, this.index, this.connEpoch[c]! * EPOCH_STRIDE + c);
  }

  /**
   * A dropped setup's retransmission (payload: epoch-tagged client): the same setup attempt, through the same device,
   * with the same deadline; it succeeds if answered in time, is dropped again (and retransmitted after twice the
   * delay) or times out with the attempt. Stale when the client's connection was reset or the setup ended meanwhile.
   */
  onSetupRetransmit(tag: number): void {
    const c = this.tagged(tag);
    if (c < 0 || this.connState[c] !== CONNECTING || this.link < 0) return;
    const w = this.w;
    const now = w.sim.now();
    const dev = w.links[this.link]!;
    const device = this.connDevice[c]!;
    const deadline = this.retransmitDeadline![c]!;
    if (now >= deadline || device >= dev.devices) return;
    if (this.setupBack !== undefined) {
      const fwd = dev.crossing();
      const back = dev.crossing();
      this.setupBack[c] = back;
      const done = this.admitted(c, now) ? dev.enqueue(device, now, true, deadline, fwd + back) : DROPPED;
      if (done === DROPPED) this.retransmitLater(c, now, deadline, this.retransmitDelay![c]!);
      else if (done + fwd < deadline) w.sim.postAt(done + fwd, w.kinds.handshakeArrive, this.index, tag);
      return;
    }
    const rtt = dev.roundTrip();
    const done = this.admitted(c, now) ? dev.enqueue(device, now, true, deadline, rtt) : DROPPED;
    if (done === DROPPED) this.retransmitLater(c, now, deadline, this.retransmitDelay![c]!);
    else if (done + rtt <= deadline) w.sim.postAt(done + rtt, w.kinds.setupResult, this.index, tag * 2 + 1);
  }

  /**
   * A setup through the device group and then the target service's handshake (`connectionCost`): the setup's timeout
   * always runs (a lane event); an answer back before it succeeds (`onHandshakeDone`).
   */
  private startHandshakeSetup(c: number): void {
    const w = this.w;
    const dev = w.links[this.link]!;
    const device = dev.pickDevice(this.pickRng);
    this.connDevice[c] = device;
    const now = w.sim.now();
    const deadline = now + this.setupTimeout;
    const fwd = dev.crossing();
    const back = dev.crossing();
    this.setupBack![c] = back;
    this.setupDeadline![c] = deadline;
    const done = this.admitted(c, now) ? dev.enqueue(device, now, true, deadline, fwd + back) : DROPPED;
    const tag = this.connEpoch[c]! * EPOCH_STRIDE + c;
    if (done !== DROPPED && done + fwd < deadline)
      w.sim.postAt(done + fwd, w.kinds.handshakeArrive, this.index, tag);
    w.sim.postInLane(this.setupLane, w.kinds.setupResult, this.index, tag * 2);
    if (done === DROPPED && dev.setupRetransmit > 0)
      this.retransmitLater(c, now, deadline, dev.setupRetransmit);
  }

  /** A setup reached the target service (payload: epoch-tagged client): it accepts it unless the setup is stale. */
  onHandshakeArrive(tag: number): void {
    const c = this.tagged(tag);
    if (c < 0 || this.connState[c] !== CONNECTING) return;
    this.w.services[this.service]!.acceptConnection(this.index, tag, this.setupDeadline![c]!);
  }

  /** The target service finished the handshake of setup `tag`: the answer crosses back, a success if in time. */
  onHandshakeDone(tag: number, deadline: number): void {
    const c = this.tagged(tag);
    if (c < 0 || this.connState[c] !== CONNECTING) return;
    const t = this.w.sim.now() + this.setupBack![c]!;
    if (t < deadline) this.w.sim.postAt(t, this.w.kinds.setupResult, this.index, tag * 2 + 1);
  }

  /**
   * Client of an epoch-tagged payload (`epoch * EPOCH_STRIDE + client`), or -1 when the tag is stale (the client's
   * connection was reset since). The stride is a power of two, so decoding multiplies and floors exactly (no division).
   */
  private tagged(tag: number): number {
    const epoch = Math.floor(tag * INV_EPOCH_STRIDE);
    const c = tag - epoch * EPOCH_STRIDE;
    return epoch === this.connEpoch[c]! ? c : -1;
  }

  /** A setup attempt ended (payload = tag * 2 + success, tag = epoch * EPOCH_STRIDE + client). Stale results are ignored. */
  onSetupResult(payload: number): void {
    const tag = Math.floor(payload * 0.5);
    const c = this.tagged(tag);
    if (c < 0 || this.connState[c] !== CONNECTING) return;
    // the success bit without a float modulo (V8 compiles `%` on doubles to a call)
    if (this.setupGate !== undefined) this.setupGate.ended(c, payload !== tag * 2);
    if (payload !== tag * 2) {
      this.connState[c] = UP;
      this.connFailures[c] = 0;
      this.prevReconnect[c] = -1;
      this.flushWaiting(c);
      return;
    }
    const failures = this.connFailures[c]! + 1;
    this.connFailures[c] = failures;
    this.scheduleReconnect(c, failures - 1);
  }

  /** Sends every request waiting for client c's connection. */
  private flushWaiting(c: number): void {
    const req = this.w.requests;
    let r = this.waitHead[c]!;
    this.waitHead[c] = -1;
    while (r >= 0) {
      const next = req.nextWaiting[r]!;
      req.waiting[r] = 0;
      if (this.whileDown === WHILE_WAIT) this.site.resume(r);
      this.sendNow(r, c);
      r = next;
    }
  }

  /**
   * Schedules client c's next set-up after the reconnect backoff for `n` failures, at least `atLeast` seconds (a set-up
   * the budget refused); `zeroDelay` (seconds) replaces a delay of 0 (a failed name look-up is tried again after the
   * setup timeout, not in the same instant). Both default to 0.
   */
  private scheduleReconnect(c: number, n: number, atLeast = 0, zeroDelay = 0): void {
    const fix = this.fixReconnect;
    const backoff = fix !== undefined && this.rank[c]! < this.site.fixed ? fix : this.reconnect;
    // A schedule whose every delay is 0 (`none`, the 2021 defect) is not called: its draws would be multiplied by 0,
    // and leaving the call out keeps the no-backoff storm's path small enough for V8 to inline the set-up into it.
    let delay = backoff.maxDelay === 0 ? 0 : backoff.delay(n, this.prevReconnect[c]!, this.reconnectRng);
    if (delay < atLeast) delay = atLeast;
    this.prevReconnect[c] = delay;
    this.connState[c] = CONNECTING;
    if (delay === 0) delay = zeroDelay;
    // No backoff at all (the 2021 defect): set up again at once, without an event.
    if (delay === 0) this.startSetup(c);
    else
      this.w.sim.postAfter(delay, this.w.kinds.reconnect, this.index, this.connEpoch[c]! * EPOCH_STRIDE + c);
  }

  /** The reconnect backoff of a client elapsed (payload = epoch * EPOCH_STRIDE + client). */
  onReconnect(payload: number): void {
    const c = this.tagged(payload);
    if (c >= 0 && this.connState[c] === CONNECTING) this.startSetup(c);
  }

  /** Tears down client c's live connection (timeout, error, endpoint change) and reconnects after the backoff. */
  teardown(c: number): void {
    if (!this.persistent || this.link < 0 || this.connState[c] !== UP) return;
    this.reset(c);
  }

  /**
   * Resets client c's connection whatever its state: pending setup and reconnect events become stale; with no link
   * on the route the connection is simply up (waiting requests go out), else it is set up again after the backoff.
   */
  private reset(c: number): void {
    this.connEpoch[c] = (this.connEpoch[c]! + 1) & (EPOCH_STRIDE - 1); // wraps long after any stale event is gone
    if (this.setupGate !== undefined) this.setupGate.ended(c, false, true);
    this.connFailures[c] = 0;
    this.prevReconnect[c] = -1;
    if (this.link < 0) {
      this.connState[c] = UP;
      this.flushWaiting(c);
      return;
    }
    this.connState[c] = CONNECTING;
    this.scheduleReconnect(c, 0);
  }

  /**
   * Endpoint change of the target service: the live connections of `fraction` of the clients are torn down at once.
   * With a fraction below 1 the clients are drawn from `rng` (exactly round(fraction x clients) of them).
   */
  teardownAll(fraction = 1, rng?: Rng, spread?: TeardownSpread): void {
    if (!this.persistent) return;
    const n = this.clients;
    const hit =
      spread === undefined ? (c: number) => this.teardown(c) : (c: number) => this.teardownLater(c, spread);
    if (fraction >= 1 || rng === undefined) {
      const k = Math.round(Math.min(1, fraction) * n);
      for (let c = 0; c < k; c++) hit(c);
      return;
    }
    const ranks = permutationRanks(n, rng);
    const k = Math.round(fraction * n);
    for (let c = 0; c < n; c++) if (ranks[c]! < k) hit(c);
  }

  /** Tears client c's connection down at a time drawn in the spread's window (if it is up then). */
  private teardownLater(c: number, spread: TeardownSpread): void {
    this.w.sim.schedule(teardownDelay(spread, spread.rng.next()), () => this.teardown(c));
  }

  /** Moves the fleet's traffic to `link` (-1: none): every client's connection is reset consistently. */
  setLink(link: number): void {
    if (link === this.link) return;
    this.link = link;
    if (this.persistent) for (let c = 0; c < this.clients; c++) this.reset(c);
  }

  /** Devices `from..` of the fleet's link were removed: connections pinned to them are lost and set up again. */
  devicesRemoved(link: number, from: number): void {
    if (!this.persistent || link !== this.link) return;
    for (let c = 0; c < this.clients; c++)
      if (this.connState[c] !== DOWN && this.connDevice[c]! >= from) this.reset(c);
  }

  /** A deployed client fix (operators' `deploy-fix`), rolled out to clients by rank as `fixed` ramps up. */
  deployFix(fix: { retry?: unknown; reconnect?: unknown; budget?: unknown }, path: string): void {
    const sim = this.w.sim;
    const retry =
      fix.retry === undefined
        ? undefined
        : makeRetryPolicy(fix.retry as RetryConfig, sim, sim.rng(`fleet/${this.name}/fix/retry`));
    const budget = fix.budget as BudgetConfig | undefined;
    const budgetRng = sim.rng(`fleet/${this.name}/fix/budget`);
    this.site.deployFix(
      retry,
      budget ? () => makeBudget(budget, sim, budgetRng, `${path}.budget`) : undefined,
      this.rank,
    );
    if (fix.reconnect !== undefined)
      this.fixReconnect = makeBackoff(fix.reconnect as BackoffConfig, `${path}.reconnect`);
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
    for (let c = 0; c < this.clients; c++) if (this.connState[c] !== UP && this.rank[c]! >= this.blocked) n++;
    return n;
  }

  get setupTimeoutSeconds(): number {
    return this.setupTimeout;
  }

  /** Moves interval counters into totals and resets them. */
  resetInterval(): void {
    this.site.counters.roll();
    this.site.rollLatency();
    if (this.pool !== undefined) this.pool.roll();
    this.totalSetupAttempts += this.setupAttempts;
    this.setupAttempts = 0;
    if (this.setupGate !== undefined) this.setupGate.roll();
  }
}
