/**
 * "Loud, not silent" on the fluid engine: every schema leaf the event engine's mutation test exercises
 * (test/fieldMutation.test.ts) either changes the fluid result, or is refused by checkFluid with a refusal naming the
 * field (or the object holding it), or is listed in FLUID_EXCEPTIONS with its reason.
 */
import { describe, expect, it } from "vitest";
import { scenarioJsonSchema } from "../src/scenario/index.js";
import { CASES } from "./fields/fieldCases.js";
import {
  FLUID_CASES,
  type FluidOutcome,
  fluidCaseOf,
  fluidOutcome,
  fluidRaws,
  names,
} from "./fields/fluidCase.js";
import { FLUID_EXCEPTIONS } from "./fields/fluidExceptions.js";
import { schemaLeaves } from "./fields/schemaLeaves.js";

const leaves = schemaLeaves(scenarioJsonSchema()).filter((l) => l in CASES);
const baselines = new Map<string, FluidOutcome>();

describe("every scenario field is honoured or refused by the fluid engine", () => {
  it("lists no exception for a leaf without a case", () => {
    expect(Object.keys(FLUID_EXCEPTIONS).filter((k) => !(k in CASES))).toEqual([]);
  });

  it("replaces only cases that exist, and none that is also an exception", () => {
    const replaced = Object.keys(FLUID_CASES);
    expect(replaced.filter((k) => !(k in CASES) || k in FLUID_EXCEPTIONS)).toEqual([]);
  });

  const tested = leaves.filter((l) => !(l in FLUID_EXCEPTIONS));
  it.each(tested)("%s changes the fluid run or is refused by name", (leaf) => {
    const c = fluidCaseOf(leaf, CASES)!;
    const [rawBefore, rawAfter] = fluidRaws(c);
    const key = JSON.stringify([rawBefore, c.until ?? null]);
    let before = baselines.get(key);
    if (before === undefined) {
      before = fluidOutcome(rawBefore, c.until);
      baselines.set(key, before);
    }
    const setPaths = Object.keys(c.set);
    if ("refused" in before) {
      // The context itself (the case's prep) is refused: the refusal must name what the prep sets.
      const prepPaths = Object.keys(c.prep ?? {});
      expect(
        before.refused.some((r) => names(r, [...prepPaths, ...setPaths])),
        `${leaf}: the context is refused for another field: ${JSON.stringify(before.refused)}`,
      ).toBe(true);
      return;
    }
    const after = fluidOutcome(rawAfter, c.until);
    if ("refused" in after) {
      expect(
        after.refused.some((r) => names(r, setPaths)),
        `${leaf}: refused, but not by name: ${JSON.stringify(after.refused)}`,
      ).toBe(true);
      return;
    }
    expect(
      after.run === before.run,
      `${leaf}: setting ${JSON.stringify(c.set)} changed nothing on the fluid engine`,
    ).toBe(false);
  });
});
