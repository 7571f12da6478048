import * as z from "zod";
import { SCENARIO_FORMAT } from "./schema/scenarioFormat.js";
import { scenarioSchema } from "./schema/scenarioSchema.js";

/** The schema's `$id`: a URN naming the scenario format it describes (`urn:stampede-sim:scenario:2`). */
export const SCENARIO_SCHEMA_ID = `urn:stampede-sim:scenario:${SCENARIO_FORMAT}`;

/**
 * The JSON Schema (draft 2020-12, what zod 4 emits) of a scenario file, input side: it describes what a file may
 * contain (durations as `10s` strings or seconds, defaults optional), with a description for every field, so
 * editors can complete and check files. It ships in the package as `schema/scenario.schema.json`, which the
 * built-ins' `# yaml-language-server: $schema=../schema/scenario.schema.json` line names; `stampede schema` prints
 * it (docs/scenario-format.md, "Editor support").
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    reused: "ref",
  }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: "stampede scenario",
    description:
      `A stampede scenario file (format ${SCENARIO_FORMAT}): a cloud, the trigger of an outage, monitoring, ` +
      "operators and dependents.",
    ...rest,
  };
}
