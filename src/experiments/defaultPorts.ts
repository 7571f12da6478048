/**
 * The real model as experiment ports: the scenario loader and runScenario. Workers import this module by URL.
 * TEMPORARY: resolved lazily until src/scenario/loadScenario.ts and src/experiments/runScenario.ts land.
 */
import type { ExperimentPorts } from "./ExperimentPorts.js";

const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

async function real(): Promise<ExperimentPorts> {
  const loader = (await import(new URL(`../scenario/loadScenario${ext}`, import.meta.url).href)) as {
    loadScenario: ExperimentPorts["load"];
  };
  const runner = (await import(new URL(`./runScenario${ext}`, import.meta.url).href)) as {
    runScenario: ExperimentPorts["run"];
  };
  return { load: loader.loadScenario, run: runner.runScenario };
}

export const ports: ExperimentPorts = {
  load: async (ref, options) => (await real()).load(ref, options),
  run: async (scenario, options) => (await real()).run(scenario, options),
};
