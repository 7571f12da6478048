import { describe, expect, it } from "vitest";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { blastRadius } from "./blastRadius.js";
import { concentration } from "./concentration.js";
import { casesAt, runCases, runPairs } from "./nMinus.js";
import { resolveSelector } from "./resolveSelector.js";
import { singlePointsOfFailure } from "./singlePointsOfFailure.js";

/**
 * Two banks. Bank A's payments need 1 of 2 regions of cloud X (failover 10 min, RTO 1 h); its ledger runs on cloud Y.
 * Bank B's payments run on cloud X only (RTO 4 h).
 */
function twoBanks() {
  const b = new GraphBuilder();
  const x = b.addNode({ id: "x", type: "provider", name: "Cloud X", ultimateParent: "xgroup" });
  const y = b.addNode({ id: "y", type: "provider", name: "Cloud Y" });
  const e1 = b.addNode({ id: "x/east", type: "region" });
  const w1 = b.addNode({ id: "x/west", type: "region" });
  b.dependsOn(e1, x);
  b.dependsOn(w1, x);
  const svcE = b.addNode({ id: "pay-east", type: "service", provider: "x", serviceType: "IaaS", spend: 30 });
  const svcW = b.addNode({ id: "pay-west", type: "service", provider: "x", serviceType: "IaaS", spend: 30 });
  b.dependsOn(svcE, e1);
  b.dependsOn(svcW, w1);
  const ledger = b.addNode({
    id: "ledger-svc",
    type: "service",
    provider: "y",
    serviceType: "IaaS",
    spend: 40,
    substitutability: "none",
    alternatives: false,
  });
  b.dependsOn(ledger, y);
  const bankA = b.addNode({ id: "A", type: "entity", sector: "banking", assets: 300 });
  const bankB = b.addNode({ id: "B", type: "entity", sector: "banking", assets: 100 });
  const payA = b.addNode({
    id: "A/pay",
    type: "function",
    name: "A payments",
    critical: true,
    rtoSeconds: 3600,
    failoverSeconds: 600,
  });
  const ledA = b.addNode({
    id: "A/ledger",
    type: "function",
    name: "A ledger",
    critical: true,
    rtoSeconds: 8 * 3600,
  });
  const payB = b.addNode({
    id: "B/pay",
    type: "function",
    name: "B payments",
    critical: true,
    rtoSeconds: 4 * 3600,
  });
  b.dependsOnGroup(payA, [svcE, svcW], 1);
  b.dependsOn(ledA, ledger);
  b.dependsOn(payB, svcE);
  b.dependsOn(bankA, payA);
  b.dependsOn(bankA, ledA);
  b.dependsOn(bankB, payB);
  return b.build();
}

describe("blast analyses on a hand-built graph", () => {
  it("blast radius: failover counts as outage, RTO breaches against the longest outage", () => {
    const g = twoBanks();
    const east = resolveSelector(g, "region:x/east");
    const r = blastRadius(g, [{ node: east.nodes[0]!, start: 0, end: 5 * 3600 }]);
    const byId = new Map(r.functions.map((f) => [f.id, f]));
    expect(byId.get("A/pay")).toMatchObject({ state: "degraded", outageSeconds: 600, rtoBreached: false });
    expect(byId.get("B/pay")).toMatchObject({ state: "down", outageSeconds: 5 * 3600, rtoBreached: true });
    expect(byId.has("A/ledger")).toBe(false);
    expect(r.summary).toMatchObject({
      functionsDown: 1,
      functionsDegraded: 1,
      rtoBreaches: 1,
      holdersDown: 1,
      holdersDegraded: 1,
      assetsHit: 400,
    });
  });

  it("selectors: by name, by ultimate parent, one plane, unknown names refused", () => {
    const g = twoBanks();
    expect(resolveSelector(g, "provider:cloud x").nodes).toEqual([0]);
    expect(resolveSelector(g, "provider:xgroup").nodes).toEqual([0]);
    expect(resolveSelector(g, "region:x/east@control").mode).toBe(2);
    expect(() => resolveSelector(g, "provider:nope")).toThrow(/no provider "nope"/);
  });

  it("N-1 ranks providers; N-2 finds the functions only a pair takes down; too many pairs refused", () => {
    const g = twoBanks();
    const n1 = runCases(g, casesAt(g, "provider"));
    expect(n1.map((c) => [c.label, c.impact.criticalDown, c.impact.entitiesDown])).toEqual([
      ["provider:Cloud X", 2, 2],
      ["provider:Cloud Y", 1, 1],
    ]);
    const regions = runCases(g, casesAt(g, "region"));
    expect(regions[0]).toMatchObject({
      label: "region:x/east",
      impact: { functionsDown: 1, functionsDegraded: 1 },
    });
    const pairs = runPairs(g, casesAt(g, "region"));
    expect(pairs).toHaveLength(1);
    // both regions: B's payments were already down with east alone; A's payments only go down with the pair
    expect(pairs[0]).toMatchObject({ impact: { functionsDown: 2 }, newFunctionsDown: 1 });
    expect(() => runPairs(g, casesAt(g, "region"), { maxPairs: 0 })).toThrow(/over the limit/);
  });

  it("single points of failure: a 1-of-2 group is not one, its shared provider is", () => {
    const g = twoBanks();
    const spof = new Map(singlePointsOfFailure(g).map((s) => [s.function, s.causes]));
    expect(spof.get("A/pay")).toEqual(["provider:Cloud X"]);
    expect(spof.get("B/pay")).toEqual(["provider:Cloud X", "region:x/east", "service:pay-east"]);
    expect(spof.get("A/ledger")).toEqual(["provider:Cloud Y", "service:ledger-svc"]);
  });

  it("concentration: shares by entity count, assets and spend; screen; Art. 29", () => {
    const g = twoBanks();
    const r = concentration(g, { hhiModerate: 1500, hhiHigh: 2500 });
    const all = r.markets.find((m) => m.sector === "all" && m.serviceType === "all")!;
    // entity counts: xgroup used by A and B (2), y by A (1): shares 2/3, 1/3
    expect(all.hhi.byEntities).toBeCloseTo((200 / 3) ** 2 + (100 / 3) ** 2, 6);
    // assets: xgroup 400, y 300
    expect(all.hhi.byAssets).toBeCloseTo((400 / 7) ** 2 + (300 / 7) ** 2, 6);
    // spend: xgroup 60 (two services), y 40
    expect(all.hhi.bySpend).toBeCloseTo(60 ** 2 + 40 ** 2, 6);
    expect(all.level).toBe("high");
    expect(all.providers[0]).toMatchObject({ provider: "xgroup", name: "Cloud X (group)", entities: 2 });
    const screenX = r.screen.find((s) => s.provider === "xgroup")!;
    expect(screenX).toMatchObject({ entityShare: 1, assetShare: 1, passes: true });
    expect(r.art29).toEqual([
      {
        function: "A ledger",
        owners: ["A"],
        service: "ledger-svc",
        provider: "Cloud Y",
        substitutability: "none",
      },
    ]);
  });
});
