/**
 * The connection handshakes of one service (`connectionCost`): a slot per handshake (the fleet and setup tag it
 * answers, the setup's deadline, when a server started it) and the FIFO of those waiting for a server (the accept
 * backlog). Typed arrays that only grow (doubling), a free list of slots and a ring buffer: allocation-free once warm.
 */
export class Handshakes {
  fleet = new Int32Array(16);
  tag = new Float64Array(16);
  deadline = new Float64Array(16);
  start = new Float64Array(16);
  private nextFree = new Int32Array(16).fill(-1);
  private freeHead = -1;
  private used = 0;
  private ring = new Int32Array(16);
  private head = 0;
  /** Handshakes waiting for a server. */
  size = 0;

  /** A new slot for a handshake of `fleet`'s setup `tag` that its client waits for until `deadline` (seconds). */
  alloc(fleet: number, tag: number, deadline: number): number {
    let s = this.freeHead;
    if (s >= 0) this.freeHead = this.nextFree[s]!;
    else {
      if (this.used === this.fleet.length) this.growSlots();
      s = this.used++;
    }
    this.fleet[s] = fleet;
    this.tag[s] = tag;
    this.deadline[s] = deadline;
    return s;
  }

  release(s: number): void {
    this.nextFree[s] = this.freeHead;
    this.freeHead = s;
  }

  /** Appends slot `s` to the backlog. */
  push(s: number): void {
    if (this.size === this.ring.length) this.growRing();
    this.ring[(this.head + this.size) % this.ring.length] = s;
    this.size++;
  }

  /** Removes and returns the oldest waiting slot (call only when `size > 0`). */
  shift(): number {
    const s = this.ring[this.head]!;
    this.head = (this.head + 1) % this.ring.length;
    this.size--;
    return s;
  }

  private growSlots(): void {
    const m = this.fleet.length * 2;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(m);
      b.set(a);
      return b;
    };
    this.fleet = grow(this.fleet, (n) => new Int32Array(n));
    this.tag = grow(this.tag, (n) => new Float64Array(n));
    this.deadline = grow(this.deadline, (n) => new Float64Array(n));
    this.start = grow(this.start, (n) => new Float64Array(n));
    const nf = new Int32Array(m).fill(-1);
    nf.set(this.nextFree);
    this.nextFree = nf;
  }

  private growRing(): void {
    const n = this.ring.length;
    const r = new Int32Array(n * 2);
    for (let i = 0; i < this.size; i++) r[i] = this.ring[(this.head + i) % n]!;
    this.ring = r;
    this.head = 0;
  }
}
