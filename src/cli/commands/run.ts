import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { ports as realPorts } from "../../experiments/defaultPorts.js";
import type { ExperimentPorts } from "../../experiments/ExperimentPorts.js";
import { E_MEMORY_LIMIT, parseBytes } from "../../experiments/memoryGuard.js";
import { collect, parseOpenMetricsStart, parseScenarioRunFlags } from "../../experiments/parseFlags.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { progressReporter } from "../../report/progressReporter.js";
import { runSummaryText } from "../../report/runSummaryText.js";
import { REPORT_FILES, writeRunReport } from "../../report/writeRunReport.js";
import { colorEnabled } from "../colorEnabled.js";

interface RunFlags {
  seed: string;
  until?: string;
  variant?: string;
  set: string[];
  scale?: string;
  format: string;
  out?: string;
  openmetricsStart?: string;
  quiet?: boolean;
  maxMemory?: string;
  allowLarge?: boolean;
  engine?: string;
}

/** `stampede run SCENARIO`: one run, a text or JSON summary, and optionally summary.json, series.csv, series.om, report.html. */
export function register(program: Command, ports: ExperimentPorts = realPorts): void {
  program
    .command("run")
    .description("run a scenario once and summarise it (phases on a timeline, verdict, devices, dependents)")
    .argument("<scenario>", "scenario file or built-in name (see `stampede list`)")
    .option("--seed <n>", "root seed of the random streams", "1")
    .option("--until <duration>", "run length, e.g. 10h (default: the scenario's duration)")
    .option("--variant <name>", "apply one of the scenario's variants")
    .option(
      "--set <path=value>",
      "override a field in its own units, e.g. fleets.x.timeout=2s (repeatable)",
      collect,
      [],
    )
    .option("--scale <f>", "scale populations and capacities (e.g. 0.1 for a quick look)")
    .option("--format <fmt>", "text or json (the RunSummary)", "text")
    .option("--out <dir>", "write summary.json, series.csv, series.om and report.html into DIR")
    .option(
      "--openmetrics-start <base>",
      "time base of series.om: scenario (the scenario's own clock, default) or now (the run ends now)",
      "scenario",
    )
    .option("--quiet", "no progress on stderr")
    .option(
      "--max-memory <size>",
      "stop the run with partial results (exit 3) past this memory use, e.g. 2GB (default: 75% of the heap limit)",
    )
    .option("--allow-large", "run even when the size estimate says the run is too large")
    .option("--engine <name>", "event (default: discrete events) or fluid (mean-field, docs/fluid.md)")
    .action(async (scenarioRef: string, flags: RunFlags) => {
      const { seed, format, set, scale, until, engine } = parseScenarioRunFlags(flags);
      const openMetricsStart = parseOpenMetricsStart(flags.openmetricsStart);
      const maxMemory =
        flags.maxMemory === undefined ? undefined : parseBytes("--max-memory", flags.maxMemory);
      const out = flags.out === undefined ? undefined : prepareOutDir(flags.out, REPORT_FILES);
      const scenario = await ports.load(scenarioRef, {
        set,
        ...(flags.variant === undefined ? {} : { variant: flags.variant }),
        ...(scale === undefined ? {} : { scale }),
      });
      const progress = progressReporter({ label: "run", quiet: flags.quiet === true });
      let result: Awaited<ReturnType<ExperimentPorts["run"]>>;
      try {
        result = await ports.run(scenario, {
          seed,
          ...(until === undefined ? {} : { until }),
          ...(maxMemory === undefined ? {} : { maxMemory }),
          ...(flags.allowLarge === true ? { allowLarge: true } : {}),
          ...(engine === undefined ? {} : { engine }),
          onProgress: (f) => progress.update(f, 1),
        });
      } finally {
        progress.stop();
      }
      if (format === "json") process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
      else process.stdout.write(runSummaryText(result.summary, { color: colorEnabled(process.stdout) }));
      if (out !== undefined) {
        writeRunReport(out, result, {
          goodputFleets: scenario.verdict.goodputFleets,
          openMetrics: { start: openMetricsStart, nowSeconds: Date.now() / 1000 },
        });
        if (format === "text")
          process.stdout.write(`\nwrote summary.json, series.csv, series.om, report.html to ${out}\n`);
      }
      if (result.stopReason !== undefined) {
        const where = out === undefined ? "partial results printed" : `partial results written to ${out}`;
        throw new StampedeError(E_MEMORY_LIMIT, `${result.stopReason}; ${where}`);
      }
    });
}
