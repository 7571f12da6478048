import { performance } from "node:perf_hooks";
import type { FailoverSpec } from "../src/blast/failover/FailoverSpec.js";
import type { LoadedGraph } from "../src/blast/loadGraphs.js";
import { outageDurationModel } from "../src/blast/sector/outageDurationModel.js";
import { simulateSector } from "../src/blast/sector/simulateSector.js";
import { GraphBuilder } from "../src/graph/GraphBuilder.js";
import type { BenchResult } from "./BenchResult.js";
import { syntheticSector } from "./blastBench.js";

const SECONDARIES = ["cloud/r1", "cloud/r2", "cloud/r3"];

/**
 * A synthetic sector for `stampede sector`: `organisations` firms, each with one critical function (RTO 2 h) in
 * region cloud/r0 failing over to one of three secondaries, with 12 distinct failover parameter sets (secondary x
 * footprint of 1 to 4 instances), so that with `delayCv: 0` firms with the same parameters are one fleet. Each
 * secondary's control plane launches 2,000 at once (30 s each).
 */
export function failoverSector(organisations: number): LoadedGraph {
  const b = new GraphBuilder();
  const primary = b.addNode({ id: "cloud/r0", type: "region" });
  const secondaries = SECONDARIES.map((id) => b.addNode({ id, type: "region" }));
  const failover: { spec: FailoverSpec; functionNode: string }[] = [];
  for (let o = 0; o < organisations; o++) {
    const org = b.addNode({ id: `o${o}`, type: "organisation" });
    const fn = b.addNode({ id: `o${o}/F`, type: "function", critical: true, rtoSeconds: 7200 });
    b.dependsOn(org, fn);
    const k = o % 3;
    b.dependsOnGroup(fn, [primary, secondaries[k]!], 1);
    failover.push({
      functionNode: `o${o}/F`,
      spec: {
        functionId: "F",
        lei: `o${o}`,
        detectionSeconds: 300,
        decisionSeconds: 900,
        primaryRegion: "cloud/r0",
        primaryProvider: "cloud",
        secondaryRegion: SECONDARIES[k]!,
        secondaryProvider: "cloud",
        standby: "cold",
        instancesToLaunch: 1 + ((o >> 2) % 4),
        reservedInstances: 0,
        dnsTtlSeconds: 60,
        rtoSeconds: 7200,
        impactToleranceSeconds: 14400,
        source: { file: "synthetic", line: 1, col: 1 },
      },
    });
  }
  return {
    graph: b.build(),
    correlated: [],
    sources: [],
    warnings: [],
    failover,
    controlPlanes: SECONDARIES.map((region) => ({
      region,
      concurrency: 2000,
      launchTimeSeconds: 30,
      queueLimit: 10000,
      timeoutSeconds: 300,
      source: { file: "synthetic", line: 1, col: 1 },
    })),
  };
}

/**
 * `stampede sector` over 100,000 organisations (target: 1,000 outages in at most 60 s on 2 cores; measured on
 * `OUTAGES` outages and extrapolated, the whole 1,000 takes minutes) and the peak RSS of building a graph of
 * 1,000,000 organisations (about 10 million edges; target < 600 MB; `process.resourceUsage().maxRSS` of this
 * process, so run it alone: `npm run bench -- --only sector`).
 */
export async function sectorBench(): Promise<BenchResult[]> {
  const OUTAGES = Number(process.env["SECTOR_BENCH_OUTAGES"] ?? 5);
  // The graph build first: maxRSS is the peak so far, so it must be read before the Monte Carlo runs.
  const t1 = performance.now();
  syntheticSector(1, 1_000_000);
  const buildSeconds = (performance.now() - t1) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const results: BenchResult[] = [
    {
      name: "sector.graph1M.maxRSS",
      value: maxRssMb,
      unit: "MB",
      note: `peak RSS of this process after building 1,000,000 organisations in ${buildSeconds.toFixed(1)} s (target < 600 MB)`,
    },
  ];
  if (OUTAGES <= 0) return results;
  const loaded = failoverSector(100_000);
  const t0 = performance.now();
  const r = simulateSector(loaded, {
    fail: "region:cloud/r0",
    runs: OUTAGES,
    seed: 1,
    duration: outageDurationModel(),
    delayCv: 0,
  });
  const perOutage = (performance.now() - t0) / 1000 / OUTAGES;
  results.push({
    name: "sector.100k.1000outages",
    value: perOutage * 1000,
    unit: "s",
    note: `extrapolated from ${OUTAGES} outages (${perOutage.toFixed(2)} s each; 12 fleets, ${r.functions.length} functions, 250,000 launches per outage); target <= 60 s`,
  });
  return results;
}
