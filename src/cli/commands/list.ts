import type { Command } from "commander";
import { parseFormat } from "../../experiments/parseFlags.js";
import { builtinDir, listBuiltinSummaries } from "../../scenario/builtins.js";

/** The first sentence (or line) of a description, for one-line listings. */
export function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  const m = /^(.*?[.!?])(\s|$)/.exec(t);
  return m ? m[1]! : t;
}

/**
 * `stampede list`: the built-in scenarios in `dir` (default: the package's scenarios/), one line each (or JSON). Reads
 * only each file's metadata (`builtinSummary`), never the model.
 */
export function register(program: Command, dir: string = builtinDir()): void {
  program
    .command("list")
    .description("list the built-in scenarios with a one-line description")
    .option("--format <fmt>", "text or json", "text")
    .action((flags: { format: string }) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const all = listBuiltinSummaries(dir);
      if (format === "json") {
        const rows = all.map((b) => ({
          name: b.name,
          description: b.description,
          variants: b.variants.map((v) => v.name),
        }));
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (all.length === 0) {
        process.stdout.write("no built-in scenarios installed\n");
        return;
      }
      const width = Math.max(...all.map((b) => b.name.length));
      for (const b of all) process.stdout.write(`${b.name.padEnd(width)}  ${firstSentence(b.description)}\n`);
      process.stdout.write(
        "\nstampede describe NAME for variants and assumptions; stampede run NAME to run one\n",
      );
    });
}
