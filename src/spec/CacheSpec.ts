/** A look-aside cache in front of one of a service's dependencies (see CacheRuntime). */
export interface CacheSpec {
  /** Name of the dependency the cache stands in front of (its backing store). */
  dependency: string;
  /** Number of distinct keys. */
  keys: number;
  /** Zipf exponent of key popularity (rank k has weight 1 / k^zipf). Default 1. */
  zipf: number;
  /** How long a filled key stays cached, seconds. */
  ttl: number;
  /** Request coalescing: one miss per key calls the backing store, the others wait for it. Default false. */
  coalesce: boolean;
}
