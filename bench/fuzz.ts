/**
 * `npm run fuzz [-- FILES [SEED]]`: the scenario fuzz test at a larger size (default 10,000 files, seed 1). Prints
 * each file that fails (internal error, an error without a position, or a run over 10 s) with its mutated text saved
 * under fuzz-failures/, and a count per outcome; exits 1 when any failed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fuzzScenarios } from "../src/experiments/testing/fuzzScenarios.js";

const files = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const counts: Record<string, number> = {};
let failed = 0;
const t0 = performance.now();
fuzzScenarios({ seed, files }, (o) => {
  counts[o.result] = (counts[o.result] ?? 0) + 1;
  const bad = o.result === "unlocated" || o.result === "internal" || o.seconds > 10;
  if (bad) {
    failed++;
    mkdirSync("fuzz-failures", { recursive: true });
    writeFileSync(`fuzz-failures/fuzz-${seed}-${o.index}.yaml`, o.text ?? "");
    process.stdout.write(`FAIL #${o.index} ${o.kind} ${o.result} ${o.seconds.toFixed(1)}s ${o.message}\n`);
  }
  if ((o.index + 1) % 1000 === 0) process.stderr.write(`${o.index + 1}/${files}\n`);
});
const wall = (performance.now() - t0) / 1000;
process.stdout.write(`${files} files, seed ${seed}, ${wall.toFixed(0)} s: ${JSON.stringify(counts)}\n`);
process.exitCode = failed > 0 ? 1 : 0;
