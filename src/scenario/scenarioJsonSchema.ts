import * as z from "zod";
import { scenarioSchema } from "./schema/scenarioSchema.js";

/**
 * The JSON Schema (draft-07, which editors' YAML and JSON support implement fully) of a scenario file, input side: it describes what a file may contain (durations
 * as `10s` strings or seconds, defaults optional), so editors can complete and check files with a
 * `# yaml-language-server: $schema=<path to this schema>` line. Printed by `stampede schema`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: "draft-7",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return {
    ...schema,
    title: "stampede scenario",
    description:
      "A stampede scenario file: a cloud, the trigger of an outage, monitoring, operators and dependents.",
  };
}
