/**
 * The fidelity measurement of docs/lab.md: runs `stampede lab` and the simulator on lab-reconnect-storm for seeds
 * 1..N of one variant, prints the lab's mean and run-to-run spread (coefficient of variation: the noise floor) beside
 * the simulator's mean, and writes docs/images/lab-vs-sim-<variant>.svg (goodput per second over time, every lab run
 * in grey, the simulator's seed-1 run in blue). Usage: npx tsx scripts/labFidelity.ts [variant] [runs] [--set p=v]...
 * [--sim-only] [--scenario FILE]; `--sim-only` runs only the simulator's seeds and prints their figures (no lab, no
 * chart): for model experiments against a recorded lab table; `--scenario FILE` replaces the built-in
 * lab-reconnect-storm (e.g. an older version of it).
 */
import { writeFileSync } from "node:fs";
import { runScenario } from "../src/experiments/runScenario.js";
import { windowMean } from "../src/lab/labComparison.js";
import { runLab } from "../src/lab/runLab.js";
import type { RunResult } from "../src/metrics/RunResult.js";
import { loadScenario } from "../src/scenario/loadScenario.js";

const variant = process.argv[2] ?? "no-backoff";
const runs = Number(process.argv[3] ?? 5);
const set: Record<string, string> = {};
const simOnly = process.argv.includes("--sim-only");
let ref = "lab-reconnect-storm";
for (let i = 4; i < process.argv.length; i++)
  if (process.argv[i] === "--set") {
    const [k, ...v] = process.argv[++i]!.split("=");
    set[k!] = v.join("=");
  } else if (process.argv[i] === "--scenario") ref = process.argv[++i]!;
const scenario = loadScenario(ref, { variant, set });
const v = scenario.verdict;

function figures(r: RunResult) {
  const s = r.summary;
  const end = (s.verdict.triggerEnd ?? 0) + v.metastableAfter;
  const c = r.series.columns;
  return {
    normalGoodput: s.verdict.baselineGoodput,
    normalAmplification: windowMean(r.series.time, c["amplification"] ?? [], 4, 12) ?? Number.NaN,
    badGoodput: windowMean(r.series.time, c["goodput"] ?? [], end, end + v.metastableWindow) ?? Number.NaN,
    badAmplification:
      windowMean(r.series.time, c["amplification"] ?? [], end, end + v.metastableWindow) ?? Number.NaN,
    recovery:
      s.verdict.recoveredAt === null ? Number.NaN : s.verdict.recoveredAt - (s.verdict.triggerEnd ?? 0),
    peakQueue: Object.values(s.links)[0]?.peakQueue ?? Number.NaN,
  };
}
type Figures = ReturnType<typeof figures>;
const labRuns: RunResult[] = [];
for (let seed = 1; seed <= (simOnly ? 0 : runs); seed++) {
  const r = await runLab(scenario, { seed });
  process.stderr.write(
    `lab seed ${seed}: lag p99 ${r.summary.lab?.lagP99Ms} ms, unreliable ${r.summary.lab?.unreliable}\n`,
  );
  if (!r.summary.lab?.unreliable) labRuns.push(r);
}
const simRuns = Array.from({ length: runs }, (_, i) => runScenario(scenario, { seed: i + 1 }));
const stats = (xs: number[]) => {
  const f = xs.filter(Number.isFinite);
  const m = f.reduce((a, b) => a + b, 0) / f.length;
  const sd = Math.sqrt(f.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, f.length - 1));
  return { mean: m, cv: m === 0 ? 0 : sd / m, n: f.length };
};
const lab = labRuns.map(figures);
const sim = simRuns.map(figures);
if (simOnly) {
  console.log(`| ${variant} (${sim.length} sim seeds) | simulator mean (runs) | simulator CV |`);
  console.log("|---|---|---|");
  for (const k of Object.keys(sim[0]!) as (keyof Figures)[]) {
    const b = stats(sim.map((f) => f[k]));
    console.log(
      `| ${k} | ${b.n ? b.mean.toFixed(2) : "never"} (${b.n}/${sim.length}) | ${(b.cv * 100).toFixed(1)}% |`,
    );
  }
  process.exit(0);
}
console.log(
  `| ${variant} (${lab.length} lab runs not unreliable, ${sim.length} sim seeds) | lab mean | lab noise floor (CV) | simulator mean | gap |`,
);
console.log("|---|---|---|---|---|");
for (const k of Object.keys(lab[0]!) as (keyof Figures)[]) {
  const a = stats(lab.map((f) => f[k]));
  const b = stats(sim.map((f) => f[k]));
  const gap =
    a.mean === 0 || !Number.isFinite(a.mean) || !Number.isFinite(b.mean)
      ? "-"
      : `${(((b.mean - a.mean) / a.mean) * 100).toFixed(1)}%`;
  console.log(
    `| ${k} | ${a.n ? a.mean.toFixed(2) : "never"} (${a.n}/${lab.length}) | ${(a.cv * 100).toFixed(1)}% | ${b.n ? b.mean.toFixed(2) : "never"} (${b.n}/${sim.length}) | ${gap} |`,
  );
}
// The chart: goodput over time, lab runs and the simulator.
const W = 640;
const H = 240;
const T = scenario.duration;
const ymax =
  Math.max(
    ...[...labRuns, simRuns[0]!].flatMap((r) => (r.series.columns["goodput"] ?? []).map((x) => x ?? 0)),
  ) * 1.1;
const path = (r: RunResult) =>
  (r.series.columns["goodput"] ?? [])
    .map(
      (g, i) =>
        `${i === 0 ? "M" : "L"}${((r.series.time[i]! / T) * (W - 50) + 40).toFixed(1)},${(H - 30 - ((g ?? 0) / ymax) * (H - 50)).toFixed(1)}`,
    )
    .join(" ");
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
  `<title>lab-reconnect-storm (${variant}): goodput of the lab runs and the simulator</title>`,
  `<rect width="${W}" height="${H}" fill="white"/>`,
  `<text x="40" y="14">lab-reconnect-storm, variant ${variant}: goodput (successes/s) over scenario seconds</text>`,
  `<line x1="40" y1="${H - 30}" x2="${W - 10}" y2="${H - 30}" stroke="black"/><line x1="40" y1="20" x2="40" y2="${H - 30}" stroke="black"/>`,
  `<text x="${W - 30}" y="${H - 15}">${T}s</text><text x="36" y="${H - 15}">0</text><text x="2" y="28">${Math.round(ymax)}</text>`,
  ...labRuns.map((r) => `<path d="${path(r)}" fill="none" stroke="#999" stroke-width="1"/>`),
  `<path d="${path(simRuns[0]!)}" fill="none" stroke="#1f6fd0" stroke-width="2"/>`,
  `<text x="60" y="${H - 40}" fill="#999">grey: lab runs (seeds 1..${runs})</text><text x="260" y="${H - 40}" fill="#1f6fd0">blue: simulator (seed 1)</text>`,
  "</svg>",
].join("\n");
writeFileSync(`docs/images/lab-vs-sim-${variant}.svg`, `${svg}\n`);
