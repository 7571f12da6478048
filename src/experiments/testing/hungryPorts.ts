/**
 * Ports for the worker-memory test: the fake model's loader; a runner that, for seed 0, keeps allocating until the
 * worker's heap limit kills it, and otherwise answers the fake run with `events` set to the worker's V8
 * heap_size_limit (bytes), so a test can see the pool's `resourceLimits` from inside.
 */
import { getHeapStatistics } from "node:v8";
import type { ExperimentPorts } from "../ExperimentPorts.js";
import { fakePorts } from "./fakeModel.js";

export const ports: ExperimentPorts = {
  load: fakePorts.load,
  run: async (scenario, options) => {
    if (options.seed === 0) {
      const keep: number[][] = [];
      for (;;) keep.push(Array.from({ length: 1e5 }, (_, i) => i + keep.length));
    }
    const r = await fakePorts.run(scenario, options);
    return { ...r, summary: { ...r.summary, events: getHeapStatistics().heap_size_limit } };
  },
};
