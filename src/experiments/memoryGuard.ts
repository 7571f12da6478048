import { getHeapStatistics } from "node:v8";
import { StampedeError } from "../core/StampedeError.js";

/** Error code of a run stopped by the memory guard (exit 3: partial results written). */
export const E_MEMORY_LIMIT = "E_MEMORY_LIMIT";

/** Share of V8's `heap_size_limit` that the memory guard allows by default. */
export const DEFAULT_MEMORY_SHARE = 0.75;

/**
 * The default memory limit, bytes: 75% of V8's `heap_size_limit` (about 3 GB of a 4 GB heap; in a worker, of the
 * heap its `resourceLimits` allow), so the guard stops a run before V8 kills the process.
 */
export function defaultMemoryLimit(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * DEFAULT_MEMORY_SHARE);
}

/** Memory the guard watches, bytes: V8's used heap plus array buffers (typed arrays live outside the heap). */
export function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** A memory check for the run loop: true (stop) once `measure()` exceeds `limit` bytes; remembers what it saw. */
export interface MemoryGuard {
  readonly limit: number;
  /** The use that passed the limit, bytes (0 while under it). */
  exceeded: number;
  /** Measures; true when the run must stop. */
  check(): boolean;
}

/** A MemoryGuard over `measure` (default {@link memoryInUse}). */
export function memoryGuard(limit: number, measure: () => number = memoryInUse): MemoryGuard {
  const guard: MemoryGuard = {
    limit,
    exceeded: 0,
    check() {
      const used = measure();
      if (used <= limit) return false;
      guard.exceeded = used;
      return true;
    },
  };
  return guard;
}

const UNITS: Readonly<Record<string, number>> = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** A size in bytes from `512MB`, `2GB`, `1.5GiB`, `100000` (bytes); throws E_BAD_FLAG naming `flag`. */
export function parseBytes(flag: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  const unit = UNITS[(m?.[2] ?? "").toLowerCase()];
  const n = m ? Number(m[1]) * (unit ?? Number.NaN) : Number.NaN;
  if (!(n >= 1) || !Number.isFinite(n))
    throw new StampedeError("E_BAD_FLAG", `expected a size such as 512MB or 2GB, got '${text}'`, {
      path: flag,
    });
  return Math.floor(n);
}
