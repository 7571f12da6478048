import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import { loadScenarioText } from "./loadScenario.js";
import { SCENARIO_FORMAT } from "./schema/scenarioFormat.js";

const minimalFile = fileURLToPath(new URL("./fixtures/minimal.yaml", import.meta.url));
const minimal = readFileSync(minimalFile, "utf8");
/** The minimal example with `format: N` as its second line (after the modeline). */
const withFormat = (v: string) => minimal.replace(/^(#[^\n]*\n)/, `$1format: ${v}\n`);

function errorLines(text: string): string[] {
  try {
    loadScenarioText(text, "old.yaml");
  } catch (e) {
    if (!isStampedeError(e)) throw e;
    const errors = (e as StampedeError & { errors?: StampedeError[] }).errors;
    return errors ? errors.map((x) => x.format()) : [e.format()];
  }
  throw new Error("loaded without errors");
}

describe("scenario file format version (format)", () => {
  it(`reads format ${SCENARIO_FORMAT}, and a file without format as format ${SCENARIO_FORMAT}, the same scenario`, () => {
    const absent = loadScenarioText(minimal, "minimal.yaml");
    const current = loadScenarioText(withFormat(String(SCENARIO_FORMAT)), "minimal.yaml");
    expect(current).toEqual(absent);
    expect("format" in current).toBe(false);
  });

  it("refuses format 1 at its position, saying how to migrate", () => {
    const [line, ...rest] = errorLines(withFormat("1"));
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^old\.yaml:2:9 {2}format {2}format 1 \(stampede before run summary schemaVersion 2\) is not read any more; to migrate: /,
    );
    expect(line).toContain("{ class: NAME }");
    expect(line).toContain("then set `format: 2`");
  });

  it("refuses a newer format with an upgrade hint, and a non-number", () => {
    expect(errorLines(withFormat("3"))).toEqual([
      "old.yaml:2:9  format  format 3 is newer than this stampede reads (2): upgrade stampede-sim",
    ]);
    expect(errorLines(withFormat("two"))[0]).toMatch(
      /^old\.yaml:2:9 {2}format {2}expected the format version/,
    );
  });
});
