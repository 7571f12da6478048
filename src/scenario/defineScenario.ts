import { StampedeError } from "../core/StampedeError.js";
import { checkScenario, checkVariants } from "./checkScenario.js";
import type { Scenario } from "./Scenario.js";
import { E_SCENARIO, formatPath, scenarioErrors } from "./ScenarioSource.js";
import type { RawScenario } from "./schema/scenarioSchema.js";

/**
 * Validates a scenario written in TypeScript. `raw` is typed as the file format (durations as `"250ms"` or seconds,
 * rates as `"1200/s"` or per second, defaults optional), so editors complete it. Returns the resolved `Scenario`
 * (with every variant checked); throws E_SCENARIO with one error per problem (by field path) otherwise.
 */
export function defineScenario(raw: RawScenario): Scenario {
  const r = checkScenario(raw);
  const problems = r.problems.length > 0 ? r.problems : checkVariants(raw);
  if (problems.length > 0 || r.scenario === null)
    throw scenarioErrors(
      "defineScenario",
      problems.map((p) => new StampedeError(E_SCENARIO, p.message, { path: formatPath(p.path) })),
    );
  r.scenario.origin = { file: null, variant: null, overrides: {}, scale: 1 };
  return r.scenario;
}
