import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { blastRadius } from "../../blast/analysis/blastRadius.js";
import { casesAt, type FailureLevel, runCases, runPairs } from "../../blast/analysis/nMinus.js";
import { resolveSelector } from "../../blast/analysis/resolveSelector.js";
import { singlePointsOfFailure } from "../../blast/analysis/singlePointsOfFailure.js";
import { failuresFromRun } from "../../blast/fromRun.js";
import { graphJsonSchema } from "../../blast/import/graphFileSchema.js";
import { loadGraphs } from "../../blast/loadGraphs.js";
import type { BlastResult } from "../../blast/output/BlastResult.js";
import { formatBlastText } from "../../blast/output/formatText.js";
import { renderBlastHtml } from "../../blast/output/renderHtml.js";
import { parseDuration } from "../../core/parseDuration.js";
import { StampedeError } from "../../core/StampedeError.js";
import { writeOutputSet } from "../../core/writeOutputSet.js";
import { collect, parseFormat, parseWhole } from "../../experiments/parseFlags.js";
import type { TimedFailure } from "../../graph/evaluateTimeline.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { parseYamlData } from "../../scenario/yamlData.js";

interface BlastFlags {
  fail: string[];
  for?: string;
  fromRun?: string;
  map?: string;
  n1?: string;
  n2?: boolean;
  top: string;
  maxPairs: string;
  spof?: boolean;
  lenient?: boolean;
  entities?: string;
  failover?: string;
  format: string;
  out?: string;
  limit: string;
  schema?: boolean;
}

const LEVELS = ["provider", "region", "zone"] as const;

function readJsonOrYaml(path: string, flag: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new StampedeError("E_BAD_FLAG", `cannot read ${path}`, { path: flag });
  }
  if (!path.endsWith(".json")) return parseYamlData(text, path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StampedeError(
      "E_BAD_FLAG",
      `${path} is not valid ${path.endsWith(".json") ? "JSON" : "YAML"}: ${(e as Error).message}`,
      { path: flag },
    );
  }
}

