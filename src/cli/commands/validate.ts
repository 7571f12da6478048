import type { Command } from "commander";
import { collect, parseSets } from "../../experiments/parseFlags.js";
import { loadScenario } from "../../scenario/loadScenario.js";
import type { Scenario } from "../../scenario/Scenario.js";

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The one-line summary of a valid scenario: what it contains. */
export function scenarioCounts(s: Scenario): string {
  const n = (o: object) => Object.keys(o).length;
  const clients = Object.values(s.fleets).reduce((a, f) => a + f.clients, 0);
  return [
    plural(n(s.networks), "network"),
    plural(n(s.links), "link"),
    plural(n(s.services), "service"),
    `${plural(n(s.fleets), "fleet")} (${clients} clients)`,
    plural(n(s.automation), "automation action"),
    plural(n(s.faults), "fault"),
    s.monitoring ? "monitoring" : "no monitoring",
    s.operators ? plural(n(s.operators.runbook), "runbook step") : "no operators",
    plural(n(s.dependents), "dependent"),
    plural(n(s.variants), "variant"),
  ].join(", ");
}

/** `stampede validate FILE`: checks a scenario file (and every variant); prints an OK line or every error (exit 2). */
export function register(program: Command): void {
  program
    .command("validate")
    .description(
      "check a scenario file and all its variants; print every error as file:line:col  path  message",
    )
    .argument("<file>", "scenario file (YAML or JSON) or built-in name")
    .option("--variant <name>", "also check with this variant applied")
    .option("--set <path=value>", "also check with this override applied (repeatable)", collect, [])
    .action((file: string, flags: { variant?: string; set: string[] }) => {
      const s = loadScenario(file, {
        set: parseSets(flags.set),
        ...(flags.variant === undefined ? {} : { variant: flags.variant }),
      });
      const applied = [
        ...(flags.variant === undefined ? [] : [`variant ${flags.variant}`]),
        ...flags.set.map((x) => `--set ${x}`),
      ];
      const how = applied.length > 0 ? ` with ${applied.join(", ")}` : "";
      process.stdout.write(`OK  ${file}: scenario '${s.name}'${how}: ${scenarioCounts(s)}\n`);
    });
}
