import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { mergeSweeps } from "../../experiments/sweep/mergeSweeps.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { sweepText } from "../../report/sweepText.js";
import { writeSweepReport } from "../../report/writeSweepReport.js";

/** Exit code of a merge with jobs or shards missing: the merged files are written but partial. */
export const EXIT_PARTIAL = 3;

interface MergeFlags {
  out?: string;
  format: string;
  quiet?: boolean;
}

function listed(keys: readonly string[], max = 10): string {
  return keys.length <= max
    ? keys.join(", ")
    : `${keys.slice(0, max).join(", ")} and ${keys.length - max} more`;
}

/** `stampede merge DIR... --out DIR`: the shards of one sweep into the files an unsharded sweep writes. */
export function register(program: Command): void {
  program
    .command("merge")
    .description("merge the directories of a sharded sweep (--shard k/n) into one sweep's results and report")
    .argument("<dirs...>", "sweep directories (each with sweep.json and results.jsonl)")
    .option(
      "--out <dir>",
      "directory for the merged results.jsonl, sweep.json, phase.json, failures.json, report.html",
    )
    .option("--format <fmt>", "text or json (the phase diagram)", "text")
    .option("--quiet", "no notes on stderr")
    .action((dirs: string[], flags: MergeFlags) => {
      if (flags.out === undefined)
        throw new StampedeError("E_BAD_FLAG", "merge needs --out DIR for the merged sweep", {
          path: "--out",
        });
      if (flags.format !== "text" && flags.format !== "json")
        throw new StampedeError("E_BAD_FLAG", `--format must be text or json, got ${flags.format}`, {
          path: "--format",
        });
      const out = prepareOutDir(flags.out);
      const merged = mergeSweeps(dirs, out);
      writeSweepReport(out, String(merged.manifest["scenario"]), {
        records: merged.records,
        diagram: merged.diagram,
      });
      const note = (line: string) => {
        if (flags.quiet !== true) process.stderr.write(`${line}\n`);
      };
      if (merged.duplicated > 0)
        note(`note: ${merged.duplicated} duplicate result lines (a job run twice), kept once`);
      if (merged.missingShards.length > 0) note(`warning: shards missing: ${listed(merged.missingShards)}`);
      if (merged.missing.length > 0)
        note(
          `warning: ${merged.missing.length} of ${merged.total} jobs missing (point/replication): ${listed(merged.missing)}`,
        );
      if (flags.format === "json") process.stdout.write(`${JSON.stringify(merged.diagram, null, 2)}\n`);
      else {
        process.stdout.write(sweepText(merged.diagram));
        process.stdout.write(
          `\n${merged.records.length} jobs merged from ${dirs.length} directories, ${merged.failures.length} failed, ` +
            `${merged.missing.length} missing; results in ${out}/results.jsonl, report in ${out}/report.html\n`,
        );
      }
      if (merged.missing.length > 0) process.exitCode = EXIT_PARTIAL;
    });
}
