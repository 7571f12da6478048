import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { FixedRng } from "../testing/FixedRng.js";
import { type BackoffConfig, makeBackoff } from "./Backoff.js";

describe("Backoff formulas", () => {
  const u = new FixedRng(0.25);
  it("constant, linear and exponential without jitter", () => {
    expect(makeBackoff({ type: "constant", delay: 2 }).delay(7, -1, u)).toBe(2);
    const lin = makeBackoff({ type: "linear", base: 0.5, cap: 2 });
    expect([0, 1, 2, 3, 9].map((n) => lin.delay(n, -1, u))).toEqual([0.5, 1, 1.5, 2, 2]);
    const exp = makeBackoff({ type: "exponential", base: 0.1, cap: 1, jitter: "none" });
    expect([0, 1, 2, 3, 4, 60].map((n) => exp.delay(n, -1, u))).toEqual([0.1, 0.2, 0.4, 0.8, 1, 1]);
  });

  it("full, equal, decorrelated and gRPC jitter", () => {
    const full = makeBackoff({ type: "exponential", base: 1, cap: 100, jitter: "full" });
    expect(full.delay(3, -1, u)).toBe(8 * 0.25);
    const equal = makeBackoff({ type: "exponential", base: 1, cap: 100, jitter: "equal" });
    expect(equal.delay(3, -1, u)).toBe(4 + 4 * 0.25);
    const dec = makeBackoff({ type: "decorrelated", base: 1, cap: 10 });
    expect(dec.delay(0, -1, u)).toBe(1 + (3 - 1) * 0.25); // d(-1) = base
    expect(dec.delay(5, 4, u)).toBe(1 + (12 - 1) * 0.25);
    expect(dec.delay(5, 100, u)).toBe(10); // capped
    const grpc = makeBackoff({ type: "grpc", initial: 1, multiplier: 1.6, max: 120 });
    expect(grpc.delay(2, -1, u)).toBeCloseTo(2.56 * 0.9, 12);
    expect(grpc.delay(50, -1, new FixedRng(0.999))).toBeCloseTo(120 * (0.8 + 0.4 * 0.999), 9);
  });

  it("'none' never waits", () => {
    const none = makeBackoff({ type: "none" });
    for (let n = 0; n < 10; n++) expect(none.delay(n, -1, u)).toBe(0);
  });

  it("rejects invalid configs with E_POLICY_CONFIG and the field path", () => {
    const bad = (c: unknown) => () => makeBackoff(c as BackoffConfig, "fleet.retry.backoff");
    expect(bad({ type: "exponential", base: -1 })).toThrow(
      expect.objectContaining({ path: "fleet.retry.backoff.base" }),
    );
    expect(bad({ type: "exponential" })).toThrow(expect.objectContaining({ code: "E_POLICY_CONFIG" }));
    expect(bad({ type: "exponential", base: 2, cap: 1 })).toThrow(
      expect.objectContaining({ path: "fleet.retry.backoff.cap" }),
    );
    expect(bad({ type: "exponential", base: 1, jitter: "wild" })).toThrow(/one of none, full, equal/);
    expect(bad({ type: "fibonacci" })).toThrow(expect.objectContaining({ path: "fleet.retry.backoff.type" }));
    expect(bad(null)).toThrow(expect.objectContaining({ code: "E_POLICY_CONFIG" }));
  });

  const configs = fc.oneof(
    fc.record({
      type: fc.constant("constant" as const),
      delay: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
    fc.record({
      type: fc.constant("linear" as const),
      base: fc.double({ min: 0, max: 10, noNaN: true }),
      cap: fc.double({ min: 10, max: 100, noNaN: true }),
      jitter: fc.constantFrom("none" as const, "full" as const, "equal" as const),
    }),
    fc.record({
      type: fc.constant("exponential" as const),
      base: fc.double({ min: 0, max: 10, noNaN: true }),
      cap: fc.double({ min: 10, max: 1000, noNaN: true }),
      multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
      jitter: fc.constantFrom("none" as const, "full" as const, "equal" as const, "decorrelated" as const),
    }),
    fc.record({
      type: fc.constant("decorrelated" as const),
      base: fc.double({ min: 0, max: 10, noNaN: true }),
      cap: fc.double({ min: 10, max: 1000, noNaN: true }),
    }),
  );

  it("property: delays are never negative and never exceed the cap", () => {
    fc.assert(
      fc.property(configs, fc.integer({ min: 1, max: 2 ** 31 }), (config, seed) => {
        const b = makeBackoff(config as BackoffConfig);
        const rng = new Xoshiro128(seed);
        let prev = -1;
        for (let n = 0; n < 200; n++) {
          const d = b.delay(n, prev, rng);
          if (!(d >= 0 && d <= b.cap)) return false;
          prev = d;
        }
        return b.maxDelay === b.cap;
      }),
    );
  });

  it("property: gRPC delays stay within [0.8, 1.2] x min(initial x multiplier^n, max)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 5, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (initial, multiplier, max, seed) => {
          const b = makeBackoff({ type: "grpc", initial, multiplier, max });
          const rng = new Xoshiro128(seed);
          for (let n = 0; n < 100; n++) {
            const e = Math.min(initial * multiplier ** n, max);
            const d = b.delay(n, -1, rng);
            if (d < 0.8 * e - 1e-12 || d > 1.2 * e + 1e-12 || d > b.maxDelay + 1e-12) return false;
          }
          return true;
        },
      ),
    );
  });
});
