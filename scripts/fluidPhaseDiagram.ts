/**
 * The retry-storm phase diagram on both engines, as an ASCII table (docs/fluid.md, docs/experiments.md): rows =
 * `fleets.app-servers.retry.maxAttempts`, columns = the CPU loss's length (`faults.primary-cpu-loss.end` from 10m1s to
 * 10m10s); each cell is the fluid verdict beside the event engine's (one seed per point: `M` metastable, `.` recovers),
 * at `--scale 0.2` with the metastable check 10 min after the trigger and the run cut at 1300 s (what the
 * cross-validation uses). Usage: `npx tsx scripts/fluidPhaseDiagram.ts [scale] [seed]`; prints markdown.
 */
import { runScenario } from "../src/experiments/runScenario.js";
import { loadScenario } from "../src/scenario/loadScenario.js";

const scale = Number(process.argv[2] ?? 0.2);
const seed = Number(process.argv[3] ?? 1);
const ends = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const attempts = [1, 2, 3, 5];
const cell = (v: boolean | null) => (v === true ? "M" : v === false ? "." : "?");
const rows: string[] = [];
rows.push(`| maxAttempts \\ CPU loss (s) | ${ends.join(" | ")} |`);
rows.push(`| --- | ${ends.map(() => "---").join(" | ")} |`);
for (const a of attempts) {
  const cells: string[] = [];
  for (const e of ends) {
    const s = loadScenario("retry-storm", {
      scale,
      set: {
        "faults.primary-cpu-loss.end": `10m${e}s`,
        "fleets.app-servers.retry.maxAttempts": String(a),
        "verdict.metastableAfter": "10m",
      },
    });
    const fluid = runScenario(s, { engine: "fluid", until: 1300 }).summary.verdict.metastable;
    const event = runScenario(s, { seed, until: 1300 }).summary.verdict.metastable;
    cells.push(`${cell(fluid)}${cell(event)}`);
  }
  rows.push(`| ${a} | ${cells.join(" | ")} |`);
}
process.stdout.write(
  `retry-storm at scale ${scale}, fluid/event (seed ${seed}) per cell, M = metastable, . = recovers\n\n${rows.join("\n")}\n`,
);
