/**
 * A calendar of future releases on the fluid clock: a ring of per-step masses plus a ring of density differences, so
 * that mass spread uniformly over a window of steps is added in O(1) (a point mass at each partial end and a constant
 * density over the interior). `take(n)` returns what is released during step n. Allocation-free after construction.
 *
 * Slot i (step n + i) covers delays [i - 0.5, i + 0.5) steps; nothing is ever released in the step it was added in
 * (the smallest slot is 1), so a caller handles a zero delay itself.
 */
export class Calendar {
  /** Ring length, steps. */
  readonly len: number;
  private readonly mass: Float64Array;
  private readonly dd: Float64Array;
  /** Density released per step by the interior parts currently running. */
  private rate = 0;
  /** Mass still to be released. */
  total = 0;
  /** The last step asked about and its slot (`step % len`), so that the next step's slot needs no division. */
  private step = -1;
  private slot = -1;

  /** @param maxDelaySteps the longest delay that will ever be added, in steps. */
  constructor(maxDelaySteps: number) {
    this.len = Math.max(4, Math.ceil(maxDelaySteps) + 4);
    this.mass = new Float64Array(this.len);
    this.dd = new Float64Array(this.len);
  }

  /** The slot of step `n` (`n % len`; n >= 0), from the last one when `n` is the same or the next step. */
  private slotOf(n: number): number {
    if (n !== this.step) {
      const next = this.slot + 1;
      this.slot = n === this.step + 1 ? (next === this.len ? 0 : next) : n % this.len;
      this.step = n;
    }
    return this.slot;
  }

  /** The slot `i >= 0` steps after slot `s` (`(s + i) % len`). */
  private after(s: number, i: number): number {
    const x = s + i;
    const len = this.len;
    return x < len ? x : x < 2 * len ? x - len : x % len;
  }

  /** Adds mass `m` released `a` steps after step `n` (at least one step later). */
  addAt(n: number, a: number, m: number): void {
    if (!(m > 0)) return;
    const i = Math.max(1, Math.round(a));
    const k = this.after(this.slotOf(n), i);
    this.mass[k] = this.mass[k]! + m;
    this.total += m;
  }

  /** Adds mass `m` released uniformly over delays [a, b] steps after step `n`. */
  addUniform(n: number, a: number, b: number, m: number): void {
    if (!(m > 0)) return;
    let i0 = Math.round(a);
    const i1 = Math.round(b);
    if (i1 <= i0 || b - a < 1e-9) {
      this.addAt(n, (a + b) / 2, m);
      return;
    }
    const rho = m / (b - a);
    let first = rho * (i0 + 0.5 - a);
    if (i0 < 1) {
      // Delays below one and a half steps are released in the next step.
      if (i1 <= 1) {
        this.addAt(n, 1, m);
        return;
      }
      i0 = 1;
      first = rho * (1.5 - a);
    }
    const last = rho * (b - (i1 - 0.5));
    const s = this.slotOf(n);
    const k0 = this.after(s, i0);
    const k1 = this.after(s, i1);
    this.mass[k0] = this.mass[k0]! + first;
    this.mass[k1] = this.mass[k1]! + last;
    if (i1 - i0 > 1) {
      const k = this.after(s, i0 + 1);
      this.dd[k] = this.dd[k]! + rho;
      this.dd[k1] = this.dd[k1]! - rho;
    }
    this.total += m;
  }

  /** The mass released during step `n` (call once per step, in order). */
  take(n: number): number {
    if (this.total <= 0) return 0;
    const s = this.slotOf(n);
    this.rate += this.dd[s]!;
    this.dd[s] = 0;
    let out = this.mass[s]! + this.rate;
    this.mass[s] = 0;
    if (out < 0) out = 0;
    if (out >= this.total) {
      out = this.total;
      this.total = 0;
      this.rate = 0;
      this.mass.fill(0);
      this.dd.fill(0);
      return out;
    }
    this.total -= out;
    return out;
  }

  /** Multiplies everything pending by `f` (a share of the clients leaves). */
  scale(f: number): void {
    for (let i = 0; i < this.len; i++) {
      this.mass[i] = this.mass[i]! * f;
      this.dd[i] = this.dd[i]! * f;
    }
    this.rate *= f;
    this.total *= f;
  }

  /** Adds share `f` of `other`'s pending releases to this calendar (same ring length), without changing `other`. */
  addShare(other: Calendar, f: number): void {
    for (let i = 0; i < this.len; i++) {
      this.mass[i] = this.mass[i]! + other.mass[i]! * f;
      this.dd[i] = this.dd[i]! + other.dd[i]! * f;
    }
    this.rate += other.rate * f;
    this.total += other.total * f;
  }

  /** Forgets everything pending; returns the mass that was pending. */
  clear(): number {
    const t = this.total;
    this.mass.fill(0);
    this.dd.fill(0);
    this.rate = 0;
    this.total = 0;
    return t;
  }
}
