import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "./Xoshiro128.js";

/** The reference xoshiro128** (Blackman and Vigna, xoshiro128starstar.c) over BigInt, for one state. */
function reference(state: [number, number, number, number], n: number): number[] {
  const M = (1n << 32n) - 1n;
  const s = state.map((x) => BigInt(x >>> 0));
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number((rotl((s[1]! * 5n) & M, 7n) * 9n) & M));
    const t = (s[1]! << 9n) & M;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11n);
  }
  return out;
}

type State = { a: number; b: number; c: number; d: number };

/** Wilson-Hilferty approximation of the chi-square quantile for `df` degrees of freedom at normal quantile z. */
function chiSquareQuantile(df: number, z: number): number {
  const v = 2 / (9 * df);
  return df * (1 - v + z * Math.sqrt(v)) ** 3;
}
/** Standard normal quantile of 0.999. */
const Z_999 = 3.090232;

describe("Xoshiro128", () => {
  it("matches the reference algorithm's first outputs from state (1, 2, 3, 4)", () => {
    const rng = new Xoshiro128(1);
    Object.assign(rng as unknown as State, { a: 1, b: 2, c: 3, d: 4 });
    const got = Array.from({ length: 12 }, () => rng.nextUint32());
    expect(got).toEqual(reference([1, 2, 3, 4], 12));
    // the published vector for this state (as in the reference implementation's test suites)
    expect(got.slice(0, 6)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("matches the reference algorithm from its own seeded state", () => {
    for (const seed of [0, 1, 42, 2 ** 40 + 7]) {
      const rng = new Xoshiro128(seed);
      const st = rng as unknown as State;
      const expected = reference([st.a, st.b, st.c, st.d], 1000);
      expect(Array.from({ length: 1000 }, () => rng.nextUint32())).toEqual(expected);
    }
  });

  it("returns next() in the open interval (0, 1)", () => {
    const rng = new Xoshiro128(9);
    const st = rng as unknown as State;
    Object.assign(st, { a: 0, b: 0, c: 0, d: 1 }); // first output 0: the smallest possible
    expect(rng.next()).toBeGreaterThan(0);
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect((0xffffffff + 0.5) / 2 ** 32).toBeLessThan(1);
  });

  it("is uniform: chi-square over 100 bins of next() and 256 bins of the low byte, alpha = 0.001", () => {
    const rng = new Xoshiro128(2024);
    const n = 200000;
    const bins = new Float64Array(100);
    const bytes = new Float64Array(256);
    for (let i = 0; i < n; i++) {
      bins[Math.floor(rng.next() * 100)]!++;
      bytes[rng.nextUint32() & 255]!++;
    }
    const chi = (counts: Float64Array) => {
      const e = n / counts.length;
      let x = 0;
      for (const c of counts) x += (c - e) ** 2 / e;
      return x;
    };
    expect(chi(bins)).toBeLessThan(chiSquareQuantile(99, Z_999)); // about 148.2
    expect(chi(bytes)).toBeLessThan(chiSquareQuantile(255, Z_999)); // about 330.5
  });

  it("forks reproducible, distinct and uncorrelated sub-streams, whatever the parent drew", () => {
    const parent = new Xoshiro128(5);
    const a = parent.fork("a");
    for (let i = 0; i < 100; i++) parent.next();
    const a2 = parent.fork("a");
    const b = parent.fork("b");
    const ab = a.fork("b");
    const n = 20000;
    const xs = Array.from({ length: n }, () => a.next());
    expect(Array.from({ length: n }, () => a2.next())).toEqual(xs);
    const ys = Array.from({ length: n }, () => b.next());
    const zs = Array.from({ length: n }, () => ab.next());
    const corr = (u: number[], v: number[]) => {
      const mu = u.reduce((s, x) => s + x, 0) / n;
      const mv = v.reduce((s, x) => s + x, 0) / n;
      let suv = 0;
      let suu = 0;
      let svv = 0;
      for (let i = 0; i < n; i++) {
        suv += (u[i]! - mu) * (v[i]! - mv);
        suu += (u[i]! - mu) ** 2;
        svv += (v[i]! - mv) ** 2;
      }
      return suv / Math.sqrt(suu * svv);
    };
    // under independence the sample correlation is about N(0, 1/n): 3.29 / sqrt(n) is its 0.999 two-sided bound
    const bound = 3.29 / Math.sqrt(n);
    expect(Math.abs(corr(xs, ys))).toBeLessThan(bound);
    expect(Math.abs(corr(xs, zs))).toBeLessThan(bound);
    expect(Math.abs(corr(ys, zs))).toBeLessThan(bound);
    expect(new Xoshiro128(6).fork("a").nextUint32()).not.toBe(new Xoshiro128(5).fork("a").nextUint32());
  });

  it("hashes seed and stream name jointly: no XOR structure across seeds and names", () => {
    // With state = f(seed) XOR g(name) (two splitmix sequences XORed), the states of (s1,n1), (s1,n2), (s2,n1) XOR to
    // the state of (s2,n2) for every pair: check that no word of 200 pairs of seeds and names does.
    let xorHolds = 0;
    for (let k = 0; k < 200; k++) {
      const [s1, s2] = [k + 1, k + 1001];
      const [n1, n2] = [`fleet/a${k}/retry`, `fleet/b${k}/retry`];
      const w = (s: number, n: string) => new Xoshiro128(s).fork(n).stateWords();
      const [a, b, c, d] = [w(s1, n1), w(s1, n2), w(s2, n1), w(s2, n2)];
      for (let i = 0; i < 4; i++) if ((a[i]! ^ b[i]! ^ c[i]!) >>> 0 === d[i]) xorHolds++;
    }
    expect(xorHolds).toBe(0);
  });
});
