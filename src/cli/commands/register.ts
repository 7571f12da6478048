import type { Command } from "commander";
import { textTable } from "../../blast/output/textTable.js";
import { checkRegister, type RegisterFinding } from "../../blast/register/checkRegister.js";
import { parseFormat } from "../../experiments/parseFlags.js";

/** `stampede register check REGISTER...`: what blocks which analysis, ranked by critical functions unblocked. */
export function register(program: Command): void {
  const reg = program.command("register").description("DORA registers of information");
  reg
    .command("check")
    .description(
      "data quality: what blocks which analysis (foreign keys, RTOs, LEIs, provider code types), ranked by the critical functions each fix makes analysable",
    )
    .argument("<register...>", "DORA register (folder or ZIP of plain CSV)")
    .option("--format <fmt>", "text or json", "text")
    .action((paths: string[], flags: { format: string }) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const findings: (RegisterFinding & { register: string })[] = paths
        .flatMap((p) => checkRegister(p).map((f) => ({ register: p, ...f })))
        .sort((a, b) => b.criticalFunctions.length - a.criticalFunctions.length);
      if (format === "json") {
        process.stdout.write(`${JSON.stringify({ schemaVersion: 1, findings }, null, 2)}\n`);
        return;
      }
      if (findings.length === 0) {
        process.stdout.write(`no problems blocking an analysis in ${paths.length} register(s)\n`);
        return;
      }
      process.stdout.write(
        `${textTable(
          ["critical fns", "where", "code", "blocks", "problem"],
          findings.map((f) => [
            f.criticalFunctions.length,
            `${f.file}:${f.line}:${f.col}${f.path ? ` ${f.path}` : ""}`,
            f.code,
            f.blocks,
            f.message,
          ]),
        )}\n`,
      );
    });
}
