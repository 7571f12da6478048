import { StampedeError } from "../core/StampedeError.js";
import { type Column, growColumn } from "./growColumn.js";

/** The keys of `O` whose values are typed-array columns. */
export type ColumnKey<O> = { [K in keyof O]-?: O[K] extends Column ? K : never }[keyof O];

/** Options of a ColumnPool. */
export interface ColumnPoolOptions {
  /** Most ids live at once; growing past it throws `E_CAPACITY`. Default 2^31 - 1. */
  maxCapacity?: number;
  /** What the ids are, for the `E_CAPACITY` message (`more than <max> <what> at once`). Default "ids". */
  what?: string;
}

/**
 * The bookkeeping of a struct-of-arrays pool: ids `0..capacity-1` recycled through a LIFO free list, the count of ids
 * in use (`live`), and the growth of every registered column. The columns stay plain typed-array properties of
 * their owner (hot paths index them directly); when the pool is full, `alloc` doubles every column and writes each
 * new array back to its owner, so the owner re-reads its columns after any `alloc`. `alloc` and `release` allocate
 * nothing except when growing.
 *
 * Register public columns by key (`adopt(this, ["first", ...])`) or a private one with a setter (`column`).
 */
export class ColumnPool {
  private nLive = 0;
  private nUsed = 0;
  private cap: number;
  private free: Int32Array;
  private freeTop = 0;
  private readonly cols: Column[] = [];
  private readonly sets: ((grown: Column) => void)[] = [];
  private readonly max: number;
  private readonly what: string;

  /** `capacity`: the columns' initial length, ids (>= 1). */
  constructor(capacity: number, options: ColumnPoolOptions = {}) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new StampedeError("E_INVALID_CAPACITY", `pool capacity must be an integer >= 1, got ${capacity}`);
    this.cap = capacity;
    this.free = new Int32Array(capacity);
    this.max = options.maxCapacity ?? 2 ** 31 - 1;
    this.what = options.what ?? "ids";
  }

  /** Ids allocated and not released. */
  get live(): number {
    return this.nLive;
  }

  /** Ids ever handed out: every id in use is below it. */
  get used(): number {
    return this.nUsed;
  }

  /** Current length of every column. */
  get capacity(): number {
    return this.cap;
  }

  /** Registers `initial` (of length `capacity`) as a column; `set` receives each grown copy. Returns `initial`. */
  column<T extends Column>(initial: T, set: (grown: T) => void): T {
    if (initial.length !== this.cap)
      throw new StampedeError(
        "E_INVALID_CAPACITY",
        `column of length ${initial.length}, pool capacity ${this.cap}`,
      );
    this.cols.push(initial);
    this.sets.push(set as (grown: Column) => void);
    return initial;
  }

  /** Registers the owner's properties `keys` as columns: growth replaces `owner[key]`. */
  adopt<O>(owner: O, keys: readonly ColumnKey<O>[]): void {
    for (const key of keys) {
      this.column(owner[key] as Column, (grown) => {
        owner[key] = grown as O[typeof key];
      });
    }
  }

  /** Takes an id: the last released one, else the next fresh one (growing every column when full). */
  alloc(): number {
    this.nLive++;
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.nUsed === this.cap) this.grow();
    return this.nUsed++;
  }

  /** Gives `id` back (the caller ensures it is live and released once). */
  release(id: number): void {
    this.free[this.freeTop++] = id;
    this.nLive--;
  }

  private grow(): void {
    const n = this.cap * 2;
    if (n > this.max) throw new StampedeError("E_CAPACITY", `more than ${this.max} ${this.what} at once`);
    const cols = this.cols;
    for (let i = 0; i < cols.length; i++) {
      const grown = growColumn(cols[i]!, n);
      cols[i] = grown;
      this.sets[i]!(grown);
    }
    this.free = growColumn(this.free, n);
    this.cap = n;
  }
}
