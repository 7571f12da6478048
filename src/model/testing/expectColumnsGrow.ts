import { expect } from "vitest";

/**
 * Asserts that every typed-array property of `pool` (its columns) has the same length after `alloc` was called
 * `n` times: a column missing from the pool's registration would stay short and drop writes silently.
 */
export function expectColumnsGrow(pool: object, alloc: () => number, n: number): void {
  for (let i = 0; i < n; i++) alloc();
  const lengths = Object.entries(pool)
    .filter(([, v]) => ArrayBuffer.isView(v))
    .map(([k, v]) => [k, (v as Int8Array).length] as const);
  expect(lengths.length).toBeGreaterThan(0);
  for (const [key, length] of lengths) expect({ key, length }).toEqual({ key, length: lengths[0]![1] });
  expect(lengths[0]![1]).toBeGreaterThanOrEqual(n);
}
