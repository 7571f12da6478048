import { runScenario } from "../../src/experiments/runScenario.js";
import { defineScenario } from "../../src/scenario/index.js";
import { rawWith } from "./runCase.js";

const b = (process.argv[2] ?? "storm") as "storm";
const r = runScenario(defineScenario(rawWith(b, JSON.parse(process.argv[3] ?? "{}"))));
const s = r.summary;
console.log(
  JSON.stringify(
    {
      v: s.verdict,
      ops: s.operators,
      f: s.fleets,
      l: s.links,
      sv: s.services,
      d: s.dependents,
      m: s.monitoring,
    },
    null,
    0,
  ),
);
