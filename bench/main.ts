import type { Bench, BenchResult } from "./BenchResult.js";
import { blastBench } from "./blastBench.js";
import { engineBench } from "./engineBench.js";
import { fluidBench } from "./fluidBench.js";
import { scenarioBench } from "./scenarioBench.js";
import { sectorBench } from "./sectorBench.js";
import { sweepBench } from "./sweepBench.js";

/**
 * `npm run bench [-- --json] [-- --only NAME]`. Each bench is a module in bench/ exporting an async function that
 * returns `BenchResult[]`; add it to this list with a short name.
 */
const benches: { name: string; run: Bench }[] = [
  { name: "engine", run: engineBench },
  { name: "scenario", run: scenarioBench },
  { name: "sweep", run: sweepBench },
  { name: "blast", run: blastBench },
  { name: "fluid", run: fluidBench },
  { name: "sector", run: sectorBench },
];

function formatValue(r: BenchResult): string {
  if (r.unit === "events/s") return `${(r.value / 1e6).toFixed(2)}M ${r.unit}`;
  return `${Number(r.value.toPrecision(4))} ${r.unit}`;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const onlyAt = argv.indexOf("--only");
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  const selected = benches.filter((b) => only === undefined || b.name === only);
  if (selected.length === 0)
    throw new Error(`no bench named ${only}: ${benches.map((b) => b.name).join(", ")}`);
  const results: BenchResult[] = [];
  for (const b of selected) {
    if (!json) process.stderr.write(`running ${b.name}...\n`);
    for (const r of await b.run()) {
      results.push(r);
      if (!json) {
        const ratio = r.ratio === undefined ? "" : `  ${r.ratio.toFixed(2)}x ceiling`;
        process.stdout.write(`${r.name.padEnd(22)} ${formatValue(r).padStart(18)}${ratio}\n`);
        if (r.note) process.stdout.write(`${"".padEnd(22)} ${r.note}\n`);
      }
    }
  }
  if (json) process.stdout.write(`${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
