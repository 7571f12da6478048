import { describe, expect, it } from "vitest";
import { GraphBuilder } from "./GraphBuilder.js";
import type { NodeInfo } from "./NodeInfo.js";
import { NodeTable } from "./NodeTable.js";

const full: NodeInfo = {
  id: "svc",
  type: "service",
  name: "The service",
  critical: false,
  rtoSeconds: 3600,
  failoverSeconds: 0,
  assets: 12.5,
  sector: "banking",
  entityType: "S01",
  country: "NL",
  lei: "ZZST000X9HA2KWUKLH64",
  ultimateParent: "p",
  serviceType: "IaaS",
  provider: "p",
  spend: 7,
  substitutability: "difficult",
  alternatives: true,
  source: { file: "g.yaml", line: 3, col: 5 },
};

describe("NodeTable: the nodes' data by column", () => {
  it("gives back every field as added, and only those (absent stays absent, false and 0 stay)", () => {
    const t = new NodeTable();
    const a = t.add(full);
    const b = t.add({ id: "org", type: "organisation", name: "org" });
    expect(t.info(a)).toStrictEqual(full);
    expect(t.info(b)).toStrictEqual({ id: "org", type: "organisation", name: "org" });
    expect(t.indexOf("org")).toBe(b);
    expect(t.indexOf("nope")).toBeUndefined();
    expect(() => t.info(2)).toThrow(RangeError);
    expect(() => t.info(-1)).toThrow(RangeError);
  });

  it("update changes the fields given and keeps the others; clone is independent", () => {
    const t = new NodeTable();
    const a = t.add(full);
    const copy = t.clone();
    t.update(a, { sector: "insurance", name: "renamed" });
    expect(t.info(a)).toStrictEqual({ ...full, sector: "insurance", name: "renamed" });
    expect(copy.info(a)).toStrictEqual(full);
    copy.add({ id: "x", type: "zone", name: "x" });
    expect(t.size).toBe(1);
    expect(t.indexOf("x")).toBeUndefined();
  });
});

describe("GraphBuilder shares its node table with the graph it built, copying it before a change", () => {
  it("a built graph does not see the builder's later nodes or updates", () => {
    const b = new GraphBuilder();
    const p = b.addNode({ id: "p", type: "provider", lei: "L1" });
    const g = b.build();
    b.update(p, { lei: "L2" });
    const q = b.addNode({ id: "q", type: "provider" });
    expect(g.info(p).lei).toBe("L1");
    expect(g.indexOf("q")).toBeUndefined();
    expect(g.nodeCount).toBe(1);
    expect(b.info(p).lei).toBe("L2");
    expect(b.build().info(q).id).toBe("q");
  });
});
