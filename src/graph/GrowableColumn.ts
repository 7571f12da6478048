/**
 * An append-only typed-array column that doubles its capacity when full: 4 bytes per Int32 entry (1 per Uint8)
 * instead of a JS array's 8 or more, so the GraphBuilder of a 10-million-edge graph does not hold twice the finished
 * graph in boxed arrays before `build()`.
 */
export class GrowableColumn<T extends Int32Array | Uint8Array> {
  private data: T;
  /** Entries appended so far. */
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(16);
  }

  /** Appends `v` (converted as the typed array converts it). */
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  /**
   * A view of exactly the appended entries, without a copy (so a build does not hold the builder's columns twice).
   * Later pushes write past the view's end or into a new buffer, so the view never changes.
   */
  toArray(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
