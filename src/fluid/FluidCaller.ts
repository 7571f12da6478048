import type { Backoff } from "../policies/backoff/Backoff.js";
import { LatencyHistogram } from "../policies/LatencyHistogram.js";
import { Outcome } from "../policies/Outcome.js";
import type { RetryPolicy } from "../policies/retry/RetryPolicy.js";
import { Calendar } from "./Calendar.js";
import { backoffClasses, delayWindow } from "./delayWindow.js";
import type { FluidLink } from "./FluidLink.js";
import type { FluidService } from "./FluidService.js";

/** Interval counters of a caller (masses; per interval, then rolled into totals). */
export class CallerCounters {
  firstAttempts = 0;
  attempts = 0;
  setups = 0;
  successes = 0;
  timeouts = 0;
  errors = 0;
  rejected = 0;
  refused = 0;
  /** Dependency calls: mass resolved and the sum of their durations (seconds x mass). */
  resolved = 0;
  resolvedOk = 0;
  durationSum = 0;
  readonly totals = {
    firstAttempts: 0,
    attempts: 0,
    setups: 0,
    successes: 0,
    timeouts: 0,
    errors: 0,
    rejected: 0,
    refused: 0,
  };

  roll(): void {
    const t = this.totals;
    t.firstAttempts += this.firstAttempts;
    t.attempts += this.attempts;
    t.setups += this.setups;
    t.successes += this.successes;
    t.timeouts += this.timeouts;
    t.errors += this.errors;
    t.rejected += this.rejected;
    t.refused += this.refused;
    this.firstAttempts = 0;
    this.attempts = 0;
    this.setups = 0;
    this.successes = 0;
    this.timeouts = 0;
    this.errors = 0;
    this.rejected = 0;
    this.refused = 0;
  }
}

/** What the caller needs to know about its connections (fleets with `connection.persistent` across a link). */
export interface ConnectionConfig {
  setupTimeout: number;
  reconnect: Backoff;
}

/**
 * The state of one group of clients of a caller: requests in flight per attempt class binned by creation step
 * (`fly`: not yet resolved; `wait`: waiting for a connection; `net`: admitted on the way, answerable), retry
 * calendars per class (timeout- and error-caused apart, because a timeout tears the connection down), and the
 * connections (up clients, setup calendars per reconnect class, connections completing).
 */
export class CallerGroup {
  clients = 0;
  blocked = false;
  /** False until the group first holds clients (an empty blocked group costs nothing). */
  live = false;
  up = 0;
  readonly fly: Float64Array;
  readonly wait: Float64Array;
  readonly net: Float64Array;
  readonly waitTotal: Float64Array;
  readonly retryT: Calendar[];
  readonly retryE: Calendar[];
  readonly reconnect: Calendar[];
  readonly connect: Calendar;
  /** Cumulative hazards per step (ring): connect of disconnected clients, disconnect of up clients. */
  readonly hUp: Float64Array;
  readonly hDown: Float64Array;
  /** The last step this group made and its ring slots (attempts: n % l, hazards: n % hLen), for the next step's. */
  stepAt = -1;
  slotAt = -1;
  hazardAt = -1;

  constructor(
    k: number,
    l: number,
    retryLen: number,
    reconnectClasses: number,
    reconnectLen: number,
    hLen: number,
  ) {
    this.fly = new Float64Array(k * l);
    this.wait = new Float64Array(k * l);
    this.net = new Float64Array(k * l);
    this.waitTotal = new Float64Array(k);
    this.retryT = Array.from({ length: k }, () => new Calendar(retryLen));
    this.retryE = Array.from({ length: k }, () => new Calendar(retryLen));
    this.reconnect = Array.from({ length: reconnectClasses }, () => new Calendar(reconnectLen));
    this.connect = new Calendar(reconnectLen);
    this.hUp = new Float64Array(hLen);
    this.hDown = new Float64Array(hLen);
  }

