/**
 * Processor sharing over `cores` cores (thread per request): the `n` requests in local work share the cores, each
 * progressing at rate `min(1, cores / n)` seconds of work per second. Implemented with a virtual clock `v` that
 * advances at that per-request rate, so each request's finish tag (`v` at its start + its work) never changes; the
 * request with the smallest tag finishes first and only that one completion is scheduled. A min-heap of tags in typed
 * arrays (ties broken by insertion order) keeps the hot path allocation-free; arrays only grow (doubling).
 *
 * The owner calls `advance(now)` implicitly through every method, and reschedules through `next()`: the time of the
 * next completion from `now`, or Infinity when nothing is in work or there are no cores.
 */
export class ProcessorSharing {
  /** Cores (the service's servers, after capacity changes). */
  private cores: number;
  /** Virtual time: work each request in service has received since `v = 0`, seconds. */
  private v = 0;
  private at = 0;
  private n = 0;
  private seq = 0;
  private tag = new Float64Array(64);
  private order = new Float64Array(64);
  private work = new Float64Array(64);
  private id = new Int32Array(64);
  /** Core-seconds delivered since the last `takeCpu()` (the service's busy time). */
  private cpu = 0;
  /** Work (seconds) of the request the last `pop()` returned. */
  lastWork = 0;

  constructor(cores: number) {
    this.cores = cores;
  }

  /** Requests in local work. */
  get size(): number {
    return this.n;
  }

  /** Brings the virtual clock to `now` (seconds). */
  advance(now: number): void {
    const dt = now - this.at;
    this.at = now;
    const n = this.n;
    if (dt <= 0 || n === 0 || this.cores <= 0) return;
    const busy = Math.min(n, this.cores);
    this.v += (dt * busy) / n;
    this.cpu += dt * busy;
  }

  /** Changes the number of cores at `now`. */
  setCores(cores: number, now: number): void {
    this.advance(now);
    this.cores = Math.max(0, cores);
  }

  /** Request `a` starts `work` seconds of local work at `now`. */
  add(a: number, work: number, now: number): void {
    this.advance(now);
    if (this.n === this.id.length) this.grow();
    let i = this.n++;
    const t = this.v + Math.max(0, work);
    const s = this.seq++;
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.tag[p]! < t || (this.tag[p] === t && this.order[p]! < s)) break;
      this.move(p, i);
      i = p;
    }
    this.tag[i] = t;
    this.order[i] = s;
    this.work[i] = work;
    this.id[i] = a;
  }

  /** Seconds from `now` to the next completion (Infinity: none). */
  next(now: number): number {
    this.advance(now);
    const n = this.n;
    if (n === 0 || this.cores <= 0) return Number.POSITIVE_INFINITY;
    const rate = Math.min(1, this.cores / n);
    return Math.max(0, this.tag[0]! - this.v) / rate;
  }

  /** Removes and returns the request with the smallest finish tag (its work in `lastWork`). */
  pop(now: number): number {
    this.advance(now);
    const a = this.id[0]!;
    this.lastWork = this.work[0]!;
    const last = --this.n;
    if (last > 0) {
      const t = this.tag[last]!;
      const s = this.order[last]!;
      const w = this.work[last]!;
      const x = this.id[last]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (
          c + 1 < last &&
          (this.tag[c + 1]! < this.tag[c]! ||
            (this.tag[c + 1] === this.tag[c] && this.order[c + 1]! < this.order[c]!))
        )
          c++;
        if (t < this.tag[c]! || (t === this.tag[c] && s < this.order[c]!)) break;
        this.move(c, i);
        i = c;
      }
      this.tag[i] = t;
      this.order[i] = s;
      this.work[i] = w;
      this.id[i] = x;
    }
    // Keep the virtual clock small when the service empties (finish tags are relative to it).
    if (this.n === 0) this.v = 0;
    return a;
  }

  /** Core-seconds delivered since the last call (up to the last `advance`). */
  takeCpu(): number {
    const c = this.cpu;
    this.cpu = 0;
    return c;
  }

  private move(from: number, to: number): void {
    this.tag[to] = this.tag[from]!;
    this.order[to] = this.order[from]!;
    this.work[to] = this.work[from]!;
    this.id[to] = this.id[from]!;
  }

  private grow(): void {
    const m = this.id.length * 2;
    const t = new Float64Array(m);
    t.set(this.tag);
    this.tag = t;
    const o = new Float64Array(m);
    o.set(this.order);
    this.order = o;
    const w = new Float64Array(m);
    w.set(this.work);
    this.work = w;
    const d = new Int32Array(m);
    d.set(this.id);
    this.id = d;
  }
}
