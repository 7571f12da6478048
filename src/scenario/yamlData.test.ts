import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importBackstage } from "../blast/import/importBackstage.js";
import { importGraphFile } from "../blast/import/importGraphFile.js";
import { GraphBuilder } from "../graph/GraphBuilder.js";
import { loadScenarioText } from "./loadScenario.js";
import { parseOverrideText } from "./overrides.js";
import { parseYamlData, YAML_MAX_ALIAS_COUNT } from "./yamlData.js";

/** Nine-fold nesting of aliases: 9^6 values from a few lines. */
const BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x]",
  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
  "",
].join("\n");
const UNDEFINED = "a: 1\nb:\n  c: *nope\n";

/** Every message (with location) of what `fn` throws, one per line. */
function lines(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as {
      code?: string;
      errors?: { format(): string }[];
      format?: () => string;
      message: string;
    };
    if (err.errors && err.errors.length > 0) return err.errors.map((x) => x.format()).join("\n");
    if (typeof err.format === "function") return err.format();
    return `UNLOCATED ${err.message}`;
  }
  return "no error";
}

describe("YAML errors always positioned (issue 19, item 2)", () => {
  it("sets maxAliasCount explicitly", () => {
    expect(YAML_MAX_ALIAS_COUNT).toBe(1000);
  });

  it("an alias bomb is a located 'Excessive alias count' error in the scenario loader", () => {
    const out = lines(() => loadScenarioText(BOMB, "bomb.yaml"));
    expect(out).toMatch(
      /^bomb\.yaml:6:5 {2}Excessive alias count indicates a resource exhaustion attack: more than 1000 aliases expanded \(\*e expands to \d+ values\)$/,
    );
  });

  it("an undefined alias is located in the scenario loader", () => {
    expect(lines(() => loadScenarioText(UNDEFINED, "u.yaml"))).toBe(
      "u.yaml:3:6  undefined alias *nope: no anchor &nope before it",
    );
  });

  it("a __proto__ key is located", () => {
    expect(lines(() => loadScenarioText("name: x\n__proto__: { a: 1 }\n", "p.yaml"))).toBe(
      "p.yaml:2:1  the key '__proto__' is not allowed",
    );
  });

  it("the graph importer locates both", () => {
    expect(lines(() => importGraphFile("g.yaml", BOMB, new GraphBuilder()))).toMatch(
      /^g\.yaml:6:5 {2}Excessive alias count/,
    );
    expect(lines(() => importGraphFile("g.yaml", UNDEFINED, new GraphBuilder()))).toBe(
      "g.yaml:3:6  undefined alias *nope: no anchor &nope before it",
    );
  });

  it("the Backstage importer locates both, in any document of the stream", () => {
    const head = "kind: Component\nmetadata: { name: a }\n---\n";
    expect(lines(() => importBackstage("c.yaml", head + BOMB, new GraphBuilder()))).toMatch(
      /^c\.yaml:9:5 {2}Excessive alias count/,
    );
    expect(lines(() => importBackstage("c.yaml", head + UNDEFINED, new GraphBuilder()))).toBe(
      "c.yaml:6:6  undefined alias *nope: no anchor &nope before it",
    );
  });

  it("--set values and other readers give the same located errors", () => {
    expect(() => parseOverrideText("*nope")).toThrow("'*nope' is not a value: undefined alias *nope");
    expect(lines(() => parseYamlData(BOMB, "f.yaml"))).toMatch(/^f\.yaml:6:5 {2}Excessive alias count/);
    expect(lines(() => parseYamlData("a: [1\n", "s.yaml"))).toMatch(/^s\.yaml:\d+:\d+ {2}syntax error: /);
  });

  it("the built-ins still load (their aliases, if any, are within the limit)", () => {
    const file = new URL("../../scenarios/retry-storm.yaml", import.meta.url);
    expect(() => loadScenarioText(readFileSync(file, "utf8"), "retry-storm.yaml")).not.toThrow();
  });
});

describe("scenario and graph files must be UTF-8 (issue 19, items 2-3)", () => {
  it("a scenario file with invalid UTF-8 is a located error, not silent U+FFFD", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { loadScenario } = await import("./loadScenario.js");
    const dir = mkdtempSync(join(tmpdir(), "stampede-utf8-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from("name: x\ndescription: caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    expect(lines(() => loadScenario(file))).toBe(
      `${file}:2:17  not valid UTF-8: byte 0xe9 at offset 24 (save the file as UTF-8)`,
    );
  });
});
