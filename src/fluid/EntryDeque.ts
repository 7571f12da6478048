/**
 * A FIFO of fluid cohorts in typed arrays: each entry is a mass of attempts of one caller (`site`), attempt class
 * (`cls`, 0-based attempt number) and creation step (`step`), with a time (arrival at its next stage, seconds). Used
 * for service queues and for work in transit across a device group. Grows by doubling (rare); otherwise
 * allocation-free.
 */
export class EntryDeque {
  site: Int32Array;
  cls: Int32Array;
  step: Int32Array;
  mass: Float64Array;
  time: Float64Array;
  private head = 0;
  /** Number of entries. */
  size = 0;
  /** Total mass of the entries. */
  total = 0;

  constructor(capacity = 256) {
    this.site = new Int32Array(capacity);
    this.cls = new Int32Array(capacity);
    this.step = new Int32Array(capacity);
    this.mass = new Float64Array(capacity);
    this.time = new Float64Array(capacity);
  }

  private get cap(): number {
    return this.mass.length;
  }

  /** Index (in the arrays) of the i-th entry from the head (0 <= i < capacity). */
  at(i: number): number {
    const x = this.head + i;
    return x < this.cap ? x : x - this.cap;
  }

  /** Appends an entry; merges it into the tail entry when that one has the same site, class and step. */
  push(site: number, cls: number, step: number, mass: number, time: number): void {
    if (!(mass > 0)) return;
    this.total += mass;
    if (this.size > 0) {
      const t = this.at(this.size - 1);
      if (this.site[t] === site && this.cls[t] === cls && this.step[t] === step) {
        this.mass[t] = this.mass[t]! + mass;
        if (time > this.time[t]!) this.time[t] = time;
        return;
      }
    }
    if (this.size === this.cap) this.grow();
    const i = this.at(this.size);
    this.site[i] = site;
    this.cls[i] = cls;
    this.step[i] = step;
    this.mass[i] = mass;
    this.time[i] = time;
    this.size++;
  }

  /** Index of the head entry (check `size > 0` first). */
  get first(): number {
    return this.head;
  }

  /** Removes `m` of mass from the head entry (all of it: the entry goes). */
  takeHead(m: number): void {
    const h = this.head;
    this.total -= m;
    if (m >= this.mass[h]! - 1e-15) {
      this.total += m - this.mass[h]!;
      this.mass[h] = 0;
      this.head = h + 1 === this.cap ? 0 : h + 1;
      this.size--;
      if (this.size === 0) this.total = 0;
    } else this.mass[h] = this.mass[h]! - m;
  }

  /** Multiplies every entry's mass by `f` (work lost with removed devices). */
  scale(f: number): void {
    for (let i = 0; i < this.size; i++) {
      const j = this.at(i);
      this.mass[j] = this.mass[j]! * f;
    }
    this.total *= f;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.total = 0;
  }

  private grow(): void {
    const n = this.cap * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      for (let i = 0; i < this.size; i++) b[i] = a[this.at(i)]!;
      return b;
    };
    this.site = copy(this.site, (k) => new Int32Array(k));
    this.cls = copy(this.cls, (k) => new Int32Array(k));
    this.step = copy(this.step, (k) => new Int32Array(k));
    this.time = copy(this.time, (k) => new Float64Array(k));
    this.mass = copy(this.mass, (k) => new Float64Array(k));
    this.head = 0;
  }
}
