/**
 * A read tracker over a plain object tree: `track(value)` returns a deep Proxy that records the path of every
 * property read (`fleets.users.retry.maxAttempts`, list items by index), and `leafPaths(value)` lists the paths of
 * its leaves (plain values, and lists of plain values as one leaf).
 */
export interface Tracked<T> {
  value: T;
  reads: Set<string>;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);

/** A deep read-recording Proxy of `root` (the same proxy for the same object at the same path). */
export function track<T>(root: T): Tracked<T> {
  const reads = new Set<string>();
  const cache = new Map<string, unknown>();
  const wrap = (v: unknown, path: string): unknown => {
    if (!isPlain(v)) return v;
    const hit = cache.get(path);
    if (hit !== undefined) return hit;
    const p = new Proxy(v, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key === "symbol" || !Object.hasOwn(target, key)) return value;
        const at = path === "" ? key : `${path}.${key}`;
        reads.add(at);
        return wrap(value, at);
      },
    });
    cache.set(path, p);
    return p;
  };
  return { value: wrap(root, "") as T, reads };
}

/** Paths of the leaves of `value`: plain values, and lists of plain values (as one leaf). */
export function leafPaths(value: unknown, path = ""): string[] {
  if (!isPlain(value)) return [path];
  const entries = Object.entries(value);
  if (Array.isArray(value) && entries.every(([, v]) => !isPlain(v))) return [path];
  return entries.flatMap(([k, v]) => leafPaths(v, path === "" ? k : `${path}.${k}`));
}