  /** Moves share `f` of this group's clients, with their state, to `to`. */
  moveShare(to: CallerGroup, f: number): void {
    if (!(f > 0)) return;
    const mv = (a: Float64Array, b: Float64Array) => {
      for (let i = 0; i < a.length; i++) {
        const x = a[i]! * f;
        b[i] = b[i]! + x;
        a[i] = a[i]! - x;
      }
    };
    mv(this.fly, to.fly);
    mv(this.wait, to.wait);
    mv(this.net, to.net);
    mv(this.waitTotal, to.waitTotal);
    const cal = (a: Calendar[], b: Calendar[]) => {
      a.forEach((c, i) => {
        b[i]!.addShare(c, f);
        c.scale(1 - f);
      });
    };
    cal(this.retryT, to.retryT);
    cal(this.retryE, to.retryE);
    cal(this.reconnect, to.reconnect);
    to.connect.addShare(this.connect, f);
    this.connect.scale(1 - f);
    to.live = true;
    const c = this.clients * f;
    const u = this.up * f;
    this.clients -= c;
    this.up -= u;
    to.clients += c;
    to.up += u;
  }
}

export interface CallerOptions {
  id: number;
  name: string;
  path: string;
  service: FluidService;
  link: FluidLink | null;
  /** Index of this caller's route in the service's incoming lanes. */
  lane: number;
  timeout: number;
  retry: RetryPolicy | undefined;
  persistence: { error: readonly number[]; timeout: readonly number[] } | undefined;
  connection: ConnectionConfig | undefined;
  groups: number;
  /** The model's (finest) step, seconds. */
  dt: number;
  /** This caller steps every `every` model steps (multi-rate step, docs/fluid.md); default 1. */
  every?: number;
}

const TMP = new Float64Array(2);

/**
 * One caller of the fluid model (a fleet's clients, or a service's dependency calls): the mean-field version of the
 * event model's CallSite and, for fleets with persistent connections, of FleetRuntime's connection lifecycle.
 * Masses are expected numbers of requests, attempts or clients. Fixed timeouts fire after exactly `timeout`
 * (rounded to whole steps): the in-flight ring is indexed by creation step.
 */
export class FluidCaller {
  readonly id: number;
  readonly name: string;
  readonly path: string;
  readonly service: FluidService;
  link: FluidLink | null;
  lane: number;
  readonly timeout: number;
  /** This caller's own step, seconds (`every` x the model's step). */
  readonly dt: number;
  /** Model steps per step of this caller (multi-rate step). Its own step counts are `model step / every`. */
  readonly every: number;
  /** The model's step, seconds. */
  readonly modelDt: number;
  /**
   * Model steps one of this caller's sends stands for: `every` for a fleet; for a dependency, the longest step of the
   * callers of its service (their requests arrive that many steps' worth at once, and so do the calls they start).
   * Links and services count a send of this caller as a rate over that many steps.
   */
  spread = 1;
  /** Attempt classes (maxAttempts). */
  readonly k: number;
  /** Ring length (timeout steps + 1). */
  readonly l: number;
  /** Timeout, steps. */
  readonly ls: number;
  readonly groups: CallerGroup[];
  readonly counters = new CallerCounters();
  readonly latency = new LatencyHistogram(LatencyHistogram.FLUID);
  readonly latencyAll = new LatencyHistogram(LatencyHistogram.FLUID);
  /** Open-loop rate per client (per second) x load factor; 0 for dependency calls. */
  ratePerClient = 0;
  loadFactor = 1;
  /** Dependency calls started by the calling service in the last step (mass), sent in the next. */
  pendingFirst = 0;
  /** Resolutions in the current step (mass, of which successful, and the sum of their durations x mass). */
  stepResolved = 0;
  stepOk = 0;
  stepDuration = 0;
  private readonly persistence: CallerOptions["persistence"];
  readonly connection: ConnectionConfig | undefined;
  private readonly reconnectClasses: number;
  private readonly hLen: number;
  /** Mean retry delay into class k, steps. */
  private readonly meanDelay: Float64Array;
  /** Mean time already spent by a request when it starts attempt class k (for latency), seconds. */
  private readonly elapsedAt: Float64Array;
  private readonly resolveAge: Float64Array;
  private readonly resolveMass: Float64Array;
  /** The last successful latency per class (seconds; NaN: none yet) and its histogram bucket. */
  private readonly bucketLat: Float64Array;
  private readonly bucketIdx: Int32Array;
  /**
   * The retry policy's decisions per attempt class c, computed once (they depend on the class only): the share of a
   * timed-out (`retryAfterTimeout`) or failed (`retryAfterError`) attempt of class c that is retried (its persistence,
   * 1 without; NaN when it is not retried), and the window of that retry's delay, this caller's steps.
   */
  private readonly retryAfterTimeout: Float64Array;
  private readonly retryAfterError: Float64Array;
  private readonly retryLo: Float64Array;
  private readonly retryHi: Float64Array;
  /** Steps back to the hazards a retry into class c looks up (its mean delay, at least 1, at most the ring). */
  private readonly retryBack: Int32Array;
  /**
   * Reconnect windows per reconnect class s, this caller's steps: after a reset (`resetLo`/`resetHi`, class 0 only, and
   * `resetAtOnce` when its delay is 0) and after a failed setup of class s (setup timeout + delay s).
   */
  private resetLo = 0;
  private resetHi = 0;
  private resetAtOnce = false;
  private readonly failLo: Float64Array;
  private readonly failHi: Float64Array;

