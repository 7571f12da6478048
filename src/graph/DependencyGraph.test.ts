import { describe, expect, it } from "vitest";
import { GraphBuilder } from "./GraphBuilder.js";
import { Failure, NodeState } from "./NodeState.js";

const { UP, DEGRADED, DOWN } = NodeState;

function run(b: GraphBuilder, failed: Record<number, number>): number[] {
  const g = b.build();
  const mask = new Uint8Array(g.nodeCount);
  for (const [k, v] of Object.entries(failed)) mask[Number(k)] = v;
  const out = new Uint8Array(g.nodeCount);
  g.evaluate(mask, out);
  return Array.from(out);
}

describe("DependencyGraph.evaluate", () => {
  it("2-of-3 redundancy survives one loss (degraded), not two (down)", () => {
    const b = new GraphBuilder();
    const app = b.addNode({ id: "app", type: "function" });
    const r = [0, 1, 2].map((i) => b.addNode({ id: `r${i}`, type: "region" }));
    b.dependsOnGroup(app, r, 2);
    expect(run(b, {})[app]).toBe(UP);
    expect(run(b, { [r[0]!]: 1 })[app]).toBe(DEGRADED);
    expect(run(b, { [r[0]!]: 1, [r[2]!]: 1 })[app]).toBe(DOWN);
    expect(run(b, { [r[0]!]: 1, [r[1]!]: 1, [r[2]!]: 1 })[app]).toBe(DOWN);
  });

  it("a soft edge degrades, a hard edge breaks", () => {
    const b = new GraphBuilder();
    const f = b.addNode({ id: "f", type: "function" });
    const hard = b.addNode({ id: "h", type: "service" });
    const soft = b.addNode({ id: "s", type: "service" });
    b.dependsOn(f, hard);
    b.dependsOn(f, soft, { kind: "soft" });
    expect(run(b, { [soft]: 1 })).toEqual([DEGRADED, UP, DOWN]);
    expect(run(b, { [hard]: 1 })).toEqual([DOWN, DOWN, UP]);
  });

  it("propagates through chains and marks transitive dependents", () => {
    const b = new GraphBuilder();
    const ids = ["entity", "fn", "svc", "zone", "region", "provider"] as const;
    const types = ["entity", "function", "service", "zone", "region", "provider"] as const;
    const n = ids.map((id, i) => b.addNode({ id, type: types[i]! }));
    for (let i = 0; i + 1 < n.length; i++) b.dependsOn(n[i]!, n[i + 1]!);
    expect(run(b, { 5: 1 })).toEqual([DOWN, DOWN, DOWN, DOWN, DOWN, DOWN]);
    expect(run(b, { 3: 1 })).toEqual([DOWN, DOWN, DOWN, DOWN, UP, UP]);
  });

  it("a hard cycle stays up with no failure and goes down entirely with one", () => {
    const b = new GraphBuilder();
    const c = [0, 1, 2, 3].map((i) => b.addNode({ id: `c${i}`, type: "service" }));
    for (let i = 0; i < 4; i++) b.dependsOn(c[i]!, c[(i + 1) % 4]!);
    const outside = b.addNode({ id: "user", type: "function" });
    b.dependsOn(outside, c[0]!, { kind: "soft" });
    expect(run(b, {})).toEqual([UP, UP, UP, UP, UP]);
    expect(run(b, { 2: 1 })).toEqual([DOWN, DOWN, DOWN, DOWN, DEGRADED]);
  });

  it("a soft cycle is degraded, not down, and terminates", () => {
    const b = new GraphBuilder();
    const x = b.addNode({ id: "x", type: "service" });
    const y = b.addNode({ id: "y", type: "service" });
    const z = b.addNode({ id: "z", type: "service" });
    b.dependsOn(x, y, { kind: "soft" });
    b.dependsOn(y, x, { kind: "soft" });
    b.dependsOn(y, z, { kind: "soft" });
    expect(run(b, { [z]: 1 })).toEqual([DEGRADED, DEGRADED, DOWN]);
  });

  it("a control-plane failure breaks control-plane edges only", () => {
    const b = new GraphBuilder();
    const region = b.addNode({ id: "aws/us-east-1", type: "region" });
    const launcher = b.addNode({ id: "autoscaling", type: "function" });
    const running = b.addNode({ id: "web", type: "function" });
    const user = b.addNode({ id: "user", type: "entity" });
    b.dependsOn(launcher, region, { plane: "control" });
    b.dependsOn(running, region);
    b.dependsOn(user, running);
    expect(run(b, { [region]: Failure.CONTROL })).toEqual([DEGRADED, DOWN, UP, UP]);
    expect(run(b, { [region]: Failure.DATA })).toEqual([DEGRADED, UP, DOWN, DOWN]);
    expect(run(b, { [region]: Failure.CONTROL | Failure.DATA })).toEqual([DOWN, DOWN, DOWN, DOWN]);
  });

  it("a group uses each member through its own plane (memberPlanes), and reports the planes per member", () => {
    const b = new GraphBuilder();
    const a = b.addNode({ id: "a", type: "service" });
    const d = b.addNode({ id: "d", type: "service" });
    const f = b.addNode({ id: "f", type: "function" });
    // f needs 1 of {a through its control plane, d through its data plane}
    b.dependsOnGroup(f, [a, d], 1, { memberPlanes: ["control", "data"] });
    expect(run(b, { [a]: Failure.CONTROL })).toEqual([DEGRADED, UP, DEGRADED]);
    // both members lost the plane f uses of them: down (with the first member's plane for both, d held)
    expect(run(b, { [a]: Failure.CONTROL, [d]: Failure.DATA })).toEqual([DEGRADED, DEGRADED, DOWN]);
    // a lost only the plane f does not use: it still works for f
    expect(run(b, { [a]: Failure.DATA, [d]: Failure.DATA })).toEqual([DEGRADED, DEGRADED, DEGRADED]);
    const [req] = b.build().requirements(f);
    expect(req).toMatchObject({
      k: 1,
      members: [a, d],
      hard: true,
      plane: "mixed",
      planes: ["control", "data"],
    });
  });

  it("a partially failed node that goes down through its own dependencies counts once", () => {
    const b = new GraphBuilder();
    const p = b.addNode({ id: "p", type: "provider" });
    const r = b.addNode({ id: "r", type: "region" });
    const f = b.addNode({ id: "f", type: "function" });
    b.dependsOn(r, p);
    // f needs 1 of {r} through the control plane and r through the data plane: both count r once each.
    b.dependsOnGroup(f, [r, p], 1, { plane: "control" });
    expect(run(b, { [r]: Failure.CONTROL })).toEqual([UP, DEGRADED, DEGRADED]);
    expect(run(b, { [r]: Failure.CONTROL, [p]: Failure.FULL })).toEqual([DOWN, DOWN, DOWN]);
  });

  it("sparse evaluation with clearImpacted matches full evaluation for every single failure", () => {
    const b = new GraphBuilder();
    const n = 40;
    for (let i = 0; i < n; i++) b.addNode({ id: `n${i}`, type: "service" });
    // deterministic pseudo-random structure with groups, soft edges and cycles
    let s = 7;
    const next = (m: number): number => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s % m;
    };
    for (let i = 0; i < 80; i++) {
      const from = next(n);
      const size = 1 + next(3);
      const members = Array.from({ length: size }, () => next(n));
      const k = 1 + next(new Set(members).size);
      b.dependsOnGroup(from, members, k, { kind: next(3) === 0 ? "soft" : "hard" });
    }
    const g = b.build();
    const sparseOut = new Uint8Array(n);
    for (let v = 0; v < n; v++) {
      const mask = new Uint8Array(n);
      mask[v] = 1;
      const full = new Uint8Array(n);
      const count = g.evaluate(mask, full);
      const count2 = g.evaluateSparse([v], undefined, sparseOut);
      expect(count2).toBe(count);
      expect(Array.from(sparseOut)).toEqual(Array.from(full));
      expect(count).toBe(Array.from(full).filter((x) => x !== UP).length);
      g.clearImpacted(sparseOut);
      expect(sparseOut.every((x) => x === UP)).toBe(true);
    }
  });

  it("rejects a k outside 1..n", () => {
    const b = new GraphBuilder();
    const a = b.addNode({ id: "a", type: "function" });
    const c = b.addNode({ id: "c", type: "service" });
    expect(() => b.dependsOnGroup(a, [c, c], 2)).toThrow(/k must be between 1 and n/);
    expect(() => b.addNode({ id: "a", type: "service" })).toThrow(/declared twice/);
  });
});
