import type { Clock } from "../core/Clock.js";
import type { Rng } from "../core/Rng.js";
import { StampedeError } from "../core/StampedeError.js";
import { ColumnPool } from "./ColumnPool.js";
import { EventHeap } from "./EventHeap.js";
import { TimerLane } from "./TimerLane.js";
import { Xoshiro128 } from "./Xoshiro128.js";

/** Handles an event of one kind. `target` is an entity index, `payload` any number (an id, an amount, a time). */
export type EventHandler = (target: number, payload: number) => void;

/** Observes every event as it runs (for traces and debugging; slows the loop slightly when set). */
export type TraceHook = (time: number, kind: number, target: number, payload: number) => void;

/** An opaque reference to a scheduled event, for `cancel`. Stale handles are harmless. */
export type Handle = number;

export interface SimulationOptions {
  /** Root seed of the simulation's random streams. Default 1. */
  seed?: number;
  /** Initial number of event slots; the pool doubles when full. Default 1024. */
  initialCapacity?: number;
}

/** Kind 0 is reserved for cold-path callbacks scheduled with `schedule`. */
const CALLBACK = 0;
const CANCELLED = -1;
/** Handles are `generation * SLOT_LIMIT + slot`: at most 2^26 events pending at once, exact below 2^53. */
const SLOT_LIMIT = 2 ** 26;
const GEN_MASK = SLOT_LIMIT - 1;
/**
 * Sequence offset of the urgent tier: an urgent event's sequence number is `seq - URGENT_OFFSET` (negative), so at
 * equal times it sorts before every normal event (sequence numbers stay below 2^52, and the sums are exact).
 */
const URGENT_OFFSET = 2 ** 52;

/**
 * A discrete-event simulation: a virtual clock (seconds, float64) and an event queue. Events run in (time, tier,
 * sequence) order, so events at the same time and tier run in the order they were scheduled and a run is a pure
 * function of its inputs. There are two tiers: urgent (`urgentAt`, for bookkeeping such as metrics ticks, which must
 * see the state before anything else happens at that instant) and normal (everything else).
 *
 * Hot path: register a handler per event kind once (`register`), then schedule with `at`/`after`/`inLane`, which take
 * numbers only and allocate nothing. `schedule(delay, fn)` is a convenience for cold paths.
 */
export class Simulation implements Clock {
  private t = 0;
  private nextSeq = 0;
  private processed = 0;
  private running = false;
  private stopped = false;
  private liveCancelled = 0;

  private readonly heap: EventHeap;
  private readonly lanes: TimerLane[] = [];
  /** The lane whose head is the earliest (time, seq) of all lanes' heads, or -1 when every lane is empty. */
  private laneNext = -1;
  private readonly handlers: (EventHandler | undefined)[] = [undefined];
  private readonly kindNames: string[] = ["callback"];
  private callbacks: ((() => void) | undefined)[] = [];

  /** Event slots (kind, target, payload, generation), one per pending event, recycled by `slots`. */
  private readonly slots: ColumnPool;
  private sKind: Int32Array;
  private sTarget: Int32Array;
  private sPayload: Float64Array;
  private sGen: Int32Array;

  private readonly root: Xoshiro128;
  /** Optional observer of every event; undefined for full speed. */
  trace: TraceHook | undefined = undefined;

  constructor(options: SimulationOptions = {}) {
    const cap = options.initialCapacity ?? 1024;
    this.heap = new EventHeap(cap);
    const slots = new ColumnPool(cap, { maxCapacity: SLOT_LIMIT, what: "events pending" });
    this.slots = slots;
    this.sKind = slots.column(new Int32Array(cap), (a) => {
      this.sKind = a;
    });
    this.sTarget = slots.column(new Int32Array(cap), (a) => {
      this.sTarget = a;
    });
    this.sPayload = slots.column(new Float64Array(cap), (a) => {
      this.sPayload = a;
    });
    this.sGen = slots.column(new Int32Array(cap), (a) => {
      this.sGen = a;
    });
    this.root = new Xoshiro128(options.seed ?? 1);
  }

