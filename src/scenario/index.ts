export { makeDistribution } from "../model/makeDistribution.js";
export {
  type BuiltinInfo,
  builtinDir,
  builtinInfo,
  builtinNames,
  E_SCENARIO_NOT_FOUND,
  findScenarioFile,
  listBuiltins,
} from "./builtins.js";
export { type Checked as CheckedScenario, checkScenario, checkVariants } from "./checkScenario.js";
export { MONITORING_TRAFFIC, RUNBOOK_EVENTS } from "./crossCheck.js";
export { defineScenario } from "./defineScenario.js";
export {
  E_UNKNOWN_VARIANT,
  type LoadOptions as ScenarioLoadOptions,
  loadScenario,
  loadScenarioText,
} from "./loadScenario.js";
export {
  applyOverrides,
  E_OVERRIDE_VALUE,
  E_UNKNOWN_PATH,
  parseOverrideText,
  parseValueAt,
  type ResolvedPath,
  resolvePath,
} from "./overrides.js";
export type { Problem as ScenarioProblem } from "./Problem.js";
export { type Route, resolveRoute } from "./resolveRoute.js";
export type * from "./Scenario.js";
export {
  E_SCENARIO,
  type FieldPath,
  formatPath,
  locate,
  parseScenarioSource,
  type ScenarioSource,
} from "./ScenarioSource.js";
export { E_SCALE, scaleScenario } from "./scaleScenario.js";
export { scenarioJsonSchema } from "./scenarioJsonSchema.js";
export { type ParsedScenario, type RawScenario, scenarioSchema } from "./schema/scenarioSchema.js";
