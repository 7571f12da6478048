import type { Scenario } from "../scenario/Scenario.js";
import type { ScenarioLoader } from "./ExperimentPorts.js";

/**
 * Wraps a loader with a small least-recently-used cache keyed by (ref, variant, overrides, scale), so the replications
 * of a sweep point or a compare variant parse and validate the scenario once per worker. Each call gets its own deep
 * copy, so a run can never see another run's changes. `capacity` defaults to 16 entries.
 */
export function cachedLoader(load: ScenarioLoader, capacity = 16): ScenarioLoader {
  const cache = new Map<string, Scenario>();
  return async (ref, options) => {
    const key = JSON.stringify([ref, options.variant ?? null, options.set ?? {}, options.scale ?? 1]);
    let scenario = cache.get(key);
    if (scenario === undefined) {
      scenario = await load(ref, options);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    } else cache.delete(key);
    cache.set(key, scenario);
    return structuredClone(scenario);
  };
}
