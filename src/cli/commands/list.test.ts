import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinInfo, builtinNames, listBuiltinSummaries } from "../../scenario/builtins.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./list.js";

/** A built-in whose model is not even YAML: only a reader of the metadata alone can list it. */
const METADATA_ONLY = `# yaml-language-server: $schema=../schema/scenario.schema.json
name: half-written
description: >-
  A scenario still being written. Its model does not parse yet.
links: { nat: [ unclosed
fleets:
  clients: *undefined-alias
variants:
  calmer:
    description: fewer clients
    set:
      fleets.clients.count: 10
`;

describe("stampede list", () => {
  it("reads only each built-in's metadata: a file whose model does not parse is still listed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-list-"));
    writeFileSync(join(dir, "half-written.yaml"), METADATA_ONLY);
    const text = await runCli((p) => register(p, dir), ["list"]);
    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^half-written {2}A scenario still being written\.\n/);
    const json = await runCli((p) => register(p, dir), ["list", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual([
      {
        name: "half-written",
        description: "A scenario still being written. Its model does not parse yet.",
        variants: ["calmer"],
      },
    ]);
  });

  it("shows for every built-in the description and variants that the full parse (describe) reads", () => {
    const summaries = listBuiltinSummaries();
    expect(summaries.map((s) => s.name)).toEqual(builtinNames());
    for (const s of summaries) {
      const full = builtinInfo(s.name);
      expect(s.description).toBe(full.description);
      expect(s.variants).toEqual(full.variants);
    }
  });
});