  constructor(o: CallerOptions) {
    this.id = o.id;
    this.name = o.name;
    this.path = o.path;
    this.service = o.service;
    this.link = o.link;
    this.lane = o.lane;
    this.timeout = o.timeout;
    this.every = Math.max(1, o.every ?? 1);
    this.modelDt = o.dt;
    this.dt = o.dt * this.every;
    this.spread = this.every;
    this.persistence = o.persistence;
    this.connection = o.connection;
    this.k = Math.max(1, o.retry?.maxAttempts ?? 1);
    this.ls = Math.max(1, Math.round(o.timeout / this.dt));
    this.l = this.ls + 1;
    const maxRetry = o.retry ? o.retry.backoff.maxDelay : 0;
    const retryLen = Math.ceil(maxRetry / this.dt) + 2;
    this.reconnectClasses = o.connection ? backoffClasses(o.connection.reconnect) : 1;
    const reconnectLen = o.connection
      ? Math.ceil((o.connection.setupTimeout + o.connection.reconnect.maxDelay) / this.dt) + 2
      : 1;
    this.hLen = Math.max(retryLen, this.l) + 2;
    this.groups = Array.from(
      { length: o.groups },
      () => new CallerGroup(this.k, this.l, retryLen, this.reconnectClasses, reconnectLen, this.hLen),
    );
    this.meanDelay = new Float64Array(this.k);
    this.elapsedAt = new Float64Array(this.k);
    this.resolveAge = new Float64Array(this.k);
    this.resolveMass = new Float64Array(this.k);
    this.bucketLat = new Float64Array(this.k).fill(Number.NaN);
    this.bucketIdx = new Int32Array(this.k);
    this.retryAfterTimeout = new Float64Array(this.k).fill(Number.NaN);
    this.retryAfterError = new Float64Array(this.k).fill(Number.NaN);
    this.retryLo = new Float64Array(this.k);
    this.retryHi = new Float64Array(this.k);
    this.retryBack = new Int32Array(this.k);
    const r = o.retry;
    for (let c = 0; c < this.k; c++) {
      this.retryBack[c] = Math.min(this.hLen - 1, Math.max(1, Math.round(this.meanDelay[c]!)));
      if (r === undefined || c + 1 >= this.k) continue;
      const share = (outcome: number) => {
        if (!r.isRetryable(outcome)) return Number.NaN;
        const p = this.persistence;
        if (p === undefined) return 1;
        const list = outcome === Outcome.TIMEOUT ? p.timeout : p.error;
        return list[Math.min(c + 1, list.length) - 1] ?? 1;
      };
      this.retryAfterTimeout[c] = share(Outcome.TIMEOUT);
      this.retryAfterError[c] = share(Outcome.FAILURE);
      // the retry into class c + 1: its delay window and mean delay (read by retryBack[c + 1] on the next pass)
      delayWindow(r.backoff, c, TMP);
      this.retryLo[c] = TMP[0]! / this.dt;
      this.retryHi[c] = TMP[1]! / this.dt;
      this.meanDelay[c + 1] = (TMP[0]! + TMP[1]!) / 2 / this.dt;
    }
    this.failLo = new Float64Array(this.reconnectClasses);
    this.failHi = new Float64Array(this.reconnectClasses);
    const conn = o.connection;
    if (conn !== undefined) {
      delayWindow(conn.reconnect, 0, TMP);
      this.resetAtOnce = TMP[1]! <= 0;
      this.resetLo = TMP[0]! / this.dt;
      this.resetHi = TMP[1]! / this.dt;
      for (let s = 0; s < this.reconnectClasses; s++) {
        delayWindow(conn.reconnect, s, TMP);
        this.failLo[s] = (conn.setupTimeout + TMP[0]!) / this.dt;
        this.failHi[s] = (conn.setupTimeout + TMP[1]!) / this.dt;
      }
    }
  }

