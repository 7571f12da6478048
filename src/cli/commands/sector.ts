import type { Command } from "commander";
import type { ControlPlaneInput } from "../../blast/failover/FailoverSpec.js";
import { loadGraphs } from "../../blast/loadGraphs.js";
import { type ControlPlane, controlPlaneOf } from "../../blast/sector/controlPlaneDefaults.js";
import { formatSectorText } from "../../blast/sector/formatSectorText.js";
import { type OutageDurationModel, outageDurationModel } from "../../blast/sector/outageDurationModel.js";
import { outageDurationsFromRuns } from "../../blast/sector/outageDurationsFromRuns.js";
import { simulateSector } from "../../blast/sector/simulateSector.js";
import { parseDuration } from "../../core/parseDuration.js";
import { StampedeError } from "../../core/StampedeError.js";
import { writeOutputSet } from "../../core/writeOutputSet.js";
import { collect, parseFormat, parsePositive, parseWhole } from "../../experiments/parseFlags.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { sectorHtml } from "../../report/sectorHtml.js";

interface SectorFlags {
  fail?: string;
  duration: string;
  runs: string;
  seed: string;
  delayCv: string;
  format: string;
  out?: string;
  fromRuns?: string;
  failover?: string;
  entities?: string;
  lenient?: boolean;
  controlPlane: string[];
}

/**
 * `--control-plane REGION:key=value,...` (repeatable): overrides of a secondary region's launch control plane
 * (concurrency, launchTime, queueLimit, timeout, capacity), for counterfactuals and the launch-rate sensitivity.
 */
function parseControlPlanes(
  items: readonly string[],
  declared: readonly ControlPlaneInput[],
): ControlPlane[] {
  return items.map((item) => {
    const colon = item.indexOf(":");
    const bad = (why: string) =>
      new StampedeError("E_BAD_FLAG", `--control-plane "${item}": ${why}`, { path: "--control-plane" });
    if (colon <= 0) throw bad("expected REGION:key=value,... e.g. aws/us-west-2:concurrency=16");
    const base = controlPlaneOf(item.slice(0, colon), declared);
    const out: Record<string, number | string | null> = { ...base };
    for (const kv of item.slice(colon + 1).split(",")) {
      const [k, v] = kv.split("=");
      if (k === undefined || v === undefined) throw bad(`"${kv}" is not key=value`);
      let x: number;
      try {
        x = k === "launchTime" || k === "timeout" ? parseDuration(v) : Number(v);
      } catch {
        x = Number.NaN;
      }
      const key = {
        concurrency: "concurrency",
        launchTime: "launchTimeSeconds",
        queueLimit: "queueLimit",
        timeout: "timeoutSeconds",
        capacity: "capacity",
      }[k];
      if (key === undefined)
        throw bad(`unknown key "${k}" (concurrency, launchTime, queueLimit, timeout, capacity)`);
      const whole = key === "concurrency" || key === "queueLimit" || key === "capacity";
      if (
        !(x > 0 || ((key === "queueLimit" || key === "capacity") && x === 0)) ||
        (whole && !Number.isInteger(x))
      )
        throw bad(`bad value "${v}" for ${k}`);
      out[key] = x;
    }
    return out as unknown as ControlPlane;
  });
}

/** `stampede sector GRAPH... --fail SELECTOR`: Monte Carlo of a whole sector failing over (docs/blast.md). */
export function register(program: Command): void {
  program
    .command("sector")
    .description(
      "Monte Carlo of a provider or region outage with every firm failing over at once onto shared secondary control planes (on the event engine)",
    )
    .argument("<graph...>", "graph files, Backstage catalogs or DORA registers (with failover side files)")
    .option("--fail <selector>", "what fails, e.g. region:aws/us-east-1 (required)")
    .option(
      "--duration <dist>",
      "outage duration: lognormal (default, fitted to published durations), weibull, exponential, or a fixed duration such as 8h",
      "lognormal",
    )
    .option("--runs <n>", "Monte Carlo runs", "1000")
    .option("--seed <n>", "root seed", "1")
    .option(
      "--delay-cv <x>",
      "CV of each firm's detection and decision delays (lognormal; 0 = as written)",
      "0.5",
    )
    .option("--failover <file>", "failover side file for every input; default a register's own failover.yaml")
    .option("--entities <file>", "entities.csv with LEI, total assets, sector for the registers")
    .option("--lenient", "registers: import the valid rows and list the others")
    .option(
      "--control-plane <spec>",
      "override a secondary's launch control plane, e.g. aws/us-west-2:concurrency=16,queueLimit=80,capacity=600 (repeatable)",
      collect,
      [],
    )
    .option(
      "--from-runs <dir>",
      "draw outage durations from the outage windows (triggerStart -> recoveredAt) of a compare or sweep --out directory; runs that never recovered count as lower bounds (censored)",
    )
    .option("--format <fmt>", "text, json or html", "text")
    .option("--out <dir>", "write sector.json and report.html into DIR")
    .action((paths: string[], flags: SectorFlags, command: Command) => {
      const format = parseFormat(flags.format, ["text", "json", "html"] as const);
      if (flags.fail === undefined)
        throw new StampedeError("E_BAD_FLAG", "--fail SELECTOR is required", { path: "--fail" });
      if (flags.fromRuns !== undefined && command.getOptionValueSource("duration") === "cli")
        throw new StampedeError("E_BAD_FLAG", "--from-runs and --duration are exclusive: give one", {
          path: "--from-runs",
        });
      const runs = parseWhole("--runs", flags.runs, 1);
      const seed = parseWhole("--seed", flags.seed, 0);
      const delayCv = flags.delayCv === "0" ? 0 : parsePositive("--delay-cv", flags.delayCv);
      let duration: OutageDurationModel;
      if (flags.fromRuns !== undefined) duration = outageDurationsFromRuns(flags.fromRuns);
      else {
        try {
          duration = outageDurationModel(flags.duration);
        } catch (e) {
          throw new StampedeError("E_BAD_FLAG", (e as Error).message, { path: "--duration" });
        }
      }
      const out =
        flags.out === undefined ? undefined : prepareOutDir(flags.out, ["sector.json", "report.html"]);
      const loaded = loadGraphs(paths, {
        ...(flags.lenient ? { lenient: true } : {}),
        ...(flags.entities ? { entitiesFile: flags.entities } : {}),
        ...(flags.failover ? { failoverFile: flags.failover } : {}),
      });
      const controlPlanes = parseControlPlanes(flags.controlPlane, loaded.controlPlanes);
      const result = simulateSector(loaded, {
        fail: flags.fail,
        runs,
        seed,
        duration,
        delayCv,
        controlPlanes,
      });
      const json = `${JSON.stringify(result, null, 2)}\n`;
      if (format === "json") process.stdout.write(json);
      else if (format === "html") process.stdout.write(sectorHtml(result));
      else process.stdout.write(formatSectorText(result));
      if (out !== undefined) {
        writeOutputSet(out, "sector", { "sector.json": json, "report.html": sectorHtml(result) });
        if (format === "text") process.stdout.write(`\nwrote sector.json and report.html to ${out}\n`);
      }
    });
}
