import { loadavg } from "node:os";
import { cpuUsage } from "node:process";
import { preparedLoader } from "../src/experiments/preparedScenarios.js";
import { loadScenario } from "../src/scenario/loadScenario.js";
import type { BenchResult } from "./BenchResult.js";

const SCENARIO = "aws-us-east-1-2021-12-07";
/** Distinct points per block; the two ways alternate block by block. */
const BLOCK = 5;
const BLOCKS = 6;

/** CPU milliseconds (this thread's process) of `f(point)` over the points `from..from+BLOCK-1`. */
function cpuOf(f: (point: number) => unknown, from: number): number {
  const before = cpuUsage();
  for (let i = from; i < from + BLOCK; i++) f(i);
  const used = cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The per-point cost of loading a sweep point of the 2021 scenario at scale 0.1: the old path (read, parse, validate
 * the base and every variant, apply the point, validate again, scale) against the prepared one (the base parsed and
 * validated once per worker; per point only apply, validate the result, scale). CPU time, both warmed up by 3 calls,
 * then measured in alternating blocks of BLOCK distinct points (BLOCKS each), so machine noise weighs on both alike.
 */
export async function loadOnceBench(): Promise<BenchResult[]> {
  const set = (i: number) => ({ "fleets.internal-clients.retry.maxAttempts": String(2 + (i % 7)) });
  const old = (i: number) => loadScenario(SCENARIO, { set: set(i), scale: 0.1 });
  const loader = preparedLoader();
  const once = (i: number) => loader.load(SCENARIO, { set: set(i), scale: 0.1 });
  for (let i = 0; i < 3; i++) {
    old(1000 + i);
    once(1000 + i);
  }
  const loadBefore = loadavg()[0]!.toFixed(1);
  let oldMs = 0;
  let onceMs = 0;
  for (let b = 0; b < BLOCKS; b++) {
    // Each block's points are new to both (the prepared loader caches by file, not by point).
    oldMs += cpuOf(old, b * BLOCK);
    onceMs += cpuOf(once, b * BLOCK);
  }
  const points = BLOCK * BLOCKS;
  return [
    {
      name: "sweep.loadPerPoint.old",
      value: oldMs / points,
      unit: "ms CPU",
      note: `${SCENARIO}, ${points} distinct points in alternating blocks of ${BLOCK}; load average ${loadBefore}`,
    },
    {
      name: "sweep.loadPerPoint.prepared",
      value: onceMs / points,
      unit: "ms CPU",
      note: "base validated once per worker",
    },
    { name: "sweep.loadPerPoint.saving", value: (oldMs - onceMs) / points, unit: "ms CPU" },
  ];
}
