import type { ServiceQueue } from "./ServiceQueue.js";

/**
 * FIFO or LIFO over a growable ring buffer of ids (a deque): FIFO serves the oldest, LIFO the newest. Sheds nothing.
 */
export class DequeQueue implements ServiceQueue {
  private ids = new Int32Array(64);
  private head = 0;
  size = 0;

  constructor(readonly lifo: boolean) {}

  push(id: number): void {
    if (this.size === this.ids.length) {
      const n = this.ids.length;
      const b = new Int32Array(n * 2);
      for (let k = 0; k < this.size; k++) b[k] = this.ids[(this.head + k) % n]!;
      this.ids = b;
      this.head = 0;
    }
    this.ids[(this.head + this.size) % this.ids.length] = id;
    this.size++;
  }

  pop(): number {
    if (this.size === 0) return -1;
    this.size--;
    if (this.lifo) return this.ids[(this.head + this.size) % this.ids.length]!;
    const id = this.ids[this.head]!;
    this.head = (this.head + 1) % this.ids.length;
    return id;
  }

  takeDropped(): number {
    return -1;
  }
}
