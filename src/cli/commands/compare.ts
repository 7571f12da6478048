import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { compareVariants } from "../../experiments/compareVariants.js";
import { ports as realPorts } from "../../experiments/defaultPorts.js";
import type { ExperimentPorts } from "../../experiments/ExperimentPorts.js";
import { E_MEMORY_LIMIT, parseBytes } from "../../experiments/memoryGuard.js";
import {
  collect,
  parseOpenMetricsStart,
  parseScenarioRunFlags,
  parseWhole,
} from "../../experiments/parseFlags.js";
import { chooseRunner } from "../../experiments/pool/chooseRunner.js";
import { defaultWorkers } from "../../experiments/pool/poolRunner.js";
import { compareTable } from "../../report/compareTable.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { progressReporter } from "../../report/progressReporter.js";
import { writeCompareReport } from "../../report/writeCompareReport.js";
import { REPORT_FILES } from "../../report/writeRunReport.js";

interface CompareFlags {
  variant: string[];
  replications: string;
  engine?: string;
  seed: string;
  scale?: string;
  set: string[];
  until?: string;
  workers?: string;
  format: string;
  out?: string;
  openmetricsStart?: string;
  quiet?: boolean;
  maxMemory?: string;
  allowLarge?: boolean;
}

/** Where the command gets its model: the real one, or a fake in tests (in-process and as a worker module). */
export interface CompareDeps {
  ports: ExperimentPorts;
  /** File URL of the module whose `ports` the workers use. Default: the real model. */
  portsModule?: string;
}

/** `stampede compare SCENARIO`: baseline vs variants with common random numbers and confidence intervals. */
export function register(program: Command, deps: CompareDeps = { ports: realPorts }): void {
  program
    .command("compare")
    .description(
      "compare the baseline with variants over replications (common random numbers, 95% intervals)",
    )
    .argument("<scenario>", "scenario file or built-in name")
    .option(
      "--variant <name>",
      "a variant to compare (repeatable; default: every declared variant)",
      collect,
      [],
    )
    .option("--replications <r>", "runs per variant", "5")
    .option("--seed <n>", "seed of the first replication; replication i uses seed + i in every variant", "1")
    .option("--scale <f>", "scale populations and capacities")
    .option("--set <path=value>", "override a field for every run (repeatable)", collect, [])
    .option("--until <duration>", "run length (default: the scenario's duration)")
    .option("--workers <n>", "worker threads (default: the number of cores, at most one per run)")
    .option("--format <fmt>", "text or json", "text")
    .option("--out <dir>", "write summary.json, series.csv, series.om and report.html into DIR")
    .option(
      "--openmetrics-start <base>",
      "time base of series.om: scenario (the scenario's own clock, default) or now (the run ends now)",
      "scenario",
    )
    .option("--quiet", "no progress on stderr")
    .option(
      "--max-memory <size>",
      "stop each run with partial results (exit 3) past this memory use, e.g. 2GB",
    )
    .option("--allow-large", "run even when the size estimate says a run is too large")
    .option("--engine <name>", "event (default) or fluid (deterministic: one replication, intervals n/a)")
    .action(async (scenarioRef: string, flags: CompareFlags) => {
      const { seed, format, set, scale, until, engine } = parseScenarioRunFlags(flags);
      // The fluid engine is deterministic: replications would repeat the same run.
      const replications = engine === "fluid" ? 1 : parseWhole("--replications", flags.replications, 1);
      const openMetricsStart = parseOpenMetricsStart(flags.openmetricsStart);
      const maxMemory =
        flags.maxMemory === undefined ? undefined : parseBytes("--max-memory", flags.maxMemory);
      const out = flags.out === undefined ? undefined : prepareOutDir(flags.out, REPORT_FILES);
      const base = await deps.ports.load(scenarioRef, { set });
      const declared = Object.keys(base.variants);
      const variants = flags.variant.length > 0 ? flags.variant : declared;
      // Every named variant must load before any run starts; a variant may change its goodput fleets (for the report).
      const goodputFleets: Record<string, readonly string[]> = { baseline: base.verdict.goodputFleets };
      for (const v of variants)
        goodputFleets[v] = (await deps.ports.load(scenarioRef, { set, variant: v })).verdict.goodputFleets;
      const total = (variants.length + 1) * replications;
      const workers = Math.min(
        flags.workers === undefined ? defaultWorkers() : parseWhole("--workers", flags.workers, 1),
        total,
      );
      const runner = chooseRunner(workers, deps);
      const progress = progressReporter({
        label: "compare",
        unit: "runs",
        quiet: flags.quiet === true,
        plainLines: true,
      });
      try {
        const result = await compareVariants(runner, {
          scenario: scenarioRef,
          variants,
          replications,
          seed,
          set,
          ...(scale === undefined ? {} : { scale }),
          ...(until === undefined ? {} : { until }),
          ...(flags.allowLarge === true ? { allowLarge: true } : {}),
          ...(maxMemory === undefined ? {} : { maxMemory }),
          ...(engine === undefined ? {} : { engine }),
          onRunDone: (done, n) => progress.update(done, n),
        });
        progress.stop();
        if (format === "json")
          process.stdout.write(
            `${JSON.stringify({ scenario: result.scenario, seeds: result.seeds, stats: result.stats }, null, 2)}\n`,
          );
        else process.stdout.write(compareTable(result.scenario, result.seeds, result.stats));
        if (out !== undefined) {
          writeCompareReport(out, result, {
            goodputFleets,
            openMetrics: { start: openMetricsStart, nowSeconds: Date.now() / 1000 },
          });
          if (format === "text")
            process.stdout.write(`\nwrote summary.json, series.csv, series.om, report.html to ${out}\n`);
        }
        const runs = result.runs.flatMap((r) => r.summaries);
        const partial = runs.filter((s) => s.partial === true).length;
        if (partial > 0)
          throw new StampedeError(
            E_MEMORY_LIMIT,
            `${partial} of ${runs.length} runs stopped early at the memory limit (--max-memory); their summaries are ` +
              `marked partial${out === undefined ? "" : `; results written to ${out}`}`,
          );
      } finally {
        progress.stop();
        await runner.close();
      }
    });
}
