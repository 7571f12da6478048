import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../scenario/loadScenario.js";
import { parseSets } from "./parseFlags.js";

const text = readFileSync(new URL("../scenario/fixtures/minimal.yaml", import.meta.url), "utf8");

describe("--set __proto__=... is refused, not silently dropped (issue 19, item 6)", () => {
  it("keeps prototype names as plain keys, and the loader refuses them", () => {
    const set = parseSets(["__proto__=1", "constructor=2"]);
    expect(Object.keys(set)).toEqual(["__proto__", "constructor"]);
    let err: { code?: string; message?: string } = {};
    try {
      loadScenarioText(text, "m.yaml", { set });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe("E_UNKNOWN_PATH");
    expect(err.message).toContain("the segment '__proto__' is not allowed");
  });
});