/** `stampede blast GRAPH...`: blast radius of failures, N-1 / N-2, single points of failure. */
export function register(program: Command): void {
  program
    .command("blast")
    .description(
      "who goes down with a provider, region or zone, for how long, against RTOs; N-1, N-2, single points of failure",
    )
    .argument(
      "[graph...]",
      "stampede graph YAML, Backstage catalog-info.yaml, or DORA register (folder or ZIP); repeat for a sector view",
    )
    .option(
      "--fail <selector>",
      "fail a node: provider:aws, region:aws/us-east-1, zone:..., a name; @control or @data for one plane (repeatable)",
      collect,
      [],
    )
    .option("--for <duration>", "how long --fail lasts, e.g. 7h (default 1h)")
    .option(
      "--from-run <summary.json>",
      "fail the graph nodes matching a simulation's services over their outageWindows",
    )
    .option("--map <file>", "YAML/JSON mapping of simulated service names to graph node ids (for --from-run)")
    .option("--n-1 <level>", "fail every provider, region or zone in turn")
    .option("--n-2", "fail pairs among the top K single failures and the declared correlated pairs")
    .option("--top <k>", "N-2: pairs among the K worst single failures", "50")
    .option("--max-pairs <n>", "N-2: refuse to run more pairs than this", "5000")
    .option("--spof", "list the single points of failure of every critical function")
    .option("--lenient", "registers: import the valid rows and list the others")
    .option("--entities <file>", "entities.csv with LEI, total assets, sector for the registers")
    .option(
      "--failover <file>",
      "failover side file (stampede: failover/v1) for every input; default a register's own failover.yaml",
    )
    .option("--format <fmt>", "text or json", "text")
    .option("--out <dir>", "write blast.json and report.html into DIR")
    .option("--limit <n>", "rows per table in text output", "25")
    .option("--schema", "print the JSON Schema of the stampede graph format and exit")
    .addHelpText(
      "after",
      "\nWith no --fail, --from-run, --n-1, --n-2 or --spof: N-1 over providers and the single points of failure.\n",
    )
    .action((paths: string[], flags: BlastFlags) => {
      if (flags.schema) {
        process.stdout.write(`${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
        return;
      }
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const limit = parseWhole("--limit", flags.limit, 1);
      const top = parseWhole("--top", flags.top, 2);
      const maxPairs = parseWhole("--max-pairs", flags.maxPairs, 1);
      const level = (flags.n1 ?? (flags.n2 ? "provider" : undefined)) as FailureLevel | undefined;
      if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
        throw new StampedeError("E_BAD_FLAG", `expected provider, region or zone, got '${level}'`, {
          path: "--n-1",
        });
      }
      if (flags.for !== undefined && flags.fail.length === 0) {
        throw new StampedeError("E_BAD_FLAG", "--for needs at least one --fail", { path: "--for" });
      }
      if (flags.map !== undefined && flags.fromRun === undefined) {
        throw new StampedeError("E_BAD_FLAG", "--map goes with --from-run", { path: "--map" });
      }
      let duration = 3600;
      if (flags.for !== undefined) {
        try {
          duration = parseDuration(flags.for);
        } catch (e) {
          throw new StampedeError("E_BAD_FLAG", (e as Error).message, { path: "--for" });
        }
        if (!(duration > 0)) throw new StampedeError("E_BAD_FLAG", "--for must be > 0", { path: "--for" });
      }
      const out =
        flags.out === undefined ? undefined : prepareOutDir(flags.out, ["blast.json", "report.html"]);
      const loaded = loadGraphs(paths, {
        ...(flags.lenient ? { lenient: true } : {}),
        ...(flags.entities ? { entitiesFile: flags.entities } : {}),
        ...(flags.failover ? { failoverFile: flags.failover } : {}),
      });
      const { graph } = loaded;
      const nothingAsked = flags.fail.length === 0 && !flags.fromRun && level === undefined && !flags.spof;
      const failures: TimedFailure[] = [];
      for (const sel of flags.fail) {
        const s = resolveSelector(graph, sel);
        for (const node of s.nodes) failures.push({ node, start: 0, end: duration, mode: s.mode });
      }
      let fromRun: NonNullable<BlastResult["radius"]>["fromRun"];
      if (flags.fromRun) {
        const map = flags.map
          ? (readJsonOrYaml(flags.map, "--map") as Record<string, string | string[]>)
          : {};
        const r = failuresFromRun(
          graph,
          readJsonOrYaml(flags.fromRun, "--from-run"),
          map ?? {},
          flags.fromRun,
        );
        failures.push(...r.failures);
        fromRun = { matched: r.matched, unmatched: r.unmatched };
      }
      const n1Level = level ?? (nothingAsked ? "provider" : undefined);
      const result: BlastResult = {
        schemaVersion: 1,
        sources: loaded.sources,
        warnings: loaded.warnings.map((w) => w.format()),
        graph: { nodes: graph.nodeCount, requirements: graph.groupCount },
        ...(failures.length > 0
          ? { radius: { ...blastRadius(graph, failures), ...(fromRun ? { fromRun } : {}) } }
          : {}),
        ...(n1Level ? { nMinus1: { level: n1Level, cases: runCases(graph, casesAt(graph, n1Level)) } } : {}),
        ...(flags.n2
          ? {
              nMinus2: {
                top,
                pairs: runPairs(graph, casesAt(graph, level ?? "provider"), {
                  top,
                  maxPairs,
                  correlated: loaded.correlated,
                }),
              },
            }
          : {}),
        ...(flags.spof || nothingAsked ? { singlePointsOfFailure: singlePointsOfFailure(graph) } : {}),
      };
      if (format === "json") process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(formatBlastText(result, limit));
      if (out !== undefined) {
        writeOutputSet(out, "blast", {
          "blast.json": `${JSON.stringify(result, null, 2)}\n`,
          "report.html": renderBlastHtml(result, graph),
        });
        if (format === "text") process.stdout.write(`\nwrote blast.json and report.html to ${out}\n`);
      }
    });
}
