import { performance } from "node:perf_hooks";
import { casesAt, runCases } from "../src/blast/analysis/nMinus.js";
import { Xoshiro128 } from "../src/engine/Xoshiro128.js";
import type { DependencyGraph } from "../src/graph/DependencyGraph.js";
import { GraphBuilder } from "../src/graph/GraphBuilder.js";
import type { BenchResult } from "./BenchResult.js";

const ORGANISATIONS = 100_000;
const PROVIDERS = 500;
const SERVICES_PER_PROVIDER = 5;

/**
 * A synthetic sector: 500 providers with Zipf-like popularity (a few big clouds, a long tail), 5 services each, and
 * 100,000 organisations with 10 dependency edges each (7 hard, 1 soft, one 1-of-2 redundancy group): 1,000,000
 * organisation edges plus 2,500 service -> provider edges.
 */
export function syntheticSector(seed = 1, organisations = ORGANISATIONS): DependencyGraph {
  const rng = new Xoshiro128(seed);
  const b = new GraphBuilder();
  const providers: number[] = [];
  for (let p = 0; p < PROVIDERS; p++) providers.push(b.addNode({ id: `p${p}`, type: "provider" }));
  const services: number[] = [];
  for (let p = 0; p < PROVIDERS; p++) {
    for (let s = 0; s < SERVICES_PER_PROVIDER; s++) {
      const i = b.addNode({ id: `p${p}/s${s}`, type: "service", provider: `p${p}` });
      b.dependsOn(i, providers[p]!);
      services.push(i);
    }
  }
  // Zipf(1) over providers by inverse-CDF on a table.
  const cdf = new Float64Array(PROVIDERS);
  let total = 0;
  for (let p = 0; p < PROVIDERS; p++) cdf[p] = total += 1 / (p + 1);
  const service = (): number => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = PROVIDERS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return services[lo * SERVICES_PER_PROVIDER + Math.floor(rng.next() * SERVICES_PER_PROVIDER)]!;
  };
  for (let o = 0; o < organisations; o++) {
    const org = b.addNode({ id: `o${o}`, type: "organisation", assets: 1 + (o % 100) });
    for (let e = 0; e < 7; e++) b.dependsOn(org, service());
    b.dependsOn(org, service(), { kind: "soft" });
    let a = service();
    let c = service();
    while (c === a) c = service();
    if (a > c) [a, c] = [c, a];
    b.dependsOnGroup(org, [a, c], 1);
  }
  return b.build();
}

/** Builds the synthetic sector and times a full N-1 over its 500 providers (median of 3 runs). */
export async function blastBench(): Promise<BenchResult[]> {
  const t0 = performance.now();
  const graph = syntheticSector();
  const buildSeconds = (performance.now() - t0) / 1000;
  const cases = casesAt(graph, "provider");
  const times: number[] = [];
  let hit = 0;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const results = runCases(graph, cases);
    times.push((performance.now() - t) / 1000);
    hit = results[0]!.impact.entitiesDown;
  }
  times.sort((x, y) => x - y);
  const n1 = times[1]!;
  return [
    {
      name: "blast.n1.providers",
      value: n1,
      unit: "s",
      note: `N-1 over ${cases.length} providers, ${ORGANISATIONS} organisations, ${graph.groupCount} requirements (target <= 10 s); worst provider takes down ${hit} organisations`,
    },
    {
      name: "blast.graph.build",
      value: buildSeconds,
      unit: "s",
      note: "building the synthetic graph (typed arrays, CSR)",
    },
  ];
}
