import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { LinkSpec } from "../spec/LinkSpec.js";
import { IntervalCounters } from "./IntervalCounters.js";
import { makeDistribution } from "./makeDistribution.js";

/** The counters of a device group (see `DeviceGroup.counts`). */
const LINK_COUNTERS = ["forwarded", "setups", "drops", "admittedWork", "wastedWork"] as const;
type LinkCounterName = (typeof LINK_COUNTERS)[number];

/** Returned by `DeviceGroup.enqueue` when the job was dropped (buffer full, partition, policing). */
export const DROPPED = -1;

/**
 * A group of k parallel devices (routing + NAT) joining two networks. Each device is a work-conserving FIFO server
 * with deterministic job costs (1/forwardRate for a forwarded request, 1/setupRate for a connection setup) and a
 * finite buffer of `buffer` jobs shared by both kinds. Because the server is FIFO with known costs, a job's completion
 * time is computed when it is enqueued: no event is needed for the device itself. With `queues: separate` each device
 * has two such servers, one for setups and one for forwarded requests, each with its own buffer of `buffer` jobs (a
 * proxy whose accept backlog holds only new connections and that forwards established connections apart).
 *
 * Wasted work is known at enqueue too: a job whose completion (plus the latency still ahead) falls after its caller's
 * deadline is work for a caller who will have left.
 *
 * Faults change the group for work enqueued from then on only: a job's completion is fixed when it is enqueued, so
 * a capacity fault (`costFactor`) does not slow the jobs already buffered, and its end does not speed them up; a
 * latency fault (`addedLatency`) is added to crossings that start after it; `dropRate` and `partitioned` refuse new
 * jobs and leave buffered ones to complete. A partition therefore lets the backlog drain for up to
 * buffer x cost seconds (at most a few seconds with the built-in scenarios' buffers).
 *
 * Latency: `crossing()` is one traversal, the link's base latency plus `addedLatency`. A constant base latency draws
 * nothing; a distribution (`links.<l>.latency: { type: ... }`) is drawn once per crossing from its own stream
 * (`link/<name>/latency`), so it never shifts the device-picking or drop draws of the `link/<name>` stream.
 */
export class DeviceGroup {
  readonly name: string;
  /** Mean one-way base latency, seconds (the constant, or the distribution's mean). */
  readonly latency: number;
  /** The base latency's distribution, or undefined when it is constant. */
  private readonly latencyDist: Distribution | undefined;
  private readonly latencyRng: Rng | undefined;
  readonly bufferSize: number;
  /**
   * `links.<l>.setupRetransmit`, seconds: a connection setup this group drops is sent again by its client after this
   * delay, then after doubling delays, within the setup's timeout (TCP's SYN retransmission). 0 (the default): a
   * dropped setup is silent and its client learns of it only when its setup timeout fires.
   */
  readonly setupRetransmit: number;
  readonly forwardCost: number;
  readonly setupCost: number;
  /** Queues (FIFO servers) per device: 1 (`queues: shared`, the default) or 2 (`separate`: setups at 2d, requests at 2d+1). */
  private readonly stride: number;
  /** Cost multiplier from faults (1 / capacityFactor). */
  costFactor = 1;
  /** Extra latency from faults, seconds. */
  addedLatency = 0;
  /** Drop probability from faults. */
  dropRate = 0;
  partitioned = false;

  devices = 0;
  /** Per queue (`stride` per device): time its backlog clears. */
  private busyUntil: Float64Array;
  /** Per queue: ring buffer of completion times of jobs in the system (for buffer occupancy). */
  private rings: Float64Array[] = [];
  private ringHead: Int32Array;
  private ringSize: Int32Array;
  /** Per queue: total work admitted (seconds), and the part of it done by the last utilisation tick. */
  private admitted: Float64Array;
  private doneAtTick: Float64Array;
  /**
   * Per device: bumped when the device is removed. A job records its device's epoch when it is enqueued; when the
   * epoch has changed by the time the job would leave, the device (and the job in its buffer) is gone.
   */
  epoch: Int32Array;
  /** Draws fault drops (`link/<name>/drops`). Device picks use the caller's own stream (`pickDevice(rng)`). */
  private readonly dropRng: Rng;

  /**
   * Interval and run counters: jobs `forwarded`, `setups` and `drops` (every job dropped: partition, fault, full
   * buffer, no device), `admittedWork` and `wastedWork` in device-seconds. Read by the recorder, rolled at each tick.
   */
  readonly counts = new IntervalCounters(LINK_COUNTERS);
  /** `counts.now`, held directly: the enqueue path counts with one load (named apart from enqueue's time `now`). */
  private readonly interval: Record<LinkCounterName, number> = this.counts.now;