  /** Current virtual time in seconds. */
  now(): number {
    return this.t;
  }

  /** Number of events run so far (cancelled events are not counted). */
  get events(): number {
    return this.processed;
  }

  /** Number of events scheduled and not yet run or cancelled. */
  get pending(): number {
    let n = this.heap.size;
    for (const lane of this.lanes) n += lane.size;
    return n - this.liveCancelled;
  }

  /** An independent random stream named `name`, derived from the simulation's seed. */
  rng(name: string): Rng {
    return this.root.fork(name);
  }

  /** Registers a handler and returns its event kind (a small integer). */
  register(handler: EventHandler, name = `kind${this.handlers.length}`): number {
    this.handlers.push(handler);
    this.kindNames.push(name);
    return this.handlers.length - 1;
  }

  /** The name given to `kind` at registration. */
  kindName(kind: number): string {
    return this.kindNames[kind] ?? `unknown(${kind})`;
  }

  /** Schedules an event of `kind` at absolute time `time` (seconds, >= now). */
  at(time: number, kind: number, target: number, payload: number): Handle {
    if (!(time >= this.t)) this.badTime(time);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    const slot = this.alloc(kind, target, payload);
    this.heap.push(time, this.nextSeq++, slot);
    return this.sGen[slot]! * SLOT_LIMIT + slot;
  }

  /**
   * As `at`, for an event nobody cancels (an arrival, a response, a set-up's result): no handle is made. The handle
   * is a double above 2^31, and where V8 does not inline the call (a long chain of handlers spent its inlining budget)
   * a returned double is boxed on every call. Written out rather than sharing a helper with `at`: the helper's extra
   * call level stays out of line in the same chains (callgrind, 2021 run to 2,400 s: +0.5% instructions shared,
   * -1.9% written out; docs/performance.md).
   */
  postAt(time: number, kind: number, target: number, payload: number): void {
    if (!(time >= this.t)) this.badTime(time);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    this.heap.push(time, this.nextSeq++, this.alloc(kind, target, payload));
  }

  /**
   * Schedules an event of `kind` at absolute time `time` (seconds, >= now) in the urgent tier: it runs before every
   * normal event at the same time, and after the urgent events scheduled before it for that time. For bookkeeping
   * (samplers, periodic ticks); model events use `at`/`after`/`inLane`.
   */
  urgentAt(time: number, kind: number, target: number, payload: number): Handle {
    if (!(time >= this.t)) this.badTime(time);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    const slot = this.alloc(kind, target, payload);
    this.heap.push(time, this.nextSeq++ - URGENT_OFFSET, slot);
    return this.sGen[slot]! * SLOT_LIMIT + slot;
  }

  /** Schedules an event of `kind` after `delay` seconds (>= 0). */
  after(delay: number, kind: number, target: number, payload: number): Handle {
    if (!(delay >= 0)) this.badDelay(delay);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    const slot = this.alloc(kind, target, payload);
    this.heap.push(this.t + delay, this.nextSeq++, slot);
    return this.sGen[slot]! * SLOT_LIMIT + slot;
  }

  /** As `after`, for an event nobody cancels: no handle is made (see `postAt`). */
  postAfter(delay: number, kind: number, target: number, payload: number): void {
    if (!(delay >= 0)) this.badDelay(delay);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    this.heap.push(this.t + delay, this.nextSeq++, this.alloc(kind, target, payload));
  }

  /**
   * Returns the id of the FIFO lane for events that all wait exactly `delay` seconds (created on first use). Use it
   * for per-attempt timeouts: `inLane` is O(1) where `after` is O(log n).
   */
  lane(delay: number): number {
    if (!(delay >= 0) || !Number.isFinite(delay)) this.badDelay(delay);
    for (let i = 0; i < this.lanes.length; i++) if (this.lanes[i]!.delay === delay) return i;
    this.lanes.push(new TimerLane(delay));
    return this.lanes.length - 1;
  }

