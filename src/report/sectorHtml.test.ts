import { describe, expect, it } from "vitest";
import type { SectorResult } from "../blast/sector/SectorResult.js";
import { sectorHtml } from "./sectorHtml.js";

const q = { p50: 3600, p90: 7200, p99: 7200, max: 7200, mean: 4000 };
const share = { count: 3, n: 4, share: 0.75, low: 0.3, high: 0.95 };
const result: SectorResult = {
  schemaVersion: 1,
  fail: "region:<x>",
  runs: 4,
  seed: 1,
  assumptions: {
    duration: { family: "lognormal", parameters: "mu=1 sigma=1" },
    delayCv: 0.5,
    controlPlanes: [
      {
        region: "aws/us-west-2",
        concurrency: 8,
        launchTimeSeconds: 30,
        queueLimit: 40,
        timeoutSeconds: 300,
        capacity: null,
      },
    ],
    retry: "until launched",
    intervalSeconds: 10,
  },
  outageSeconds: q,
  functions: [
    {
      id: "L/F-<PAY>",
      name: "pay",
      firm: "L",
      critical: true,
      staticState: "degraded",
      mode: "failover",
      secondaryRegion: "aws/us-west-2",
      rtoSeconds: 3600,
      impactToleranceSeconds: 7200,
      rtoBreach: share,
      toleranceBreach: share,
      downtime: q,
      expectedMinutesBeyondTolerance: 5,
    },
  ],
  firms: [
    {
      firm: "L",
      functions: 1,
      rtoBreach: share,
      toleranceBreach: share,
      downtime: q,
      dora: { major: 0, "not major": 1, undetermined: 3 },
    },
  ],
  criticalBreachingAtOnce: [1, 3],
  redundantButBreaching: [{ id: "L/F-<PAY>", firm: "L", rtoBreach: share, reason: "queued at cp-x" }],
  timing: { wallSeconds: 1 },
};

describe("sectorHtml", () => {
  it("is one self-contained page with every section, names escaped, no script", () => {
    const html = sectorHtml(result);
    expect(html).toContain("L/F-&lt;PAY&gt;");
    expect(html).not.toContain("F-<PAY>");
    expect(html).not.toMatch(/<script|https?:\/\//);
    for (const h of ["Functions", "Firms", "Systemic view", "Redundant by static N-1"])
      expect(html).toContain(h);
    expect(html).toContain("queued at cp-x");
  });
});
