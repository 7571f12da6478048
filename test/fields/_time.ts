import { CASES } from "./fieldCases.js";
import { outcome, rawWith } from "./runCase.js";

const count: Record<string, number> = {};
for (const c of Object.values(CASES)) count[c.base] = (count[c.base] ?? 0) + 1;
for (const b of ["storm", "retries", "restarts", "cache"] as const) {
  outcome(rawWith(b));
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) outcome(rawWith(b));
  const ms = (performance.now() - t0) / 5;
  console.log(b, count[b], Math.round(ms), "ms each, total s", ((ms * count[b]!) / 1000).toFixed(1));
}