  /** True when this caller keeps explicit connections (persistent, across a link). */
  get persistent(): boolean {
    return this.connection !== undefined && this.link !== null;
  }

  /**
   * Would an answer to an attempt created at this caller's step `j`, leaving the server `lag` seconds after model
   * step `n`, be in time? (The attempt times out at this caller's step `j + ls`, model step `(j + ls) x every`.)
   */
  alive(j: number, n: number, lag: number): boolean {
    const a = n - j * this.every;
    const link = this.link;
    return (
      a < this.ls * this.every &&
      a * this.modelDt + lag + (link === null ? 0 : link.crossing) <= this.timeout + 1e-9
    );
  }

  /** Clients of all groups. */
  get clients(): number {
    let c = 0;
    for (const g of this.groups) c += g.clients;
    return c;
  }

  /** Clients without a working connection (0 unless persistent). */
  disconnected(admittedOnly = false): number {
    if (!this.persistent) return 0;
    let d = 0;
    for (const g of this.groups) if (!(admittedOnly && g.blocked)) d += g.clients - g.up;
    return d;
  }

  /** Blocked clients (operator block). */
  get blockedClients(): number {
    let b = 0;
    for (const g of this.groups) if (g.blocked) b += g.clients;
    return b;
  }

  /** Advances the caller's clients by one of its own steps `n` (before the services run). */
  step(n: number): void {
    this.stepResolved = 0;
    this.stepOk = 0;
    this.stepDuration = 0;
    for (let gi = 0; gi < this.groups.length; gi++) {
      const g = this.groups[gi]!;
      if (gi > 0 && !g.live) continue;
      this.stepGroup(g, n, gi);
    }
    this.pendingFirst = 0;
  }

