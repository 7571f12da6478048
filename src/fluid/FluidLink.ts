import type { LinkSpec } from "../spec/LinkSpec.js";

/**
 * A device group as a fluid FIFO: the k devices are pooled into one server of k device-seconds per second, with a
 * buffer of k x `buffer` jobs. Work is counted at the cost in force when it was admitted (`1 / forwardRate` or
 * `1 / setupRate`, divided by a fault's capacity factor), as the event model fixes a job's completion at enqueue: a job
 * admitted at time t leaves the devices at t + backlog / k + its cost, and crosses the latency.
 *
 * Admission uses the previous step's offered jobs (one step of lag): the share admitted is what fits in the buffer
 * after this step's departures; the rest is dropped (loss when full).
 */
export class FluidLink {
  readonly name: string;
  readonly spec: LinkSpec;
  /** One-way latency, seconds (a constant; distributions are refused). */
  readonly latency: number;
  devices: number;
  /** Fault state. */
  capacityFactor = 1;
  dropRate = 0;
  partitioned = false;
  addedLatency = 0;
  /** Backlog, device-seconds (at admission cost). */
  work = 0;
  /** Jobs in the buffer. */
  jobs = 0;
  /** Share of offered jobs admitted in the current step. */
  admit = 1;
  private offeredLast = 0;
  private offered = 0;
  private roomLeft = 0;
  /**
   * Offers of callers that step every e > 1 model steps (multi-rate step), as a rate: an offer of m jobs counts m / e
   * in each of the e model steps it stands for (a ring indexed by model step), so the admitted share is decided on
   * the offered rate, as if those callers offered every step.
   */
  private spread = new Float64Array(1);
  private spreadLast = 0;
  /** Jobs and work of such offers admitted for later model steps (they enter the buffer one share per step). */
  private pendJobs = new Float64Array(1);
  private pendWork = new Float64Array(1);
  /** The model step of the current step, and its slot in the rings (`n % ring length`). */
  private n = 0;
  private slot = 0;
  /** Interval counters. */
  setups = 0;
  forwarded = 0;
  drops = 0;
  admittedWork = 0;
  wastedWork = 0;
  doneWork = 0;
  /** Run totals. */
  readonly totals = { setups: 0, forwarded: 0, drops: 0, admitted: 0, wasted: 0 };
  /** Largest jobs in the buffer this interval. */
  peakJobs = 0;

  constructor(name: string, spec: LinkSpec) {
    this.name = name;
    this.spec = spec;
    this.latency = typeof spec.latency === "number" ? spec.latency : 0;
    this.devices = spec.devices;
  }

  /** Buffer capacity, jobs. */
  get capacityJobs(): number {
    return this.devices * this.spec.buffer;
  }

  /** Setups per second the devices can do. */
  get setupCapacity(): number {
    return this.devices * this.spec.setupRate;
  }

  /** Queueing delay of a job admitted now, seconds (before its own cost). */
  get delay(): number {
    return this.devices > 0 ? this.work / this.devices : Number.POSITIVE_INFINITY;
  }

  /** One-way crossing latency now, seconds. */
  get crossing(): number {
    return this.latency + this.addedLatency;
  }

  /** Cost of one job of this kind now, device-seconds. */
  cost(setup: boolean): number {
    return (setup ? 1 / this.spec.setupRate : 1 / this.spec.forwardRate) / this.capacityFactor;
  }

  /** Makes room for offers of callers that step every `every` model steps (see {@link offer}). */
  spreadOver(every: number): void {
    if (every > this.spread.length) {
      this.spread = new Float64Array(every);
      this.pendJobs = new Float64Array(every);
      this.pendWork = new Float64Array(every);
    }
  }

  /** Starts model step `n` of `dt` seconds: decides this step's admitted share from the buffer room. */
  beginStep(dt: number, n = this.n + 1): void {
    this.n = n;
    this.slot = this.spread.length === 1 ? 0 : n % this.spread.length;
    const offeredLast = this.offeredLast + this.spreadLast;
    if (this.pendJobs.length > 1) {
      const s = this.slot;
      this.jobs += this.pendJobs[s]!;
      this.work += this.pendWork[s]!;
      this.pendJobs[s] = 0;
      this.pendWork[s] = 0;
    }
    const k = this.devices;
    if (this.partitioned || k <= 0) {
      this.admit = 0;
      this.roomLeft = 0;
    } else {
      const drain = Math.min(this.work, k * dt);
      const departing = this.work > 0 ? (this.jobs * drain) / this.work : 0;
      const room = this.capacityJobs - this.jobs + departing;
      this.admit = offeredLast > room ? Math.max(0, room) / offeredLast : 1;
      this.admit *= 1 - this.dropRate;
      this.roomLeft = Math.max(0, room);
    }
    this.offered = 0;
  }

