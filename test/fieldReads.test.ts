/**
 * Every non-metadata leaf present in a resolved scenario is read by the model builder: a read tracker (a deep Proxy)
 * wraps the scenario handed to `CloudModel`, which is built and run; each leaf of the resolved spec must have been
 * read. Run over the field test's base scenarios (with the contexts its cases add) and the built-ins at small scale.
 */
import { describe, expect, it } from "vitest";
import { CloudModel } from "../src/model/CloudModel.js";
import { builtinNames, defineScenario, loadScenario, type Scenario } from "../src/scenario/index.js";
import { BASES, type BaseName } from "./fields/bases.js";
import { CASES } from "./fields/fieldCases.js";
import { leafPaths, track } from "./fields/readTracker.js";
import { rawWith } from "./fields/runCase.js";

/**
 * Leaves the model builder does not read, by pattern (a regular expression over the concrete path), with the
 * reason: metadata for people, or a field another layer reads (covered by the field mutation test).
 */
const NOT_FOR_THE_MODEL: [RegExp, string][] = [
  [/^(name|description|\$schema)$/, "labels and prose"],
  [/(^|\.)description$/, "prose"],
  [/^notes\./, "facts and assumptions, for people"],
  [/^variants\./, "applied by loadScenario when chosen, before the model sees the scenario"],
  [/^origin\./, "how the scenario was loaded (file, variant, overrides, scale): recorded in the summary"],
  [/^(start|duration)$/, "read by runScenario: the summary's clock start and the default run length"],
  [
    /^verdict\.(baselineWindow|recoveredRatio|recoveredFor|metastableRatio|metastableAfter|metastableWindow|smoothing|stableRatio)$/,
    "read by computeVerdict (metrics) on the recorded series",
  ],
  [/^dependents\.[^.]+\.illustrative$/, "copied into the summary by runScenario"],
];

/**
 * Leaves read only in some states of a run (the mutation test gives each the context where it is read and acts).
 * Each such read is conditional on another field or on what happens, never on nothing.
 */
const CONDITIONAL: [RegExp, string][] = [
  [/^services\.[^.]+\.cancelAt$/, "read only with cancelAbandoned: true"],
  [/^fleets\.[^.]+\.trafficClass$/, "read only by reroute { class } selectors"],
  [
    /^operators\.diagnosis\.(visible|blind)$/,
    "read while diagnosing with fresh (visible) or stale (blind) monitoring",
  ],
  [/^services\.[^.]+\.degradation\.coldFactor$/, "read only after a restart (the cold start)"],
];

function unread(scenario: Scenario, until: number): string[] {
  const t = track(scenario);
  new CloudModel(t.value, 1, until).run(until);
  const excused = [...NOT_FOR_THE_MODEL, ...CONDITIONAL];
  return leafPaths(scenario).filter((p) => !t.reads.has(p) && !excused.some(([re]) => re.test(p)));
}

const bases = Object.keys(BASES) as BaseName[];
/** A few contexts of the mutation test's cases that exercise more of the model (breakers, the reroute, a fix). */
const CONTEXTS = [
  "operators.runbook.*.do<isolate>",
  "fleets.*.trafficClass",
  "services.*.cancelAt",
  "operators.runbook.*.do<deploy-fix>.budget<grpc>",
  "services.*.restart.waitForDependencies",
];

describe("the model builder reads every field of the resolved scenario", () => {
  it.each(bases)("base %s", (b) => {
    const s = defineScenario(rawWith(b));
    expect(unread(s, s.duration)).toEqual([]);
  });

  it.each(CONTEXTS)("the context of %s", (leaf) => {
    const c = CASES[leaf]!;
    const s = defineScenario(rawWith(c.base, c.prep, c.set));
    expect(unread(s, s.duration)).toEqual([]);
  });

  it.each(builtinNames())("built-in %s (scale 0.02, its whole duration)", (name) => {
    const s = loadScenario(name, { scale: 0.02 });
    expect(unread(s, s.duration)).toEqual([]);
  });
});