  private stepGroup(g: CallerGroup, n: number, gi: number): void {
    const dt = this.dt;
    const hl = this.hLen;
    const l = this.l;
    // Ring slots of this step (hazards: n % hLen; attempts: n % l), from the last step's when n is the next one (no
    // division), and the other slots from them. The hazards are kept only with a connection config.
    const nextStep = n === g.stepAt + 1;
    const sn = nextStep ? (g.slotAt + 1 === l ? 0 : g.slotAt + 1) : n % l;
    const hn =
      this.connection === undefined ? 0 : nextStep ? (g.hazardAt + 1 === hl ? 0 : g.hazardAt + 1) : n % hl;
    const hPrev = hn === 0 ? hl - 1 : hn - 1;
    g.stepAt = n;
    g.slotAt = sn;
    g.hazardAt = hn;
    const persistent = this.persistent;
    let phi = 0;
    let dUp = 0;
    let dDown = 0;
    if (persistent) {
      const disc = g.clients - g.up;
      const c = Math.min(g.connect.take(n), Math.max(0, disc));
      g.up += c;
      phi = disc > 1e-12 ? Math.min(1, c / disc) : 0;
      dUp = disc > 1e-12 ? c / disc : 0;
      for (let s = 0; s < this.reconnectClasses; s++) {
        const r = g.reconnect[s]!.take(n);
        if (r > 0) this.sendSetup(g, n, s, r);
      }
    }
    // Timeouts of the attempts created Ls steps ago.
    const j = n - this.ls;
    if (j >= 0) {
      // j = n - (l - 1), so j % l is the slot after n's.
      const slot = sn + 1 === l ? 0 : sn + 1;
      let sentUp = 0;
      for (let c = 0; c < this.k; c++) {
        const i = c * l + slot;
        const m = g.fly[i]!;
        if (m <= 0) continue;
        const w = g.wait[i]!;
        g.fly[i] = 0;
        g.wait[i] = 0;
        g.net[i] = 0;
        g.waitTotal[c] = Math.max(0, g.waitTotal[c]! - w);
        this.counters.timeouts += m;
        // Only attempts that were sent count for the service (CallSite: a request still waiting for its connection
        // times out without an attempt in flight).
        this.service.callerFail += m - w;
        this.resolved(c, m, this.timeout, false);
        sentUp += m - w;
        this.decide(g, n, 0, c, m, true);
      }
      if (persistent && sentUp > 0 && g.up > 1e-12) {
        const pUp = Math.exp(-(g.hDown[hPrev]! - g.hDown[hn >= this.ls ? hn - this.ls : hn - this.ls + hl]!));
        const lost = g.up * (1 - Math.exp((-sentUp * pUp) / g.up));
        dDown += lost / g.up;
        g.up -= lost;
        this.resetClients(g, n, lost, 0);
      }
    }
    // Requests waiting for a connection go out with the clients that connected.
    if (phi > 0) {
      for (let c = 0; c < this.k; c++) {
        if (g.waitTotal[c]! <= 0) continue;
        let moved = 0;
        for (let a = 0; a < this.ls; a++) {
          const jj = n - a;
          if (jj < 0) break;
          const i = c * l + (sn >= a ? sn - a : sn - a + l);
          const w = g.wait[i]!;
          if (w <= 0) continue;
          const x = w * phi;
          g.wait[i] = w - x;
          moved += x;
          this.send(g, n, c, jj, x, i);
        }
        g.waitTotal[c] = Math.max(0, g.waitTotal[c]! - moved);
      }
    }
    // The hazards are read only while the caller keeps connections; without a connection config they stay 0.
    if (this.connection !== undefined) {
      g.hUp[hn] = g.hUp[hPrev]! + dUp;
      g.hDown[hn] = g.hDown[hPrev]! + dDown;
    }
    // New requests: open-loop arrivals, dependency calls; then retries whose backoff elapsed.
    const first = gi === 0 ? this.pendingFirst : 0;
    const arrivals = g.clients * this.ratePerClient * this.loadFactor * dt + first;
    if (arrivals > 0) {
      this.counters.firstAttempts += arrivals;
      this.create(g, n, sn, 0, arrivals, g.clients > 0 ? g.up / g.clients : 1);
    }
    // The share of a retry that finds its client's connection up (read only when the caller keeps connections).
    for (let c = 1; c < this.k; c++) {
      const d = this.retryBack[c]!;
      const back = hn >= d ? hn - d : hn - d + hl;
      const rt = g.retryT[c]!.take(n);
      if (rt > 0) this.create(g, n, sn, c, rt, persistent ? 1 - Math.exp(-(g.hUp[hn]! - g.hUp[back]!)) : 1);
      const re = g.retryE[c]!.take(n);
      if (re > 0) this.create(g, n, sn, c, re, persistent ? Math.exp(-(g.hDown[hn]! - g.hDown[back]!)) : 1);
    }
  }

  /**
   * A new attempt of class `c` (mass `m`) starts at step n (ring slot `sn` = n % l); share `pUp` of it finds its
   * client's connection up.
   */
  private create(g: CallerGroup, n: number, sn: number, c: number, m: number, pUp: number): void {
    const i = c * this.l + sn;
    g.fly[i] = g.fly[i]! + m;
    if (!this.persistent) {
      this.send(g, n, c, n, m, i);
      return;
    }
    const up = Math.min(1, Math.max(0, pUp));
    const w = m * (1 - up);
    g.wait[i] = g.wait[i]! + w;
    g.waitTotal[c] = g.waitTotal[c]! + w;
    this.send(g, n, c, n, m - w, i);
  }

  /** Puts mass `x` of class `c` created at step `j` (ring index `i` = c l + j % l) on the wire at step `n`. */
  private send(g: CallerGroup, n: number, c: number, j: number, x: number, i: number): void {
    if (!(x > 0)) return;
    this.counters.attempts += x;
    if (g.blocked) {
      this.counters.rejected += x;
      return;
    }
    const t = n * this.dt;
    const link = this.link;
    if (link === null) {
      g.net[i] = g.net[i]! + x;
      this.service.arrive(this.lane, this.id, c, j, x, t);
      return;
    }
    const finish = link.delay + link.cost(false) + link.crossing;
    const a = link.offer(
      x,
      false,
      this.timeout - (n - j) * this.dt,
      2 * link.crossing + this.service.meanHold,
      this.spread,
    );
    if (a > 0) {
      g.net[i] = g.net[i]! + a;
      this.service.arrive(this.lane, this.id, c, j, a, t + finish);
    }
  }

