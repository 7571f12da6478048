import type { Command } from "commander";
import { parseFormat } from "../../experiments/parseFlags.js";
import { type BuiltinInfo, builtinDir, builtinInfo } from "../../scenario/builtins.js";

/** Wraps `text` at `width` columns: the first line indented by `indent`, the others by `rest`. */
function wrap(text: string, indent: string, width = 100, rest = indent): string {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width - indent.length) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? indent : rest) + l).join("\n");
}

/** The text of `stampede describe`: description, variants, assumptions, runbook (with reroute selectors) and facts. */
export function describeText(b: BuiltinInfo): string {
  const out = [b.name, "", wrap(b.description, "  "), ""];
  out.push(b.variants.length ? "Variants (--variant NAME):" : "Variants: none");
  for (const v of b.variants) out.push(`  ${v.name}`, wrap(v.description, "      "));
  out.push(
    "",
    b.assumptions.length ? "Assumptions (calibrated numbers, not facts):" : "Assumptions: none listed",
  );
  for (const a of b.assumptions)
    out.push(wrap(`- ${a.text}${a.path ? ` [${a.path}]` : ""}`, "  ", 100, "    "));
  if (b.runbook.length) {
    out.push("", "Runbook (step: after + delay: action):");
    for (const r of b.runbook) out.push(wrap(`- ${r.step}: ${r.after}: ${r.action}`, "  ", 100, "    "));
  }
  if (b.facts.length) {
    out.push("", "Facts:");
    for (const f of b.facts)
      out.push(
        wrap(`- ${f.text}${f.source ? ` (source: ${f.source})` : ""}${f.path ? ` [${f.path}]` : ""}`, "  "),
      );
  }
  return `${out.join("\n")}\n`;
}

/** `stampede describe NAME`: a built-in's description, variants and assumptions (text or JSON); `dir` as for list. */
export function register(program: Command, dir: string = builtinDir()): void {
  program
    .command("describe")
    .description("describe a built-in scenario: what it shows, its variants, its assumptions")
    .argument("<name>", "built-in scenario name (see `stampede list`)")
    .option("--format <fmt>", "text or json", "text")
    .action((name: string, flags: { format: string }) => {
      const format = parseFormat(flags.format, ["text", "json"] as const);
      const info = builtinInfo(name, dir);
      if (format === "json") process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
      else process.stdout.write(describeText(info));
    });
}
