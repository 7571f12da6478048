import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeAt, keyPathAt, keysAt, pathAt, type SchemaNode } from "./schemaAt.js";

const SCHEMA = JSON.parse(
  readFileSync(new URL("../../../schema/scenario.schema.json", import.meta.url), "utf8"),
) as SchemaNode;
const names = (path: string[]) => keysAt(SCHEMA, path).map((k) => k.name);

describe("schemaAt", () => {
  it("reads the key path from indentation and sequence items", () => {
    const lines = [
      "fleets:",
      "  app:",
      "    retry:",
      "      ",
      "list:",
      "  - name: a",
      "    kind: x",
      "  - b:",
      "      c: 1",
    ];
    expect(pathAt(lines, 3, 6)).toEqual(["fleets", "app", "retry"]);
    expect(pathAt(lines, 6, 4)).toEqual(["list", "-"]);
    expect(pathAt(lines, 8, 6)).toEqual(["list", "-", "b"]);
    expect(pathAt(lines, 5, 4)).toEqual(["list", "-"]);
    expect(keyPathAt(lines, 2)).toEqual(["fleets", "app", "retry"]);
  });

  it("offers the schema's keys at the top, in a fleet and in its retry policy", () => {
    expect(names([])).toEqual(expect.arrayContaining(["services", "fleets", "faults", "duration"]));
    expect(names(["fleets", "app-servers"])).toEqual(
      expect.arrayContaining(["target", "clients", "timeout", "retry"]),
    );
    expect(names(["fleets", "app-servers", "retry"])).toEqual(
      expect.arrayContaining(["maxAttempts", "backoff"]),
    );
    expect(names(["nonsense"])).toEqual([]);
  });

  it("describes a key for hover", () => {
    expect(describeAt(SCHEMA, ["duration"])).toMatch(/\w/);
    expect(describeAt(SCHEMA, ["nonsense"])).toBeNull();
  });
});
