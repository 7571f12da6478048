import { growColumn } from "./growColumn.js";

/**
 * A binary min-heap of events ordered by (time, seq), stored in parallel typed arrays. The Simulation folds its
 * priority tier into `seq` (urgent events carry a negative seq), so (time, seq) order is (time, tier, seq) order. Each entry carries a slot
 * index into the Simulation's slot pool, where the event's kind, target and payload live. No allocation per push or
 * pop; the arrays double when full.
 */
export class EventHeap {
  time: Float64Array;
  seq: Float64Array;
  slot: Int32Array;
  size = 0;

  constructor(initialCapacity = 1024) {
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.slot = new Int32Array(initialCapacity);
  }

  push(time: number, seq: number, slot: number): void {
    if (this.size === this.time.length) this.grow();
    const t = this.time;
    const s = this.seq;
    const sl = this.slot;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = t[p]!;
      if (pt < time || (pt === time && s[p]! < seq)) break;
      t[i] = pt;
      s[i] = s[p]!;
      sl[i] = sl[p]!;
      i = p;
    }
    t[i] = time;
    s[i] = seq;
    sl[i] = slot;
  }

  /** Removes the minimum and returns its slot. The caller checks `size > 0` first. */
  pop(): number {
    const t = this.time;
    const s = this.seq;
    const sl = this.slot;
    const top = sl[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const lt = t[n]!;
    const ls = s[n]!;
    const lsl = sl[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = t[c]!;
      let cs = s[c]!;
      const r = c + 1;
      if (r < n) {
        const rt = t[r]!;
        if (rt < ct || (rt === ct && s[r]! < cs)) {
          c = r;
          ct = rt;
          cs = s[r]!;
        }
      }
      if (lt < ct || (lt === ct && ls < cs)) break;
      t[i] = ct;
      s[i] = cs;
      sl[i] = sl[c]!;
      i = c;
    }
    t[i] = lt;
    s[i] = ls;
    sl[i] = lsl;
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = growColumn(this.time, cap);
    this.seq = growColumn(this.seq, cap);
    this.slot = growColumn(this.slot, cap);
  }
}
