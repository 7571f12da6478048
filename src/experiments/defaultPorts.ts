/**
 * The real model as experiment ports: the scenario loader and runScenario. Workers import this module by URL (its
 * `ports` export).
 */
import { loadScenario } from "../scenario/loadScenario.js";
import type { ExperimentPorts } from "./ExperimentPorts.js";
import { runScenario } from "./runScenario.js";

/** `--set` values as the loader takes them: text in the field's units (numbers print as plain decimals). */
function asText(set: Readonly<Record<string, string | number>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(set ?? {})) out[k] = String(v);
  return out;
}

export const ports: ExperimentPorts = {
  load: (ref, options) =>
    loadScenario(ref, {
      set: asText(options.set),
      ...(options.variant === undefined ? {} : { variant: options.variant }),
      ...(options.scale === undefined ? {} : { scale: options.scale }),
    }),
  run: (scenario, options) => runScenario(scenario, options),
};
