/**
 * The real model as experiment ports: the scenario loader and runScenario. Workers import this module by URL (its
 * `ports` export).
 */
import type { ExperimentPorts, LoadOptions } from "./ExperimentPorts.js";
import { preparedLoader, readScenarioText } from "./preparedScenarios.js";
import { runScenario } from "./runScenario.js";

/** `--set` values as the loader takes them: text in the field's units (numbers print as plain decimals). */
function asText(set: Readonly<Record<string, string | number>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(set ?? {})) out[k] = String(v);
  return out;
}

function loaderOptions(options: LoadOptions) {
  return {
    set: asText(options.set),
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  };
}

/** One per thread: each scenario file is parsed and validated once per worker, then only its points are resolved. */
const loader = preparedLoader();

export const ports: ExperimentPorts = {
  load: (ref, options) => loader.load(ref, loaderOptions(options)),
  loadText: (text, file, options) => loader.loadText(text, file, loaderOptions(options)),
  source: readScenarioText,
  run: (scenario, options) => runScenario(scenario, options),
};
