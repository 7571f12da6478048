/** A typed-array column of a struct-of-arrays pool. */
export type Column =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Int8Array
  | Uint8Array;

/** Returns a copy of `a` with capacity `n` (n >= a.length), zero-filled past the old length. Cold path. */
export function growColumn<T extends Column>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