  /** Schedules an event of `kind` after the lane's fixed delay. */
  inLane(lane: number, kind: number, target: number, payload: number): Handle {
    const l = this.lanes[lane];
    if (l === undefined) this.badLane(lane);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    const slot = this.alloc(kind, target, payload);
    l.push(this.t + l.delay, this.nextSeq++, slot);
    if (l.size === 1) this.laneHeadAdded(lane);
    return this.sGen[slot]! * SLOT_LIMIT + slot;
  }

  /** As `inLane`, for an event nobody cancels (a set-up's timeout): no handle is made (see `postAt`). */
  postInLane(lane: number, kind: number, target: number, payload: number): void {
    const l = this.lanes[lane];
    if (l === undefined) this.badLane(lane);
    if (kind <= 0 || kind >= this.handlers.length) this.badKind(kind);
    l.push(this.t + l.delay, this.nextSeq++, this.alloc(kind, target, payload));
    if (l.size === 1) this.laneHeadAdded(lane);
  }

  /** Cold-path convenience: runs `fn` after `delay` seconds. Allocates a closure; keep it off hot paths. */
  schedule(delay: number, fn: () => void): Handle {
    if (!(delay >= 0)) this.badDelay(delay);
    const slot = this.alloc(CALLBACK, 0, 0);
    this.callbacks[slot] = fn;
    this.heap.push(this.t + delay, this.nextSeq++, slot);
    return this.sGen[slot]! * SLOT_LIMIT + slot;
  }

  /** Cancels a pending event. Returns false when it already ran or was cancelled (stale handles are harmless). */
  cancel(handle: Handle): boolean {
    // exact float arithmetic (SLOT_LIMIT is a power of two), and cheaper than the float modulo
    const gen = Math.floor(handle / SLOT_LIMIT);
    const slot = handle - gen * SLOT_LIMIT;
    if (slot >= this.slots.used || this.sGen[slot] !== gen || this.sKind[slot] === CANCELLED) return false;
    // only callback slots hold a closure: never write to the sparse callbacks array on the hot path
    if (this.sKind[slot] === CALLBACK) this.callbacks[slot] = undefined;
    this.sKind[slot] = CANCELLED;
    this.liveCancelled++;
    return true;
  }

  /** Asks a running `run` to return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs events in order until none is left, `until` (seconds, inclusive) is passed or `stop()` is called; the clock
   * then stands at `until` when given and reached. Returns the number of events run by this call.
   */
  run(options: { until?: number } = {}): number {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    if (Number.isNaN(until))
      throw new StampedeError("E_INVALID_TIME", "run({ until }) needs a number, got NaN");
    const ran = this.drive(until, 0);
    if (!this.stopped && until !== Number.POSITIVE_INFINITY && until > this.t) this.t = until;
    return ran;
  }

  /** Runs `loop` under the re-entrancy guard shared by `run` and `step`; returns the number of events run. */
  private drive(until: number, limit: number): number {
    if (this.running)
      throw new StampedeError("E_REENTRANT", "run() or step() called from inside an event handler");
    this.running = true;
    this.stopped = false;
    const before = this.processed;
    try {
      this.loop(until, limit);
    } finally {
      this.running = false;
    }
    return this.processed - before;
  }