  /**
   * The mass of the next {@link answer} and the seconds after model step n its work leaves the server (set by the
   * service just before the call: a double passed to a call that is not inlined is boxed, and answers are the hottest
   * call of a run).
   */
  answerMass = 0;
  answerLag = 0;

  /**
   * An answer (successful when `ok`) for mass {@link answerMass} of class `c` created at this caller's step `j`, leaving
   * the server {@link answerLag} seconds after model step `n`, reached the caller in time.
   */
  answer(c: number, j: number, ok: boolean, n: number): void {
    const m = this.answerMass;
    const lag = this.answerLag;
    const i = c * this.l + (j % this.l);
    const groups = this.groups;
    let net = 0;
    for (let gi = 0; gi < groups.length; gi++) net += groups[gi]!.net[i]!;
    if (net <= 0) return;
    const link = this.link;
    const age = (n - j * this.every) * this.modelDt + lag + (link === null ? 0 : link.crossing);
    if (ok) {
      // One latency for the whole cohort (the mean time of its earlier attempts does not move while it resolves); its
      // bucket is remembered per class (a steady stretch answers the same latency step after step).
      const lat = age + this.elapsedAt[c]!;
      let b = this.bucketIdx[c]!;
      if (lat !== this.bucketLat[c]) {
        b = this.latency.bucketOf(lat);
        this.bucketLat[c] = lat;
        this.bucketIdx[c] = b;
      }
      for (let gi = 0; gi < groups.length; gi++) {
        const g = groups[gi]!;
        const share = g.net[i]!;
        if (share <= 0) continue;
        const y = Math.min(share, g.fly[i]!, (m * share) / net);
        g.net[i] = share - y;
        g.fly[i] = g.fly[i]! - y;
        this.resolved(c, y, age, true);
        this.counters.successes += y;
        this.service.callerOk += y;
        if (y > 0) {
          this.latency.addToBucket(b, y);
          this.latencyAll.addToBucket(b, y);
        }
      }
      return;
    }
    // This caller's step at or before n, and how far n is past it (own and frac, written out: a double returned by a
    // call that is not inlined is boxed).
    const e = this.every;
    const own = e === 1 ? n : Math.floor(n / e);
    const frac = e === 1 ? 0 : (n - own * e) / e;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      const share = g.net[i]!;
      if (share <= 0) continue;
      const y = Math.min(share, g.fly[i]!, (m * share) / net);
      g.net[i] = share - y;
      g.fly[i] = g.fly[i]! - y;
      this.resolved(c, y, age, false);
      this.counters.errors += y;
      this.service.callerFail += y;
      this.decide(g, own, frac, c, y, false);
    }
  }

  private resolved(c: number, m: number, age: number, ok: boolean): void {
    this.counters.resolved += m;
    if (ok) this.counters.resolvedOk += m;
    this.counters.durationSum += m * age;
    this.stepResolved += m;
    if (ok) this.stepOk += m;
    this.stepDuration += m * age;
    this.resolveAge[c] = this.resolveAge[c]! + m * age;
    this.resolveMass[c] = this.resolveMass[c]! + m;
    if (c + 1 < this.k && this.resolveMass[c]! > 0)
      this.elapsedAt[c + 1] =
        this.elapsedAt[c]! + this.resolveAge[c]! / this.resolveMass[c]! + this.meanDelay[c + 1]! * this.dt;
  }

  /**
   * The retry policy's decision for mass `m` of class `c` that ended (timed out when `timeout`, else failed) `frac` of
   * a step after this caller's step n.
   */
  private decide(g: CallerGroup, n: number, frac: number, c: number, m: number, timeout: boolean): void {
    // The share retried is NaN when the class is not retried (the product is then not positive).
    const x = m * (timeout ? this.retryAfterTimeout[c]! : this.retryAfterError[c]!);
    if (!(x > 0)) return;
    const cal = timeout ? g.retryT[c + 1]! : g.retryE[c + 1]!;
    cal.addUniform(n, this.retryLo[c]! + frac, this.retryHi[c]! + frac, x);
  }

  /**
   * Clients (mass `x`) lose their connection `frac` of a step after this caller's step n and reconnect after the
   * backoff's first delay.
   */
  resetClients(g: CallerGroup, n: number, x: number, frac: number): void {
    if (this.connection === undefined || !(x > 0)) return;
    if (this.resetAtOnce) this.sendSetup(g, n, 0, x, frac);
    else g.reconnect[0]!.addUniform(n, this.resetLo + frac, this.resetHi + frac, x);
  }

  /** This caller's step at or before model step `n`. */
  private own(n: number): number {
    return this.every === 1 ? n : Math.floor(n / this.every);
  }

  /** How far model step `n` is past this caller's step {@link own}(n), in its steps (0 <= frac < 1). */
  private frac(n: number): number {
    return this.every === 1 ? 0 : (n - this.own(n) * this.every) / this.every;
  }

  /** Mass `r` of clients of reconnect class `s` sends a connection setup `frac` of a step after this caller's step n. */
  private sendSetup(g: CallerGroup, n: number, s: number, r: number, frac = 0): void {
    const conn = this.connection!;
    const link = this.link!;
    this.counters.setups += r;
    const st = conn.setupTimeout;
    let ok = 0;
    if (!g.blocked) {
      const rtt = link.delay + link.cost(true) + 2 * link.crossing;
      const a = link.offer(r, true, st, 2 * link.crossing, this.spread);
      if (rtt <= st + 1e-9) {
        ok = a;
        g.connect.addAt(n, rtt / this.dt + frac, a);
      }
    }
    const fail = r - ok;
    if (fail <= 0) return;
    const next = Math.min(s + 1, this.reconnectClasses - 1);
    g.reconnect[next]!.addUniform(n, this.failLo[s]! + frac, this.failHi[s]! + frac, fail);
  }

  /** Tears down the live connections of share `f` of the clients (an endpoint change) at model step `n`. */
  teardown(n: number, f: number): void {
    if (!this.persistent) return;
    for (const g of this.groups) {
      const x = g.up * Math.min(1, f);
      g.up -= x;
      this.resetClients(g, this.own(n), x, this.frac(n));
    }
  }

  /**
   * Every client's connection is reset (a reroute or lost devices) at model step `n`; with no link they are simply
   * up.
   */
  resetAll(n: number, share = 1): void {
    if (this.connection === undefined) return;
    for (const g of this.groups) {
      if (this.link === null) {
        g.up = g.clients;
        for (const c of g.reconnect) c.clear();
        g.connect.clear();
        continue;
      }
      let pending = 0;
      for (const c of g.reconnect) {
        pending += c.total * share;
        c.scale(1 - share);
      }
      pending += g.connect.total * share;
      g.connect.scale(1 - share);
      const x = g.up * share;
      g.up -= x;
      this.resetClients(g, this.own(n), x + pending, this.frac(n));
    }
  }

  /** Moves the clients so that `count` of them are blocked (group 1 is the blocked group). */
  setBlocked(count: number): void {
    const a = this.groups[0]!;
    const b = this.groups[1];
    if (b === undefined) return;
    b.blocked = true;
    const target = Math.max(0, Math.min(count, a.clients + b.clients));
    if (target > b.clients + 1e-12 && a.clients > 0)
      a.moveShare(b, Math.min(1, (target - b.clients) / a.clients));
    else if (target < b.clients - 1e-12 && b.clients > 0) b.moveShare(a, (b.clients - target) / b.clients);
  }

  /** Number of values {@link readFlows} writes. */
  get flowCount(): number {
    return 11 + 2 * this.k;
  }

  /** Writes the interval counters (flows) at `o`; returns the next offset. Allocation-free. */
  readFlows(out: Float64Array, o: number): number {
    const k = this.counters;
    out[o++] = k.firstAttempts;
    out[o++] = k.attempts;
    out[o++] = k.setups;
    out[o++] = k.successes;
    out[o++] = k.timeouts;
    out[o++] = k.errors;
    out[o++] = k.rejected;
    out[o++] = k.refused;
    out[o++] = k.resolved;
    out[o++] = k.resolvedOk;
    out[o++] = k.durationSum;
    for (let c = 0; c < this.k; c++) {
      out[o++] = this.resolveAge[c]!;
      out[o++] = this.resolveMass[c]!;
    }
    return o;
  }

  /** Adds `times` x the flows in `d` at `o` (as {@link readFlows} wrote them) to the counters; returns the next offset. */
  addFlows(d: Float64Array, o: number, times: number): number {
    const k = this.counters;
    k.firstAttempts += times * d[o++]!;
    k.attempts += times * d[o++]!;
    k.setups += times * d[o++]!;
    k.successes += times * d[o++]!;
    k.timeouts += times * d[o++]!;
    k.errors += times * d[o++]!;
    k.rejected += times * d[o++]!;
    k.refused += times * d[o++]!;
    k.resolved += times * d[o++]!;
    k.resolvedOk += times * d[o++]!;
    k.durationSum += times * d[o++]!;
    for (let c = 0; c < this.k; c++) {
      this.resolveAge[c] = this.resolveAge[c]! + times * d[o++]!;
      this.resolveMass[c] = this.resolveMass[c]! + times * d[o++]!;
    }
    return o;
  }

  /** Number of values {@link readState} writes. */
  get stateCount(): number {
    return 5 + this.groups.length * (2 + 3 * this.k + this.reconnectClasses + 1);
  }

  /**
   * Writes the caller's aggregate state at `o` (per group: clients, up connections, requests waiting per class, the
   * mass pending in every calendar; and this step's resolutions); returns the next offset. Allocation-free.
   */
  readState(out: Float64Array, o: number): number {
    out[o++] = this.loadFactor;
    out[o++] = this.pendingFirst;
    out[o++] = this.stepResolved;
    out[o++] = this.stepOk;
    out[o++] = this.stepDuration;
    for (const g of this.groups) {
      out[o++] = g.clients;
      out[o++] = g.up;
      for (let c = 0; c < this.k; c++) {
        out[o++] = g.waitTotal[c]!;
        out[o++] = g.retryT[c]!.total;
        out[o++] = g.retryE[c]!.total;
      }
      for (let s = 0; s < this.reconnectClasses; s++) out[o++] = g.reconnect[s]!.total;
      out[o++] = g.connect.total;
    }
    return o;
  }

  /** The longest memory of this caller's rings and calendars, model steps. */
  get memorySteps(): number {
    let m = Math.max(this.l, this.hLen);
    for (const g of this.groups) {
      for (const c of g.retryT) m = Math.max(m, c.len);
      for (const c of g.reconnect) m = Math.max(m, c.len);
      m = Math.max(m, g.connect.len);
    }
    return m * this.every;
  }

  /** Latency histograms at a snapshot, then what one period added (FluidSkip). */
  private readonly latencyBefore = new Float64Array(LatencyHistogram.FLUID.buckets);
  private readonly latencyAllBefore = new Float64Array(LatencyHistogram.FLUID.buckets);

  /** Remembers the latency histograms now (the start of a period, for {@link closeLatencyPeriod}). */
  snapshotLatency(): void {
    this.latencyBefore.set(this.latency.counts);
    this.latencyAllBefore.set(this.latencyAll.counts);
  }

  /** Turns the snapshot into what was recorded since (one period's samples), for {@link repeatLatency}. */
  closeLatencyPeriod(): void {
    periodDelta(this.latency, this.latencyBefore);
    periodDelta(this.latencyAll, this.latencyAllBefore);
  }

  /** Records `times` x one period's samples (see {@link closeLatencyPeriod}) again. */
  repeatLatency(times: number): void {
    repeatInto(this.latency, this.latencyBefore, times);
    repeatInto(this.latencyAll, this.latencyAllBefore, times);
  }

  rollInterval(): void {
    this.counters.roll();
    this.latency.reset();
    this.counters.resolved = 0;
    this.counters.resolvedOk = 0;
    this.counters.durationSum = 0;
  }
}

function periodDelta(h: LatencyHistogram, before: Float64Array): void {
  const counts = h.counts;
  for (let b = 0; b < counts.length; b++) before[b] = counts[b]! - before[b]!;
}

function repeatInto(h: LatencyHistogram, delta: Float64Array, times: number): void {
  for (let b = 0; b < delta.length; b++) {
    const d = delta[b]!;
    if (d > 0) h.addToBucket(b, times * d);
  }
}
