import type { Command } from "commander";
import { concentration } from "../../blast/analysis/concentration.js";
import { loadGraphs } from "../../blast/loadGraphs.js";
import type { ConcentrationResult } from "../../blast/output/BlastResult.js";
import { formatConcentrationText } from "../../blast/output/formatText.js";
import { renderConcentrationHtml } from "../../blast/output/renderHtml.js";
import { StampedeError } from "../../core/StampedeError.js";
import { writeOutputSet } from "../../core/writeOutputSet.js";
import { parseFormat, parseWhole } from "../../experiments/parseFlags.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";

interface ConcentrationFlags {
  hhiModerate: string;
  hhiHigh: string;
  cr: string;
  screenEntities: string;
  screenAssets: string;
  lenient?: boolean;
  entities?: string;
  format: string;
  out?: string;
  limit: string;
}

function share(flag: string, text: string): number {
  const pct = text.trim().endsWith("%");
  const n = Number(pct ? text.trim().slice(0, -1) : text);
  const v = pct ? n / 100 : n;
  if (text.trim() === "" || !Number.isFinite(v) || v < 0 || v > 1) {
    throw new StampedeError("E_BAD_FLAG", `expected a share such as 0.1 or 10%, got '${text}'`, {
      path: flag,
    });
  }
  return v;
}

/** `stampede concentration GRAPH...`: HHI and CR-n per sector and service type, critical-provider screen, Art. 29. */
export function register(program: Command): void {
  program
    .command("concentration")
    .description(
      "concentration risk: HHI and CR-n per sector and service type, critical-provider screen step 1, Art. 29 flags",
    )
    .argument(
      "<graph...>",
      "stampede graph YAML, Backstage catalog-info.yaml, or DORA register (folder or ZIP); repeat for a sector view",
    )
    .option("--hhi-moderate <n>", "HHI from which a market counts as moderately concentrated", "1500")
    .option("--hhi-high <n>", "HHI from which a market counts as highly concentrated", "2500")
    .option("--cr <n>", "n of the concentration ratio CR-n", "3")
    .option("--screen-entities <share>", "screen step 1.1: share of a category's entities", "10%")
    .option("--screen-assets <share>", "screen step 1.2: share of the category's assets", "10%")
    .option("--lenient", "registers: import the valid rows and list the others")
    .option("--entities <file>", "entities.csv with LEI, total assets, sector for the registers")
    .option("--format <fmt>", "text or json", "text")
    .option("--out <dir>", "write concentration.json and report.html into DIR")
    .option("--limit <n>", "rows per table in text output", "40")
    .action((paths: string[], flags: ConcentrationFlags) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const hhiModerate = parseWhole("--hhi-moderate", flags.hhiModerate, 0);
      const hhiHigh = parseWhole("--hhi-high", flags.hhiHigh, 0);
      if (hhiHigh < hhiModerate) {
        throw new StampedeError("E_BAD_FLAG", "--hhi-high must be at least --hhi-moderate", {
          path: "--hhi-high",
        });
      }
      const options = {
        hhiModerate,
        hhiHigh,
        crN: parseWhole("--cr", flags.cr, 1),
        screenEntities: share("--screen-entities", flags.screenEntities),
        screenAssets: share("--screen-assets", flags.screenAssets),
      };
      const limit = parseWhole("--limit", flags.limit, 1);
      const out =
        flags.out === undefined ? undefined : prepareOutDir(flags.out, ["concentration.json", "report.html"]);
      const loaded = loadGraphs(paths, {
        ...(flags.lenient ? { lenient: true } : {}),
        ...(flags.entities ? { entitiesFile: flags.entities } : {}),
      });
      const result: ConcentrationResult = {
        schemaVersion: 1,
        sources: loaded.sources,
        warnings: loaded.warnings.map((w) => w.format()),
        ...concentration(loaded.graph, options),
      };
      if (format === "json") process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(formatConcentrationText(result, limit));
      if (out !== undefined) {
        writeOutputSet(out, "concentration", {
          "concentration.json": `${JSON.stringify(result, null, 2)}\n`,
          "report.html": renderConcentrationHtml(result),
        });
        if (format === "text") process.stdout.write(`\nwrote concentration.json and report.html to ${out}\n`);
      }
    });
}
