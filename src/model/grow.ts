/** Returns a copy of `a` with capacity `n` (n >= a.length). Cold path: pools double when full. */
export function grow<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
