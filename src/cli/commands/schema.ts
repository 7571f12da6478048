import type { Command } from "commander";
import { scenarioJsonSchema } from "../../scenario/scenarioJsonSchema.js";

/** `stampede schema`: prints the JSON Schema of scenario files (for editors: see docs/scenario-format.md). */
export function register(program: Command): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of scenario files (save it and point the yaml-language-server line at it)",
    )
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
