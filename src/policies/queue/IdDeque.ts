/** Ids below this (non-negative integers) are indexed in a typed array; others in a Map. */
const DENSE_LIMIT = 1 << 22;

/**
 * A growable ring buffer of (id, time) pairs in typed arrays: no per-item objects, O(1) at both ends, and O(1)
 * `remove(id)` (amortised), for queues whose callers give up while they wait.
 *
 * `remove` marks the item's slot dead (lazy deletion) through an index from id to slot; dead slots at either end are
 * skipped at once, so the front and the back are always live items. The index is a typed array for small
 * non-negative integer ids (the model's attempt slots) and a Map for any other id. Ids are any numbers that fit a
 * float64 exactly (integers below 2^53); an id may be held more than once (then `remove` takes the oldest, and
 * finding the next one scans the deque: only duplicates pay that).
 */
export class IdDeque {
  private ids: Float64Array;
  private times: Float64Array;
  private dead: Uint8Array;
  private head = 0;
  /** Slots in use from `head`, dead ones included. */
  private span = 0;
  /** Live items. */
  private n = 0;
  private mask: number;
  /** Dense index: slot + 1 of the oldest live item with id `i`, 0 when absent. */
  private slotOf: Int32Array = new Int32Array(0);
  /** Sparse index for ids outside [0, DENSE_LIMIT). */
  private readonly sparse = new Map<number, number>();
  /** Items pushed while an item with the same id was held. */
  private duplicates = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.ids = new Float64Array(cap);
    this.times = new Float64Array(cap);
    this.dead = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.n;
  }

  pushBack(id: number, time: number): void {
    if (this.span === this.ids.length) this.grow();
    const i = (this.head + this.span) & this.mask;
    this.ids[i] = id;
    this.times[i] = time;
    this.span++;
    this.n++;
    if (this.lookup(id) >= 0) this.duplicates++;
    else this.index(id, i);
  }

  /** Id at the front (oldest); call only when size > 0. */
  frontId(): number {
    return this.ids[this.head]!;
  }
  frontTime(): number {
    return this.times[this.head]!;
  }
  backId(): number {
    return this.ids[(this.head + this.span - 1) & this.mask]!;
  }
  backTime(): number {
    return this.times[(this.head + this.span - 1) & this.mask]!;
  }

  /** Removes the front item; call only when size > 0. */
  dropFront(): void {
    const i = this.head;
    this.forget(this.ids[i]!, i);
    this.head = (i + 1) & this.mask;
    this.span--;
    this.n--;
    this.trim();
  }

  /** Removes the back item; call only when size > 0. */
  dropBack(): void {
    const i = (this.head + this.span - 1) & this.mask;
    this.forget(this.ids[i]!, i);
    this.span--;
    this.n--;
    this.trim();
  }

  /** Removes the oldest item with `id` in O(1); returns false when absent. */
  remove(id: number): boolean {
    const i = this.lookup(id);
    if (i < 0) return false;
    this.forget(id, i);
    this.n--;
    if (i === this.head) {
      this.head = (i + 1) & this.mask;
      this.span--;
    } else if (i === ((this.head + this.span - 1) & this.mask)) {
      this.span--;
    } else {
      this.dead[i] = 1;
    }
    this.trim();
    return true;
  }

  clear(): void {
    for (let k = 0; k < this.span; k++) {
      const i = (this.head + k) & this.mask;
      if (this.dead[i] === 1) this.dead[i] = 0;
      else this.unindex(this.ids[i]!);
    }
    this.head = 0;
    this.span = 0;
    this.n = 0;
    this.duplicates = 0;
  }

  /** Skips dead slots at both ends, so the front and the back are live. */
  private trim(): void {
    const dead = this.dead;
    while (this.span > 0 && dead[this.head] === 1) {
      dead[this.head] = 0;
      this.head = (this.head + 1) & this.mask;
      this.span--;
    }
    while (this.span > 0) {
      const b = (this.head + this.span - 1) & this.mask;
      if (dead[b] !== 1) break;
      dead[b] = 0;
      this.span--;
    }
  }

  /** Slot of the oldest live item with `id`, or -1. */
  private lookup(id: number): number {
    if (id >= 0 && id < DENSE_LIMIT && (id | 0) === id) return (this.slotOf[id] ?? 0) - 1;
    return this.sparse.get(id) ?? -1;
  }

  private index(id: number, slot: number): void {
    if (id >= 0 && id < DENSE_LIMIT && (id | 0) === id) {
      if (id >= this.slotOf.length) {
        const grown = new Int32Array(Math.max(1024, 2 * (id + 1)));
        grown.set(this.slotOf);
        this.slotOf = grown;
      }
      this.slotOf[id] = slot + 1;
    } else this.sparse.set(id, slot);
  }

  private unindex(id: number): void {
    if (id >= 0 && id < DENSE_LIMIT && (id | 0) === id) this.slotOf[id] = 0;
    else this.sparse.delete(id);
  }

  /** Item `id` at `slot` leaves: drops it from the index, and indexes its next duplicate if there is one. */
  private forget(id: number, slot: number): void {
    if (this.lookup(id) !== slot) {
      this.duplicates--; // a newer duplicate leaves; the oldest stays indexed
      return;
    }
    this.unindex(id);
    if (this.duplicates === 0) return;
    for (let k = 0; k < this.span; k++) {
      const i = (this.head + k) & this.mask;
      if (i !== slot && this.dead[i] !== 1 && this.ids[i] === id) {
        this.index(id, i);
        this.duplicates--;
        return;
      }
    }
  }

  private grow(): void {
    const cap = this.ids.length * 2;
    const ids = new Float64Array(cap);
    const times = new Float64Array(cap);
    for (let k = 0; k < this.span; k++) {
      const i = (this.head + k) & this.mask;
      if (this.dead[i] !== 1) this.unindex(this.ids[i]!);
    }
    let j = 0;
    for (let k = 0; k < this.span; k++) {
      const i = (this.head + k) & this.mask;
      if (this.dead[i] === 1) continue;
      const id = this.ids[i]!;
      if (this.lookup(id) < 0) this.index(id, j);
      ids[j] = id;
      times[j] = this.times[i]!;
      j++;
    }
    this.ids = ids;
    this.times = times;
    this.dead = new Uint8Array(cap);
    this.head = 0;
    this.span = j;
    this.mask = cap - 1;
  }
}
