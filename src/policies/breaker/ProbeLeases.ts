import type { Clock } from "../../core/Clock.js";

/**
 * The half-open probe leases of a CircuitBreaker. Slot i holds an expiry time (clock seconds; NaN = free) and the
 * ticket it was issued to (0 for an untagged `allow()` or a restored lease, which no ticket matches). A lease lives
 * `lease` seconds; at its expiry it frees itself, so a lost probe cannot wedge the breaker half-open.
 */
export class ProbeLeases {
  private readonly expiry: Float64Array;
  private readonly holder: Float64Array;

  constructor(
    size: number,
    private readonly clock: Clock,
    private readonly lease: number,
  ) {
    this.expiry = new Float64Array(size).fill(Number.NaN);
    this.holder = new Float64Array(size);
  }

  /** Leases alive now (expired ones are freed first). */
  live(): number {
    this.expire();
    let n = 0;
    for (let i = 0; i < this.expiry.length; i++) if (!Number.isNaN(this.expiry[i]!)) n++;
    return n;
  }

  /** The first free slot, or -1. Call `live()` (or `expire()`) first so expired leases count as free. */
  freeSlot(): number {
    for (let i = 0; i < this.expiry.length; i++) if (Number.isNaN(this.expiry[i]!)) return i;
    return -1;
  }

  /** Gives free slot `slot` to `ticket` (0 = untagged) for `lease` seconds from now. */
  hold(slot: number, ticket: number): void {
    this.expiry[slot] = this.clock.now() + this.lease;
    this.holder[slot] = ticket;
  }

  /** Frees slot `slot` if it holds a live lease issued to `ticket` (> 0); false otherwise (stale or unknown). */
  release(slot: number, ticket: number): boolean {
    this.expire();
    if (!(slot >= 0 && slot < this.expiry.length) || Number.isNaN(this.expiry[slot]!)) return false;
    if (ticket <= 0 || this.holder[slot] !== ticket) return false;
    this.expiry[slot] = Number.NaN;
    return true;
  }

  /** Frees the live lease that expires first, whoever holds it (the untagged path); false when none is live. */
  releaseOldest(): boolean {
    this.expire();
    let best = -1;
    for (let i = 0; i < this.expiry.length; i++) {
      const t = this.expiry[i]!;
      if (!Number.isNaN(t) && (best < 0 || t < this.expiry[best]!)) best = i;
    }
    if (best < 0) return false;
    this.expiry[best] = Number.NaN;
    return true;
  }

  /** Frees every lease. */
  clear(): void {
    this.expiry.fill(Number.NaN);
  }

  /** Seconds left on each live lease, for a saved state. */
  remaining(): number[] {
    this.expire();
    const now = this.clock.now();
    return [...this.expiry].filter((t) => !Number.isNaN(t)).map((t) => t - now);
  }

  /**
   * Restores saved remaining lease times (seconds from now) into the first slots; no ticket holds them (they can only
   * expire or go untagged). Non-positive ones are already expired.
   */
  restore(remaining: readonly number[]): void {
    this.expiry.fill(Number.NaN);
    this.holder.fill(0);
    const now = this.clock.now();
    for (let i = 0; i < remaining.length && i < this.expiry.length; i++) {
      const r = remaining[i]!;
      if (r > 0) this.expiry[i] = now + Math.min(r, this.lease);
    }
  }

  /** Frees the leases whose expiry time has come. */
  expire(): void {
    const now = this.clock.now();
    for (let i = 0; i < this.expiry.length; i++) if (this.expiry[i]! <= now) this.expiry[i] = Number.NaN;
  }
}
