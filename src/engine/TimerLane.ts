/**
 * A FIFO of events that all share one fixed delay (per-attempt timeouts, say). Because the clock never goes back and
 * the delay is fixed, entries arrive in (time, seq) order, so a ring buffer replaces the heap: O(1) push and pop.
 * The Simulation merges lane heads with its heap when it picks the next event.
 */
export class TimerLane {
  readonly delay: number;
  time: Float64Array;
  seq: Float64Array;
  slot: Int32Array;
  head = 0;
  size = 0;
  mask: number;

  constructor(delay: number, initialCapacity = 256) {
    this.delay = delay;
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.slot = new Int32Array(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  push(time: number, seq: number, slot: number): void {
    if (this.size === this.time.length) this.grow();
    const i = (this.head + this.size++) & this.mask;
    this.time[i] = time;
    this.seq[i] = seq;
    this.slot[i] = slot;
  }

  /** Removes the head and returns its slot. The caller checks `size > 0` first. */
  pop(): number {
    const s = this.slot[this.head]!;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return s;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    const s = new Float64Array(cap);
    const sl = new Int32Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      t[k] = this.time[i]!;
      s[k] = this.seq[i]!;
      sl[k] = this.slot[i]!;
    }
    this.time = t;
    this.seq = s;
    this.slot = sl;
    this.head = 0;
    this.mask = cap - 1;
  }
}
