import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinDir, builtinInfo, builtinNames, findScenarioFile, listBuiltins } from "./builtins.js";

const dir = fileURLToPath(new URL("./fixtures/", import.meta.url));

describe("built-in scenarios", () => {
  it("finds the package's scenarios/ folder from the module's location", () => {
    expect(builtinDir()).toBe(fileURLToPath(new URL("../../scenarios/", import.meta.url)));
    expect(existsSync(new URL("../../package.json", import.meta.url))).toBe(true);
  });

  it("lists the .yaml files of a folder by name, with description, variants and assumptions", () => {
    expect(builtinNames(dir)).toEqual(["minimal"]);
    const [info] = listBuiltins(dir);
    expect(info?.description).toMatch(/^One client fleet/);
    expect(info?.variants.map((v) => v.name)).toEqual(["backoff", "longer-timeout"]);
    expect(info?.assumptions).toEqual([
      { text: "Two NAT devices of 200 setups per second each.", path: "links.nat.setupRate" },
    ]);
    expect(info?.facts).toHaveLength(1);
  });

  it("resolves a reference: a file path as it is, else a built-in name; unknown names fail in one line", () => {
    const path = `${dir}minimal.yaml`;
    expect(findScenarioFile(path, dir)).toBe(path);
    expect(findScenarioFile("minimal", dir)).toBe(path);
    expect(() => findScenarioFile("minimall", dir)).toThrow(
      "no scenario file or built-in named 'minimall' (did you mean 'minimal'?)",
    );
    expect(() => builtinInfo("nothing", dir)).toThrow(
      "no built-in scenario named 'nothing'; built-ins: minimal",
    );
  });
});
