import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../graph/GraphBuilder.js";
import { blastRadius } from "./analysis/blastRadius.js";
import { failuresFromRun } from "./fromRun.js";

function graph() {
  const b = new GraphBuilder();
  const nat = b.addNode({ id: "internal-nat", type: "service", name: "Internal NAT" });
  const api = b.addNode({ id: "api-gw", type: "service" });
  const fn = b.addNode({ id: "checkout", type: "function", critical: true, rtoSeconds: 3600 });
  b.dependsOn(api, nat);
  b.dependsOn(fn, api);
  return b.build();
}

describe("failuresFromRun", () => {
  it("matches services by name or through a map and keeps their windows", () => {
    const g = graph();
    const run = {
      services: [
        { name: "internal nat", outageWindows: [{ start: 100, end: 7300 }] },
        { name: "sts", outageWindows: [{ start: 0, end: 50 }] },
      ],
    };
    const r = failuresFromRun(g, run);
    expect(r.matched).toEqual([{ service: "internal nat", nodes: ["internal-nat"] }]);
    expect(r.unmatched).toEqual(["sts"]);
    const report = blastRadius(g, r.failures);
    expect(report.functions[0]).toMatchObject({
      id: "checkout",
      outageSeconds: 7200,
      windows: [{ start: 100, end: 7300 }],
      rtoBreached: true,
    });
    const mapped = failuresFromRun(
      g,
      { services: { sts: { outageWindows: [{ start: 0, end: 50 }] } } },
      { sts: "api-gw" },
    );
    expect(mapped.failures).toEqual([{ node: g.indexOf("api-gw"), start: 0, end: 50 }]);
  });

  it("refuses a summary without services, bad windows, and runs that match nothing", () => {
    const g = graph();
    expect(() => failuresFromRun(g, { foo: 1 })).toThrow(/no services/);
    expect(() =>
      failuresFromRun(g, { services: [{ name: "api-gw", outageWindows: [{ start: 5, end: 1 }] }] }),
    ).toThrow(/start <= end/);
    expect(() => failuresFromRun(g, { services: [{ name: "x", outageWindows: [] }] })).toThrow(/--map/);
    expect(() =>
      failuresFromRun(g, { services: [{ name: "x", outageWindows: [] }] }, { x: "missing" }),
    ).toThrow(/not in the graph/);
  });
});
