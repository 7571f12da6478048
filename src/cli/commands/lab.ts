import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { ports as realPorts } from "../../experiments/defaultPorts.js";
import type { ExperimentPorts } from "../../experiments/ExperimentPorts.js";
import { collect, parseScenarioRunFlags } from "../../experiments/parseFlags.js";
import { labComparison, windowMean } from "../../lab/labComparison.js";
import { runLab } from "../../lab/runLab.js";
import type { RunResult } from "../../metrics/RunResult.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { runSummaryText } from "../../report/runSummaryText.js";
import { REPORT_FILES, writeRunReport } from "../../report/writeRunReport.js";
import { colorEnabled } from "../colorEnabled.js";

interface LabFlags {
  seed: string;
  variant?: string;
  set: string[];
  scale?: string;
  speed: string;
  format: string;
  out?: string;
  compare?: boolean;
}

/** The steady state the verdict's metastable test averages over (goodput and amplification). */
function badState(r: RunResult, end: number, window: number) {
  const c = r.series.columns;
  return {
    goodput: windowMean(r.series.time, c["goodput"] ?? [], end, end + window),
    amplification: windowMean(r.series.time, c["amplification"] ?? [], end, end + window),
  };
}

/** `stampede lab SCENARIO`: the scenario as real processes on loopback (docs/lab.md), optionally beside the simulator. */
export function register(program: Command, ports: ExperimentPorts = realPorts): void {
  program
    .command("lab")
    .description(
      "run a scenario as real processes on 127.0.0.1 (HAProxy devices, node:http services, real clients)",
    )
    .argument("<scenario>", "scenario file or built-in name (e.g. lab-reconnect-storm)")
    .option("--seed <n>", "root seed of the clients' and service's random streams", "1")
    .option("--variant <name>", "apply one of the scenario's variants")
    .option("--set <path=value>", "override a field in its own units (repeatable)", collect, [])
    .option("--scale <f>", "scale populations and capacities")
    .option("--speed <f>", "time compression: durations divided by F, rates multiplied (default 1)", "1")
    .option("--format <fmt>", "text or json (the RunSummary)", "text")
    .option("--out <dir>", "write summary.json, series.csv, series.om and report.html into DIR")
    .option("--compare", "also run the simulator on the same scenario and print both side by side")
    .action(async (scenarioRef: string, flags: LabFlags) => {
      const { seed, format, set, scale } = parseScenarioRunFlags(flags);
      const speed = Number(flags.speed);
      if (!Number.isFinite(speed) || speed <= 0)
        throw new StampedeError("E_BAD_FLAG", `--speed must be a positive number, got '${flags.speed}'`, {
          path: "--speed",
        });
      const out = flags.out === undefined ? undefined : prepareOutDir(flags.out, REPORT_FILES);
      const scenario = await ports.load(scenarioRef, {
        set,
        ...(flags.variant === undefined ? {} : { variant: flags.variant }),
        ...(scale === undefined ? {} : { scale }),
      });
      const result = await runLab(scenario, { seed, speed });
      const v = scenario.verdict;
      const end = result.summary.verdict.triggerEnd ?? 0;
      let rows: ReturnType<typeof labComparison> | undefined;
      if (flags.compare === true) {
        const sim = await ports.run(scenario, { seed });
        rows = labComparison(
          {
            summary: result.summary,
            badState: badState(result, end + v.metastableAfter, v.metastableWindow),
          },
          { summary: sim.summary, badState: badState(sim, end + v.metastableAfter, v.metastableWindow) },
        );
      }
      if (format === "json")
        process.stdout.write(
          `${JSON.stringify(rows === undefined ? result.summary : { lab: result.summary, comparison: rows }, null, 2)}\n`,
        );
      else {
        process.stdout.write(runSummaryText(result.summary, { color: colorEnabled(process.stdout) }));
        const lab = result.summary.lab!;
        process.stdout.write(
          `\nlab: speed ${lab.speed}x, ${lab.wallSeconds} s wall, event-loop lag p99 ${lab.lagP99Ms} ms, timer drift ${lab.timerDriftMs} ms${lab.unreliable ? ", UNRELIABLE (lag above a tenth of the smallest timeout)" : ""}\n`,
        );
        lab.processes.forEach((p, i) => {
          process.stdout.write(
            `  client process ${i}: cpu ${p.cpuSeconds} s, lag p99 ${p.lagP99Ms} ms, drift ${p.timerDriftMs} ms\n`,
          );
        });
        if (rows !== undefined) {
          process.stdout.write("\nlab vs simulator (gap = (sim - lab) / lab)\n");
          const fmt = (x: number | string | null) =>
            x === null ? "-" : typeof x === "number" ? String(Math.round(x * 1000) / 1000) : x;
          for (const r of rows)
            process.stdout.write(
              `  ${r.metric.padEnd(38)} ${fmt(r.lab).padStart(12)} ${fmt(r.sim).padStart(12)} ${r.gap === null ? "" : `${(r.gap * 100).toFixed(1)}%`.padStart(9)}\n`,
            );
        }
      }
      if (out !== undefined) {
        writeRunReport(out, result, {
          goodputFleets: scenario.verdict.goodputFleets,
          openMetrics: { start: "scenario", nowSeconds: Date.now() / 1000 },
        });
        if (format === "text")
          process.stdout.write(`\nwrote summary.json, series.csv, series.om, report.html to ${out}\n`);
      }
    });
}