  /**
   * @param dropRng fault drops (`link/<name>/drops`); device picks use each caller's own stream.
   * @param latencyRng draws of a distributed latency (`link/<name>/latency`); required when `spec.latency` is a
   *   distribution other than a constant.
   */
  constructor(name: string, spec: LinkSpec, dropRng: Rng, latencyRng?: Rng) {
    this.name = name;
    const lat = spec.latency;
    if (typeof lat === "number" || lat.type === "constant") {
      this.latency = typeof lat === "number" ? lat : lat.value;
      this.latencyDist = undefined;
      this.latencyRng = undefined;
    } else {
      this.latencyDist = makeDistribution(lat);
      this.latency = this.latencyDist.mean;
      this.latencyRng = latencyRng ?? dropRng;
    }
    this.bufferSize = Math.max(1, Math.round(spec.buffer));
    this.setupRetransmit = spec.setupRetransmit ?? 0;
    this.forwardCost = 1 / spec.forwardRate;
    this.setupCost = 1 / spec.setupRate;
    this.stride = spec.queues === "separate" ? 2 : 1;
    this.dropRng = dropRng;
    const cap = Math.max(16, spec.devices * 4);
    const queues = cap * this.stride;
    this.busyUntil = new Float64Array(queues);
    this.ringHead = new Int32Array(queues);
    this.ringSize = new Int32Array(queues);
    this.admitted = new Float64Array(queues);
    this.doneAtTick = new Float64Array(queues);
    this.epoch = new Int32Array(cap);
    this.addDevices(spec.devices);
  }

  /** True when the base latency is a distribution (each crossing is a fresh draw). */
  get latencyDistributed(): boolean {
    return this.latencyDist !== undefined;
  }

  /** Cold path of `enqueue` (kept out of it so that it stays small enough for V8 to inline). */
  /**
   * Drops a job (counted in `drops`) when the group has no device, is partitioned or a fault's `dropRate` drops it;
   * a job for a removed device is a model bug and stops the run.
   */
  private refuses(device: number): boolean {
    if (this.devices === 0) {
      this.interval.drops++;
      return true;
    }
    if (device >= this.devices) this.removedDevice(device);
    if (this.partitioned || (this.dropRate > 0 && this.dropRng.next() < this.dropRate)) {
      this.interval.drops++;
      return true;
    }
    return false;
  }

  private removedDevice(device: number): never {
    throw new Error(`${this.name}: job enqueued on removed device ${device}`);
  }

  /**
   * One crossing of the group, seconds: the base latency (drawn, when it is a distribution; negative draws count as
   * 0) plus the faults' `addedLatency`. Each direction of a call, a setup or a telemetry emission is one crossing.
   */
  crossing(): number {
    // Kept tiny so that V8 inlines it into every caller: a double returned from a call that is not inlined is boxed
    // (one heap allocation per crossing). The draw lives in its own method.
    return this.latencyDist === undefined ? this.latency + this.addedLatency : this.drawCrossing();
  }

  /**
   * A connection setup's round trip, seconds: two crossings (`crossing()` out and back; two draws, out first, when the
   * latency is a distribution).
   */
  roundTrip(): number {
    return this.latencyDist === undefined
      ? 2 * (this.latency + this.addedLatency)
      : this.drawCrossing() + this.drawCrossing();
  }

  private drawCrossing(): number {
    return Math.max(this.latencyDist!.sample(this.latencyRng!), 0) + this.addedLatency;
  }

  /** Setup capacity of the whole group, setups per second (with faults applied). */
  get setupCapacity(): number {
    return this.devices / (this.setupCost * this.costFactor);
  }