  /**
   * The dispatch loop of `run`, written out so that the common case (heap only, live event) costs one heap pop, one
   * slot release and one indirect call. Arrays are re-read after every handler, since handlers may grow them.
   * Returns after `limit` live events when `limit` > 0 (`step`), else when none is left before `until`.
   */
  private loop(until: number, limit: number): void {
    let count = 0;
    const heap = this.heap;
    const lanes = this.lanes;
    const handlers = this.handlers;
    const slots = this.slots;
    while (!this.stopped) {
      let bestTime = Number.POSITIVE_INFINITY;
      let src = -1;
      if (heap.size > 0) bestTime = heap.time[0]!;
      // The lane with the earliest head is kept in `laneNext` (a lane's head changes only when it is popped or was
      // empty), so an event from the heap costs no scan of the lanes.
      const ln = this.laneNext;
      if (ln >= 0) {
        const l = lanes[ln]!;
        const lt = l.time[l.head]!;
        if (lt < bestTime || (lt === bestTime && l.seq[l.head]! < heap.seq[0]!)) {
          bestTime = lt;
          src = ln;
        }
      }
      if (bestTime > until || bestTime === Number.POSITIVE_INFINITY) return;
      let slot: number;
      if (src < 0) slot = heap.pop();
      else {
        slot = lanes[src]!.pop();
        this.laneNext = this.earliestLane();
      }
      const kind = this.sKind[slot]!;
      const sGen = this.sGen;
      sGen[slot] = (sGen[slot]! + 1) & GEN_MASK;
      slots.release(slot);
      if (kind === CANCELLED) {
        this.liveCancelled--;
        continue;
      }
      const target = this.sTarget[slot]!;
      const payload = this.sPayload[slot]!;
      this.t = bestTime;
      this.processed++;
      if (this.trace !== undefined) this.trace(bestTime, kind, target, payload);
      if (kind === CALLBACK) {
        const fn = this.callbacks[slot]!;
        this.callbacks[slot] = undefined;
        fn();
      } else {
        (handlers[kind] as EventHandler)(target, payload);
      }
      if (++count === limit) return;
    }
  }

  /** Runs the next event, whatever its time. Returns false when the queue is empty. */
  step(): boolean {
    return this.drive(Number.POSITIVE_INFINITY, 1) > 0;
  }

  private alloc(kind: number, target: number, payload: number): number {
    const slot = this.slots.alloc();
    this.sKind[slot] = kind;
    this.sTarget[slot] = target;
    this.sPayload[slot] = payload;
    return slot;
  }

  private badTime(time: number): never {
    if (Number.isNaN(time)) throw new StampedeError("E_INVALID_TIME", "event time is NaN");
    throw new StampedeError("E_TIME_IN_PAST", `event time ${time} is before now (${this.t})`);
  }

  private badDelay(delay: number): never {
    if (Number.isNaN(delay)) throw new StampedeError("E_INVALID_TIME", "delay is NaN");
    throw new StampedeError("E_NEGATIVE_DELAY", `delay must be >= 0 and finite, got ${delay}`);
  }

  // The bad* helpers keep the messages out of the scheduling methods: V8 inlines by bytecode size, and small
  // scheduling methods inline into the model's handlers (a double returned from a call that is not inlined is boxed).
  /** Lane `lane` was empty and got a head: it is the next lane if its head comes before the current next lane's. */
  private laneHeadAdded(lane: number): void {
    const ln = this.laneNext;
    if (ln < 0) {
      this.laneNext = lane;
      return;
    }
    const a = this.lanes[lane]!;
    const b = this.lanes[ln]!;
    const ta = a.time[a.head]!;
    const tb = b.time[b.head]!;
    if (ta < tb || (ta === tb && a.seq[a.head]! < b.seq[b.head]!)) this.laneNext = lane;
  }

  /** The lane with the earliest head by (time, seq), or -1 when every lane is empty (a scan: after a lane pop). */
  private earliestLane(): number {
    const lanes = this.lanes;
    let best = -1;
    let bt = Number.POSITIVE_INFINITY;
    let bs = 0;
    for (let i = 0; i < lanes.length; i++) {
      const l = lanes[i]!;
      if (l.size === 0) continue;
      const t = l.time[l.head]!;
      if (best < 0 || t < bt || (t === bt && l.seq[l.head]! < bs)) {
        best = i;
        bt = t;
        bs = l.seq[l.head]!;
      }
    }
    return best;
  }

  private badLane(lane: number): never {
    throw new StampedeError("E_UNKNOWN_LANE", `no timer lane ${lane}: create it with lane(delay)`);
  }

  private badKind(kind: number): never {
    throw new StampedeError("E_UNKNOWN_KIND", `event kind ${kind} is not registered (use register(handler))`);
  }
}
