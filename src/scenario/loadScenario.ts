/**
 * Loading a scenario: a file or a built-in name -> parse with positions -> validate (with every variant) -> apply the
 * chosen variant and `--set` overrides -> validate again -> scale. Every input problem is reported at once as
 * `file:line:col  path  message` in one E_SCENARIO error.
 */
import { readFileSync } from "node:fs";
import { decodeUtf8 } from "../core/decodeUtf8.js";
import { StampedeError } from "../core/StampedeError.js";
import { findScenarioFile } from "./builtins.js";
import { checkScenario, checkVariants, overrideFor } from "./checkScenario.js";
import { knownNames } from "./closeNames.js";
import { applyOverrides, parseOverrideText } from "./overrides.js";
import type { Problem } from "./Problem.js";
import type { Scenario } from "./Scenario.js";
import {
  E_SCENARIO,
  formatPath,
  locate,
  parseScenarioSource,
  type ScenarioSource,
  scenarioErrors,
} from "./ScenarioSource.js";
import { scaleScenario } from "./scaleScenario.js";

/** Error code of a variant name the scenario does not have. */
export const E_UNKNOWN_VARIANT = "E_UNKNOWN_VARIANT";

export interface LoadOptions {
  /** A variant of the scenario (its `set` overrides are applied first). */
  variant?: string;
  /** `--set` overrides: field path -> value text (parsed as a YAML scalar or flow value), applied after the variant. */
  set?: Readonly<Record<string, string>>;
  /** Scale factor for populations and capacities (`scaleScenario`). Default 1. */
  scale?: number;
}

/** Turns problems into located errors: in the file, or at the variant / `--set` override that caused them. */
function located(
  source: ScenarioSource,
  problems: readonly Problem[],
  overrides: { variant: string | null; variantPaths: string[]; set: Readonly<Record<string, string>> },
): StampedeError {
  const setPaths = Object.keys(overrides.set);
  const errors = problems.map((p) => {
    const path = formatPath(p.path);
    const bySet = overrideFor(p.path, setPaths);
    if (bySet !== undefined)
      return new StampedeError(E_SCENARIO, `${p.message} (from --set ${bySet}=${overrides.set[bySet]})`, {
        path,
      });
    const byVariant = overrideFor(p.path, overrides.variantPaths);
    if (byVariant !== undefined && overrides.variant !== null) {
      const location = locate(source, ["variants", overrides.variant, "set", byVariant]);
      return new StampedeError(E_SCENARIO, `${p.message} (set by variant '${overrides.variant}')`, {
        path,
        location,
      });
    }
    return new StampedeError(E_SCENARIO, p.message, {
      path,
      location: locate(source, p.path, p.key === true),
    });
  });
  const order = (e: StampedeError) => (e.location ? e.location.line * 1e6 + e.location.col : 0);
  return scenarioErrors(
    source.file,
    errors.sort((a, b) => order(a) - order(b)),
  );
}

/** A scenario file parsed and validated once (base and every variant), ready for any variant, overrides and scale. */
export interface PreparedScenario {
  readonly source: ScenarioSource;
  /** The validated base scenario; `resolveScenario` never changes it. */
  readonly base: Scenario;
}

/**
 * Parses scenario text (YAML or JSON) and validates it with every variant: the part of loading that does not depend
 * on the variant, overrides or scale, so a sweep does it once per worker instead of once per point. `file` is used in
 * messages and `origin`. Throws E_SCENARIO.
 */
export function prepareScenarioText(text: string, file: string): PreparedScenario {
  const source = parseScenarioSource(text, file);
  const none = { variant: null, variantPaths: [], set: {} };
  const base = checkScenario(source.raw);
  const problems = base.problems.length > 0 ? base.problems : checkVariants(source.raw);
  if (problems.length > 0 || base.scenario === null) throw located(source, problems, none);
  return { source, base: base.scenario };
}

/**
 * Applies a variant and `--set` overrides to a prepared scenario, validates the result and scales it. Returns a new
 * scenario each call (the prepared one is not changed). Throws E_SCENARIO, E_UNKNOWN_VARIANT or E_SCALE.
 */
export function resolveScenario(prepared: PreparedScenario, options: LoadOptions = {}): Scenario {
  const { source } = prepared;
  const variant = options.variant ?? null;
  const set = options.set ?? {};
  let scenario = prepared.base;
  if (variant !== null || Object.keys(set).length > 0) {
    let variantSet: Record<string, unknown> = {};
    if (variant !== null) {
      const v = scenario.variants[variant];
      if (!v) {
        const names = Object.keys(scenario.variants);
        throw new StampedeError(
          E_UNKNOWN_VARIANT,
          `scenario '${scenario.name}' has no variant '${variant}'${knownNames(names).replace("; known", "; variants")}`,
        );
      }
      variantSet = (source.raw as { variants: Record<string, { set: Record<string, unknown> }> }).variants[
        variant
      ]!.set;
    }
    const parsedSet: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, t] of Object.entries(set)) parsedSet[k] = parseOverrideText(t);
    const raw = applyOverrides(applyOverrides(source.raw, variantSet), parsedSet);
    const r = checkScenario(raw, { notePaths: false });
    if (r.problems.length > 0 || r.scenario === null)
      throw located(source, r.problems, { variant, variantPaths: Object.keys(variantSet), set });
    scenario = r.scenario;
  } else scenario = structuredClone(scenario);
  scenario.origin = { file: source.file, variant, overrides: { ...set }, scale: 1 };
  const scale = options.scale ?? 1;
  return scale === 1 ? scenario : scaleScenario(scenario, scale);
}

/** Loads and validates scenario text (YAML or JSON); `file` is used in messages and `origin`. */
export function loadScenarioText(text: string, file: string, options: LoadOptions = {}): Scenario {
  return resolveScenario(prepareScenarioText(text, file), options);
}

/**
 * Loads a scenario by reference: a file path (YAML or JSON) or a built-in name (`stampede list`). Applies
 * `options.variant`, then `options.set`, validates, then scales by `options.scale`. Throws E_SCENARIO (with
 * `errors`, one per problem), E_SCENARIO_NOT_FOUND, E_UNKNOWN_VARIANT, E_UNKNOWN_PATH or E_SCALE.
 */
export function loadScenario(ref: string, options: LoadOptions = {}): Scenario {
  const file = findScenarioFile(ref);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new StampedeError(E_SCENARIO, `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  let text: string;
  try {
    text = decodeUtf8(bytes, file, E_SCENARIO);
  } catch (e) {
    throw e instanceof StampedeError ? scenarioErrors(file, [e]) : e;
  }
  return loadScenarioText(text, file, options);
}
