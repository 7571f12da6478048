import type { Rng } from "../core/Rng.js";
import type { CacheSpec } from "../spec/CacheSpec.js";
import { grow } from "./grow.js";

/** `lookup` results. */
export const CACHE_HIT = 0;
/** A miss: this attempt calls the backing dependency (and fills the key when the call succeeds). */
export const CACHE_MISS = 1;
/** A miss on a key whose fill is already in flight (coalescing): the attempt waits for that fill. */
export const CACHE_WAIT = 2;

/**
 * A look-aside cache in front of one dependency of a service. Requests ask for one of `keys` keys with Zipf
 * popularity (rank k has weight 1 / k^zipf); a key is cached until `ttl` seconds after it was filled, and it is filled
 * only when a miss's call to the backing dependency succeeds. So the hit ratio collapses when hot keys are lost, and
 * comes back only as misses succeed: when the backing service is too slow to answer within the call's timeout, the
 * cache stays cold. With `coalesce`, one miss per key calls the dependency and the others wait for its result.
 * Everything is typed arrays indexed by key or attempt id: no allocation per request.
 */
export class CacheRuntime {
  readonly spec: CacheSpec;
  private readonly cdf: Float64Array;
  /** Time until which each key is cached (-Infinity: not cached). */
  private readonly expires: Float64Array;
  /** Attempt that is filling each key (coalescing), or -1. */
  private readonly leader: Int32Array;
  /** Head of each key's list of waiting attempts, -1 for none. */
  private readonly waitHead: Int32Array;
  private waitNext = new Int32Array(256);
  private keyOf = new Int32Array(256);
  private readonly rng: Rng;
  hits = 0;
  misses = 0;
  readonly totals = { hits: 0, misses: 0 };

  constructor(spec: CacheSpec, rng: Rng) {
    this.spec = spec;
    this.rng = rng;
    const n = spec.keys;
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += 1 / (k + 1) ** spec.zipf;
      this.cdf[k] = sum;
    }
    for (let k = 0; k < n; k++) this.cdf[k] = this.cdf[k]! / sum;
    // Warm at the start: every key cached, with a remaining lifetime spread over the TTL.
    this.expires = new Float64Array(n);
    for (let k = 0; k < n; k++) this.expires[k] = rng.next() * spec.ttl;
    this.leader = new Int32Array(n).fill(-1);
    this.waitHead = new Int32Array(n).fill(-1);
  }

  /** A key by popularity (inverse CDF by binary search). */
  private sampleKey(): number {
    const u = this.rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private fit(a: number): void {
    if (a < this.keyOf.length) return;
    let n = this.keyOf.length * 2;
    while (n <= a) n *= 2;
    this.keyOf = grow(this.keyOf, n);
    this.waitNext = grow(this.waitNext, n);
  }

  /** Attempt `a` looks up a key at time `now`: CACHE_HIT, CACHE_MISS (call the dependency) or CACHE_WAIT. */
  lookup(a: number, now: number): number {
    const k = this.sampleKey();
    this.fit(a);
    this.keyOf[a] = k;
    if (now < this.expires[k]!) {
      this.hits++;
      return CACHE_HIT;
    }
    this.misses++;
    if (!this.spec.coalesce) return CACHE_MISS;
    if (this.leader[k]! < 0) {
      this.leader[k] = a;
      return CACHE_MISS;
    }
    this.waitNext[a] = this.waitHead[k]!;
    this.waitHead[k] = a;
    return CACHE_WAIT;
  }

  /**
   * The dependency call of miss `a` ended (`ok`: it succeeded, so the key is filled). Returns the first attempt that
   * was waiting for this fill (follow `nextWaiter`), or -1.
   */
  done(a: number, ok: boolean, now: number): number {
    const k = this.keyOf[a]!;
    if (ok) this.expires[k] = now + this.spec.ttl;
    if (this.leader[k] !== a) return -1;
    this.leader[k] = -1;
    const head = this.waitHead[k]!;
    this.waitHead[k] = -1;
    return head;
  }

  nextWaiter(a: number): number {
    return this.waitNext[a]!;
  }

  /** Loses the `fraction` most popular keys (a cache node holding them failed, a flush). */
  evictHottest(fraction: number): void {
    const n = Math.round(fraction * this.expires.length);
    for (let k = 0; k < n; k++) this.expires[k] = Number.NEGATIVE_INFINITY;
  }

  /** Share of lookups since the last reset that hit (NaN when there were none). */
  hitRatio(): number {
    const n = this.hits + this.misses;
    return n > 0 ? this.hits / n : Number.NaN;
  }

  resetInterval(): void {
    this.totals.hits += this.hits;
    this.totals.misses += this.misses;
    this.hits = 0;
    this.misses = 0;
  }
}