  /**
   * Offers `m` jobs (setups when `setup`) whose callers wait until `deadlineIn` seconds from now; returns the mass
   * admitted (the rest is dropped). The admitted work is added to the backlog. A caller that steps every `every`
   * model steps offers `every` steps' worth at once: it counts as a rate of m / every per step in the offer that
   * decides the next steps' admitted share (call {@link spreadOver} first).
   */
  offer(m: number, setup: boolean, deadlineIn: number, returnTrip: number, every = 1): number {
    if (!(m > 0)) return 0;
    // Slot (n + i) % len from n % len, without a division in the common case.
    const len = this.spread.length;
    const s0 = this.slot;
    if (every === 1) this.offered += m;
    else {
      const ring = this.spread;
      const per = m / every;
      for (let i = 0; i < every; i++) {
        const s = s0 + i < len ? s0 + i : (s0 + i) % len;
        ring[s] = ring[s]! + per;
      }
    }
    // Such an offer stands for `every` steps: it may use as many steps' room, and its jobs enter the buffer one
    // share per step (this one and the next every - 1), as if offered every step.
    const a = Math.min(m * this.admit, every * this.roomLeft);
    this.roomLeft -= a / every;
    this.drops += m - a;
    if (a <= 0) return 0;
    const c = this.cost(setup);
    const finish = this.delay + c + returnTrip;
    if (setup) this.setups += a;
    else this.forwarded += a;
    this.admittedWork += a * c;
    if (finish > deadlineIn) this.wastedWork += a * c;
    if (every === 1) {
      this.work += a * c;
      this.jobs += a;
      return a;
    }
    const per = a / every;
    this.work += per * c;
    this.jobs += per;
    for (let i = 1; i < every; i++) {
      const s = s0 + i < len ? s0 + i : (s0 + i) % len;
      this.pendJobs[s] = this.pendJobs[s]! + per;
      this.pendWork[s] = this.pendWork[s]! + per * c;
    }
    return a;
  }

  /** Ends the step: the devices drain `dt` seconds of backlog. */
  endStep(dt: number): void {
    this.offeredLast = this.offered;
    const s = this.slot;
    this.spreadLast = this.spread[s]!;
    this.spread[s] = 0;
    const k = this.devices;
    const drain = Math.min(this.work, k * dt);
    if (this.work > 0) this.jobs -= (this.jobs * drain) / this.work;
    this.work -= drain;
    if (this.work < 1e-12) {
      this.work = 0;
      this.jobs = 0;
    }
    this.doneWork += drain;
    if (this.jobs > this.peakJobs) this.peakJobs = this.jobs;
  }

  /** Devices removed: the work buffered on them is lost (a share `lost` of the backlog). */
  removeDevices(n: number): number {
    const before = this.devices;
    const removed = Math.min(n, before);
    this.devices = before - removed;
    const lost = before > 0 ? removed / before : 0;
    this.work *= 1 - lost;
    this.jobs *= 1 - lost;
    for (let i = 0; i < this.pendJobs.length; i++) {
      this.pendJobs[i] = this.pendJobs[i]! * (1 - lost);
      this.pendWork[i] = this.pendWork[i]! * (1 - lost);
    }
    return lost;
  }

  /** Number of values {@link readFlows} writes. */
  static readonly FLOWS = 5;

  /**
   * Writes the interval counters (flows) at `o`; returns the next offset. The work done is left out: in a steady step
   * the backlog does not change, so the work done equals the work admitted (and a telemetry job, offered before the
   * step's flows are read, would otherwise show up in it).
   */
  readFlows(out: Float64Array, o: number): number {
    out[o++] = this.setups;
    out[o++] = this.forwarded;
    out[o++] = this.drops;
    out[o++] = this.admittedWork;
    out[o++] = this.wastedWork;
    return o;
  }

  /** Adds `times` x the flows in `d` at `o` to the counters (work done = work admitted); returns the next offset. */
  addFlows(d: Float64Array, o: number, times: number): number {
    this.setups += times * d[o++]!;
    this.forwarded += times * d[o++]!;
    this.drops += times * d[o++]!;
    const admitted = times * d[o++]!;
    this.admittedWork += admitted;
    this.doneWork += admitted;
    this.wastedWork += times * d[o++]!;
    return o;
  }

  /** Number of values {@link readState} writes. */
  static readonly STATE = 8;

  /**
   * Writes the state (backlog, jobs, admitted share, devices, fault factor, drop rate) at `o`. The last step's offer
   * is left out: it acts only through the admitted share (a telemetry job offered on an idle link changes nothing).
   */
  readState(out: Float64Array, o: number): number {
    out[o++] = this.work;
    out[o++] = this.jobs;
    out[o++] = this.admit;
    out[o++] = this.devices;
    out[o++] = this.capacityFactor;
    out[o++] = this.dropRate;
    // Offers of coarse callers standing for the next steps, and their jobs still to enter the buffer.
    let spread = 0;
    let pending = 0;
    for (let i = 0; i < this.spread.length; i++) spread += this.spread[i]!;
    for (let i = 0; i < this.pendJobs.length; i++) pending += this.pendJobs[i]!;
    out[o++] = spread + this.spreadLast;
    out[o++] = pending;
    return o;
  }

  resetInterval(): void {
    const t = this.totals;
    t.setups += this.setups;
    t.forwarded += this.forwarded;
    t.drops += this.drops;
    t.admitted += this.admittedWork;
    t.wasted += this.wastedWork;
    this.setups = 0;
    this.forwarded = 0;
    this.drops = 0;
    this.admittedWork = 0;
    this.wastedWork = 0;
    this.doneWork = 0;
    this.peakJobs = this.jobs;
  }
}
