/**
 * "Loud, not silent": every leaf of the scenario's JSON Schema changes what a run produces, or is listed as metadata
 * or as a known exception with its reason. For each leaf, `test/fields/` holds a case: a small base scenario, the
 * context that makes the field matter, and a valid non-default value; the summary (without timing and the scenario
 * hash) or the series must change.
 */
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../src/scenario/index.js";
import { CASES, KNOWN_EXCEPTIONS, METADATA } from "./fields/fieldCases.js";
import { outcome, rawWith } from "./fields/runCase.js";
import { schemaLeaves } from "./fields/schemaLeaves.js";

const leaves = schemaLeaves(scenarioJsonSchema());
const baselines = new Map<string, string>();

describe("every scenario field is honoured", () => {
  it("has a case, a metadata entry or a known exception for every schema leaf, and no stale entries", () => {
    const missing = leaves.filter((l) => !(l in CASES) && !(l in METADATA) && !(l in KNOWN_EXCEPTIONS));
    expect(
      missing,
      `schema leaves without a case: add one to test/fields/ (a base, the context that makes the field matter and a non-default value), or list it in METADATA if it is prose for people`,
    ).toEqual([]);
    const known = new Set(leaves);
    const stale = [...Object.keys(CASES), ...Object.keys(METADATA), ...Object.keys(KNOWN_EXCEPTIONS)].filter(
      (k) => !known.has(k),
    );
    expect(stale, "entries for leaves the schema no longer has: remove them").toEqual([]);
    const both = Object.keys(CASES).filter((k) => k in METADATA || k in KNOWN_EXCEPTIONS);
    expect(both, "a leaf is either exercised or excused, not both").toEqual([]);
  });

  const tested = leaves.filter((l) => l in CASES);
  it.each(tested)("%s changes the run", (leaf) => {
    const c = CASES[leaf]!;
    const key = JSON.stringify([c.base, c.prep ?? {}, c.until ?? null]);
    let before = baselines.get(key);
    if (before === undefined) {
      before = outcome(rawWith(c.base, c.prep), c.until);
      baselines.set(key, before);
    }
    const after = outcome(rawWith(c.base, c.prep, c.set), c.until);
    expect(after === before, `${leaf}: setting ${JSON.stringify(c.set)} changed nothing`).toBe(false);
  });
});
