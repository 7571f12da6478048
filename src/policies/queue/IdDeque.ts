/**
 * A growable ring buffer of (id, time) pairs in two Float64Arrays: no per-item objects, O(1) at both ends.
 * Ids are any numbers that fit a float64 exactly (integers below 2^53).
 */
export class IdDeque {
  private ids: Float64Array;
  private times: Float64Array;
  private head = 0;
  private n = 0;
  private mask: number;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.ids = new Float64Array(cap);
    this.times = new Float64Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.n;
  }

  pushBack(id: number, time: number): void {
    if (this.n === this.ids.length) this.grow();
    const i = (this.head + this.n) & this.mask;
    this.ids[i] = id;
    this.times[i] = time;
    this.n++;
  }

  /** Id at the front (oldest); call only when size > 0. */
  frontId(): number {
    return this.ids[this.head]!;
  }
  frontTime(): number {
    return this.times[this.head]!;
  }
  backId(): number {
    return this.ids[(this.head + this.n - 1) & this.mask]!;
  }
  backTime(): number {
    return this.times[(this.head + this.n - 1) & this.mask]!;
  }

  /** Removes the front item; call only when size > 0. */
  dropFront(): void {
    this.head = (this.head + 1) & this.mask;
    this.n--;
  }

  /** Removes the back item; call only when size > 0. */
  dropBack(): void {
    this.n--;
  }

  /** Removes the first item with `id` (O(n)); returns false when absent. */
  remove(id: number): boolean {
    for (let k = 0; k < this.n; k++) {
      if (this.ids[(this.head + k) & this.mask] === id) {
        for (let j = k; j < this.n - 1; j++) {
          const to = (this.head + j) & this.mask;
          const from = (this.head + j + 1) & this.mask;
          this.ids[to] = this.ids[from]!;
          this.times[to] = this.times[from]!;
        }
        this.n--;
        return true;
      }
    }
    return false;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Float64Array(cap);
    const times = new Float64Array(cap);
    for (let k = 0; k < this.n; k++) {
      ids[k] = this.ids[(this.head + k) & this.mask]!;
      times[k] = this.times[(this.head + k) & this.mask]!;
    }
    this.ids = ids;
    this.times = times;
    this.head = 0;
    this.mask = cap - 1;
  }
}
