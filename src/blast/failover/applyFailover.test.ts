import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blastRadius } from "../analysis/blastRadius.js";
import { ImportError } from "../import/ImportIssues.js";
import { loadGraphs } from "../loadGraphs.js";

const LEI = "ZZST000X9HA2KWUKLH64"; // noordhaven-bank (fictional)

function registerWith(side: string): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-"));
  cpSync("examples/register/noordhaven-bank", join(dir, "reg"), { recursive: true });
  writeFileSync(join(dir, "reg", "failover.yaml"), side);
  return join(dir, "reg");
}

describe("loadGraphs with failover data", () => {
  it("reads a register's own failover.yaml and makes the function need 1 of its two regions", () => {
    const reg = registerWith(`stampede: failover/v1
functions:
  - function: F-PAY
    lei: ${LEI}
    primary: { region: aws/us-east-1 }
    secondary: { region: aws/us-west-2 }
    standby: warm
`);
    const loaded = loadGraphs([reg]);
    expect(loaded.failover.map((f) => f.functionNode)).toEqual([`${LEI}/F-PAY`]);
    const g = loaded.graph;
    const east = g.indexOf("aws/us-east-1")!;
    expect(g.type(east)).toBe("region");
    const report = blastRadius(g, [{ node: east, start: 0, end: 3600 }]);
    // Static view: redundant (degraded, not down), down only for the failover time (5m + 15m + 60s).
    expect(report.states[`${LEI}/F-PAY`]).toBe("degraded");
    const fn = report.functions.find((f) => f.id === `${LEI}/F-PAY`)!;
    expect(fn.outageSeconds).toBe(300 + 900 + 60);
    const west = g.indexOf("aws/us-west-2")!;
    const both = blastRadius(g, [
      { node: east, start: 0, end: 3600 },
      { node: west, start: 0, end: 3600 },
    ]);
    expect(both.states[`${LEI}/F-PAY`]).toBe("down");
  });

  it("refuses a spec naming no function of the graph, located at the entry (exit 2)", () => {
    const reg = registerWith(`stampede: failover/v1
functions:
  - function: F-PAY
    lei: ${LEI}
    primary: { region: aws/us-east-1 }
    secondary: { region: aws/us-west-2 }
  - function: F-NOPE
    lei: ${LEI}
    secondary: { region: aws/us-west-2 }
`);
    try {
      loadGraphs([reg]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      const errs = (e as ImportError).errors;
      expect(errs.map((x) => [x.code, x.location?.line, x.location?.file.endsWith("failover.yaml")])).toEqual(
        [["E_FAILOVER_UNKNOWN_FUNCTION", 7, true]],
      );
    }
  });

  it("--failover FILE replaces the side files beside registers; catalogs give annotations", () => {
    const dir = mkdtempSync(join(tmpdir(), "failover-cat-"));
    const cat = join(dir, "catalog-info.yaml");
    writeFileSync(
      cat,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations:
    stampede.dev/critical: "true"
    stampede.dev/lei: ${LEI}
    stampede.dev/failover-primary-region: aws/us-east-1
    stampede.dev/failover-region: aws/eu-west-1
    stampede.dev/failover-standby: hot
spec: { type: service, owner: me, lifecycle: production }
`,
    );
    const loaded = loadGraphs([cat]);
    expect(loaded.failover.map((f) => [f.functionNode, f.spec.standby])).toEqual([
      ["component:default/payments", "hot"],
    ]);
    expect(loaded.graph.indexOf("aws/eu-west-1")).toBeDefined();
    const side = join(dir, "side.yaml");
    writeFileSync(side, "stampede: failover/v1\nfunctions: []\n");
    const reg = registerWith("stampede: failover/v1\nfunctions:\n  - { function: X, lei: bad }\n");
    expect(loadGraphs([reg], { failoverFile: side }).failover).toEqual([]);
  });
});
