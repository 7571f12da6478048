import { readFileSync } from "node:fs";
import { Command } from "commander";
import { registerCommands } from "./commands/index.js";

function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

/** Builds the `stampede` commander program. Errors are thrown, never printed with a stack or exited on. */
export function buildProgram(): Command {
  const program = new Command("stampede")
    .description(
      "Rehearse cloud outages before they happen: simulate retry storms, compare defences, map blast radius.",
    )
    .version(packageVersion())
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError("(run with --help for usage)");
  return program;
}
