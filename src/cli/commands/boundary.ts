import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { type BoundaryResult, findBoundary } from "../../experiments/boundary/findBoundary.js";
import { ports as realPorts } from "../../experiments/defaultPorts.js";
import type { ExperimentPorts } from "../../experiments/ExperimentPorts.js";
import { collect, parseScenarioRunFlags, parseWhole } from "../../experiments/parseFlags.js";
import { chooseRunner } from "../../experiments/pool/chooseRunner.js";
import { defaultWorkers } from "../../experiments/pool/poolRunner.js";
import { parseBound } from "../../experiments/sweep/parseParam.js";

interface BoundaryFlags {
  param: string;
  engine?: string;
  replications: string;
  tolerance?: string;
  maxRuns?: string;
  seed: string;
  set: string[];
  scale?: string;
  until?: string;
  workers?: string;
  format: string;
}

export interface BoundaryDeps {
  ports: ExperimentPorts;
  portsModule?: string;
}

/** `path=FROM..TO` (one parameter, no point count: bisection chooses the points). */
function parseRange(text: string): { path: string; from: number; to: number } {
  const m = /^([^=]+)=(.+?)\.\.(.+)$/.exec(text.trim());
  if (m === null)
    throw new StampedeError("E_BAD_PARAM", `expected path=FROM..TO, got '${text}'`, { path: "--param" });
  const path = m[1]!.trim();
  return { path, from: parseBound(m[2]!, path), to: parseBound(m[3]!, path) };
}

function show(r: BoundaryResult): string {
  const c = r.confirmation;
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const side = (name: string, x: BoundaryResult["confirmation"]["low"]) =>
    x.metastable === null
      ? `  ${name} ${x.value}: no determined run`
      : `  ${name} ${x.value}: metastable ${x.metastable.count}/${x.metastable.n} = ${pct(x.metastable.share)} ` +
        `[${pct(x.metastable.low)}, ${pct(x.metastable.high)}]${x.undetermined > 0 ? `, ${x.undetermined} undetermined` : ""}`;
  return [
    `${r.scenario}: ${r.path} boundary ${round(r.boundary)} +/- ${round(r.uncertainty)} ` +
      `(${r.engine} bisection; metastable ${r.metastableAbove ? "above" : "below"})`,
    `event-engine confirmation (Wilson 95%):`,
    side("low ", c.low),
    side("high", c.high),
    c.confirmed
      ? "confirmed: the verdict flips inside the bracket"
      : "NOT confirmed by the event engine at the bracket",
    `${r.runs} runs`,
    "",
  ].join("\n");
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** `stampede boundary SCENARIO --param path=FROM..TO`: where the verdict flips, with its uncertainty. */
export function register(program: Command, deps: BoundaryDeps = { ports: realPorts }): void {
  program
    .command("boundary")
    .description(
      "find where the verdict flips along one parameter: bisection (fluid engine by default), then event-engine replications with Wilson intervals at the bracket",
    )
    .argument("<scenario>", "scenario file or built-in name")
    .requiredOption("--param <path=FROM..TO>", "the parameter and its range, e.g. faults.x.end=10m1s..10m10s")
    .option("--engine <name>", "engine of the bisection: fluid (default) or event", "fluid")
    .option("--replications <r>", "event-engine runs at each bracketing point", "20")
    .option(
      "--tolerance <x>",
      "stop when the bracket is this narrow, in the parameter's units (default: range / 100)",
    )
    .option("--max-runs <n>", "most runs in all", "500")
    .option("--seed <n>", "seed of the first replication", "1")
    .option("--set <path=value>", "override a field for every run (repeatable)", collect, [])
    .option("--scale <f>", "scale populations and capacities")
    .option("--until <duration>", "run length (default: the scenario's duration)")
    .option(
      "--workers <n>",
      "worker threads for the event-engine replications (default: the number of cores)",
    )
    .option("--format <fmt>", "text or json", "text")
    .action(async (scenarioRef: string, flags: BoundaryFlags) => {
      const { engine: _bisection, ...runFlags } = flags;
      const { seed, format, set, scale, until } = parseScenarioRunFlags(runFlags);
      const engine = flags.engine ?? "fluid";
      if (engine !== "fluid" && engine !== "event")
        throw new StampedeError("E_BAD_FLAG", `--engine must be fluid or event, got '${engine}'`, {
          path: "--engine",
        });
      const range = parseRange(flags.param);
      const replications = parseWhole("--replications", flags.replications, 1);
      const maxRuns = parseWhole("--max-runs", flags.maxRuns ?? "500", 3);
      const tolerance =
        flags.tolerance === undefined ? undefined : parseBound(flags.tolerance, "--tolerance");
      if (tolerance !== undefined && !(tolerance > 0))
        throw new StampedeError("E_BAD_FLAG", "--tolerance must be positive", { path: "--tolerance" });
      // Every run must load: check the scenario and the parameter once before starting.
      await deps.ports.load(scenarioRef, {
        set: { ...set, [range.path]: range.from },
        ...(scale === undefined ? {} : { scale }),
      });
      const workers = Math.min(
        flags.workers === undefined ? defaultWorkers() : parseWhole("--workers", flags.workers, 1),
        replications,
      );
      const runner = chooseRunner(workers, deps);
      try {
        const result = await findBoundary(runner, {
          scenario: scenarioRef,
          ...range,
          engine,
          replications,
          maxRuns,
          ...(tolerance === undefined ? {} : { tolerance }),
          seed,
          set,
          ...(scale === undefined ? {} : { scale }),
          ...(until === undefined ? {} : { until }),
        });
        process.stdout.write(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : show(result));
      } finally {
        await runner.close();
      }
    });
}
