import { describe, expect, it } from "vitest";
import { type FuzzOutcome, fuzzScenarios } from "../../src/experiments/testing/fuzzScenarios.js";

/** Files per run: 2,000 in `npm test` (about a minute on 2 cores); `npm run fuzz` runs more. */
const FILES = Number(process.env["STAMPEDE_FUZZ_FILES"] ?? 2000);

describe("fuzzed scenario files (issue 19, item 2)", () => {
  it(`${FILES} seeded mutations of the built-ins: each is valid and runs, or fails with located errors (exit 2)`, () => {
    const bad: FuzzOutcome[] = [];
    const slow: FuzzOutcome[] = [];
    let ok = 0;
    const all = fuzzScenarios({ seed: 19, files: FILES }, (o) => {
      if (o.result === "ok") ok++;
      if (o.result === "unlocated" || o.result === "internal") bad.push(o);
      if (o.seconds > 10) slow.push(o);
    });
    expect(all).toHaveLength(FILES);
    const show = (o: FuzzOutcome) => `#${o.index} ${o.kind}: ${o.result} ${o.message.slice(0, 200)}`;
    expect(bad.map(show)).toEqual([]);
    expect(slow.map((o) => `${show(o)} ${o.seconds.toFixed(1)}s`)).toEqual([]);
    // The mutations must leave some files valid, so runs are exercised too.
    expect(ok).toBeGreaterThan(FILES / 50);
  });
});
