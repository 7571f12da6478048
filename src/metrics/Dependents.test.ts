import { describe, expect, it } from "vitest";
import type { DependencyRef, DependentSpec } from "../spec/DependentSpec.js";
import { Dependents } from "./Dependents.js";

const ref = (service: string, kind: "hard" | "soft", plane: "control" | "data" = "data"): DependencyRef => ({
  service,
  kind,
  plane,
});

/** Whether dependent `shop` is up when the services in `out` are out. */
function upWith(spec: DependentSpec, out: string[]): boolean {
  const names = ["a", "b", "c"];
  const d = new Dependents(names, { shop: spec });
  const serviceOut = Uint8Array.from(names, (n) => (out.includes(n) ? 1 : 0));
  const up = new Uint8Array(1);
  d.evaluate(serviceOut, up);
  return up[0] === 1;
}

describe("Dependents k-of-n groups", () => {
  it("counts each member's kind: losing a soft member only degrades, even when the group has hard members", () => {
    // 2 of {a hard, b hard, c soft}: down only when more hard members are lost than the soft one can stand in for
    const spec = {
      illustrative: true,
      requires: [{ k: 2, of: [ref("a", "hard"), ref("b", "hard"), ref("c", "soft")] }],
    };
    expect(upWith(spec, [])).toBe(true);
    expect(upWith(spec, ["c"])).toBe(true);
    expect(upWith(spec, ["a"])).toBe(true);
    // one hard and the soft member out: fewer than 2 work, but only the soft loss is beyond what the group spares:
    // degraded, not down (the group used to be hard as a whole, so this was down)
    expect(upWith(spec, ["a", "c"])).toBe(true);
    expect(upWith(spec, ["a", "b"])).toBe(false);
  });

  it("a group of soft members is soft: never down", () => {
    const spec = {
      illustrative: true,
      requires: [{ k: 2, of: [ref("a", "soft"), ref("b", "soft"), ref("c", "soft")] }],
    };
    expect(upWith(spec, ["a", "b", "c"])).toBe(true);
  });

  it("a group of hard members is hard: down when fewer than k work", () => {
    const spec = {
      illustrative: true,
      requires: [{ k: 2, of: [ref("a", "hard"), ref("b", "hard", "control"), ref("c", "hard")] }],
    };
    expect(upWith(spec, ["b"])).toBe(true);
    expect(upWith(spec, ["a", "b"])).toBe(false);
  });
});