  /** Adds `n` devices; they start clean (idle, empty, no work counted). Existing connections stay on their devices. */
  addDevices(n: number): void {
    const total = this.devices + n;
    const st = this.stride;
    if (total > this.epoch.length) {
      // per-queue arrays hold `st` entries per device, the epochs one
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (k: number) => T, per = st): T => {
        const b = make(total * 2 * per);
        b.set(a);
        return b;
      };
      this.busyUntil = grow(this.busyUntil, (k) => new Float64Array(k));
      this.ringHead = grow(this.ringHead, (k) => new Int32Array(k));
      this.ringSize = grow(this.ringSize, (k) => new Int32Array(k));
      this.admitted = grow(this.admitted, (k) => new Float64Array(k));
      this.doneAtTick = grow(this.doneAtTick, (k) => new Float64Array(k));
      this.epoch = grow(this.epoch, (k) => new Int32Array(k), 1);
    }
    for (let q = this.devices * st; q < total * st; q++) {
      this.rings.push(new Float64Array(this.bufferSize));
      this.busyUntil[q] = 0;
      this.ringHead[q] = 0;
      this.ringSize[q] = 0;
      this.admitted[q] = 0;
      this.doneAtTick[q] = 0;
    }
    this.devices = total;
  }

  /**
   * Removes the last `n` devices and returns the new count. The work buffered on them is lost (their epoch changes,
   * so `alive` is false for it and its callers time out); the connections pinned to them are torn down by their
   * fleets (World.removeLinkDevices). Removing every device leaves a link that drops everything sent to it (counted
   * in `drops`) until devices are added again.
   */
  removeDevices(n: number): number {
    const keep = Math.max(0, this.devices - n);
    const st = this.stride;
    for (let d = keep; d < this.devices; d++) this.epoch[d] = this.epoch[d]! + 1;
    for (let q = keep * st; q < this.devices * st; q++) {
      this.busyUntil[q] = 0;
      this.ringHead[q] = 0;
      this.ringSize[q] = 0;
      this.admitted[q] = 0;
      this.doneAtTick[q] = 0;
    }
    this.devices = keep;
    this.rings.length = keep * st;
    return keep;
  }

  /** A device for a new flow, drawn from the caller's stream `rng`: uniform over the current devices (ECMP-like). */
  pickDevice(rng: Rng): number {
    return this.devices <= 1 ? 0 : Math.floor(rng.next() * this.devices);
  }

  /** Is device `device` still the one of epoch `epoch` (not removed since a job was enqueued on it)? */
  alive(device: number, epoch: number): boolean {
    return device < this.devices && this.epoch[device] === epoch;
  }

  /**
   * Enqueues a job on `device` at time `now`. Returns the time the job leaves the device (before latency), or
   * DROPPED. `deadline` is the caller's deadline for the result at the far end and `ahead` the latency still ahead
   * after the device: when `completion + ahead > deadline` the job's work is counted as wasted.
   */
  enqueue(device: number, now: number, setup: boolean, deadline: number, ahead: number): number {
    // Kept under V8's inlining limit (460 bytes of bytecode): a call that is not inlined boxes its three double
    // arguments and its double result. The rare cases (no device, a removed device, a partition, fault drops) cost
    // one test here and live in `refuses`.
    if ((device >= this.devices || this.partitioned || this.dropRate > 0) && this.refuses(device))
      return DROPPED;
    // the device's queue: itself (shared), or its setup or forwarding queue (separate)
    const st = this.stride;
    const q = setup ? device * st : device * st + st - 1;
    const ring = this.rings[q]!;
    const cap = this.bufferSize;
    let head = this.ringHead[q]!;
    let size = this.ringSize[q]!;
    while (size > 0 && ring[head]! <= now) {
      head = head + 1 === cap ? 0 : head + 1;
      size--;
    }
    if (size >= cap) {
      this.ringHead[q] = head;
      this.ringSize[q] = size;
      this.interval.drops++;
      return DROPPED;
    }
    const cost = (setup ? this.setupCost : this.forwardCost) * this.costFactor;
    const bu = this.busyUntil[q]!;
    const done = Math.max(bu, now) + cost;
    this.busyUntil[q] = done;
    let tail = head + size;
    if (tail >= cap) tail -= cap;
    ring[tail] = done;
    this.ringHead[q] = head;
    this.ringSize[q] = size + 1;
    this.admitted[q] = this.admitted[q]! + cost;
    const n = this.interval;
    n.admittedWork += cost;
    if (done + ahead > deadline) n.wastedWork += cost;
    if (setup) n.setups++;
    else n.forwarded++;
    return done;
  }

  /** Jobs in the system (waiting + in service) over all devices at time `now`. */
  queueLength(now: number): number {
    let total = 0;
    const cap = this.bufferSize;
    for (let q = 0; q < this.devices * this.stride; q++) {
      const ring = this.rings[q]!;
      let head = this.ringHead[q]!;
      let size = this.ringSize[q]!;
      while (size > 0 && ring[head]! <= now) {
        head = head + 1 === cap ? 0 : head + 1;
        size--;
      }
      this.ringHead[q] = head;
      this.ringSize[q] = size;
      total += size;
    }
    return total;
  }

  /**
   * Mean utilisation of the devices since the previous call: work actually done (admitted work minus the backlog
   * still ahead) over elapsed device time. Call once per metrics interval. NaN (no data) while the link has no
   * device. With `queues: separate`, the busier of the two servers (setups or forwarding) over the group.
   */
  utilisationSinceTick(now: number, elapsed: number): number {
    if (this.devices === 0) return Number.NaN;
    if (elapsed <= 0) return 0;
    const st = this.stride;
    let busiest = 0;
    for (let k = 0; k < st; k++) {
      let done = 0;
      for (let d = 0; d < this.devices; d++) {
        const q = d * st + k;
        const backlog = this.busyUntil[q]! > now ? this.busyUntil[q]! - now : 0;
        const doneTotal = this.admitted[q]! - backlog;
        done += doneTotal - this.doneAtTick[q]!;
        this.doneAtTick[q] = doneTotal;
      }
      busiest = Math.max(busiest, done);
    }
    return busiest / (elapsed * this.devices);
  }

  /** Moves the interval counters into the run totals and resets them. */
  resetInterval(): void {
    this.counts.roll();
  }
}
