import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { scenarioJsonSchema } from "./scenarioJsonSchema.js";
import { metaCheck, validate } from "./testing/miniJsonSchema.js";

const read = (name: string) =>
  parseYaml(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("scenarioJsonSchema", () => {
  const schema = scenarioJsonSchema();

  it("is a well-formed draft-07 JSON Schema (what editors' YAML support implements) that survives JSON", () => {
    expect(schema["$schema"]).toBe("http://json-schema.org/draft-07/schema#");
    expect(metaCheck(schema)).toEqual([]);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("accepts a valid file as written (durations and rates as strings, defaults left out)", () => {
    expect(validate(schema, read("minimal.yaml"))).toEqual([]);
  });

  it("rejects what the loader rejects on the input side: unknown keys, bad unit strings, missing fields", () => {
    const errors = validate(schema, read("bad/schema.yaml"));
    expect(errors).toContain("/duration: 0 of the anyOf options match");
    expect(errors).toContain("/fleets/clients: missing required 'retry'");
    expect(errors).toContain("/services/api: missing required 'queueLimit'");
    expect(errors.some((e) => e.startsWith("/fleets/clients/retries"))).toBe(true);
  });

  it("checks a tuple's length", () => {
    const doc = read("minimal.yaml") as { links: { nat: { between: string[] } } };
    doc.links.nat.between.push("third");
    expect(validate(schema, doc).some((e) => e.startsWith("/links/nat/between"))).toBe(true);
  });

  it("matches the checked-in scenario.schema.json (regenerate: npx tsx src/cli/main.ts schema > src/scenario/scenario.schema.json)", () => {
    const file = JSON.parse(
      readFileSync(new URL("./scenario.schema.json", import.meta.url), "utf8"),
    ) as unknown;
    expect(file).toEqual(schema);
  });

  it("describes fields for editors", () => {
    const props = schema["properties"] as Record<string, { description?: string }>;
    expect(props["interval"]?.description).toMatch(/Default 10s/);
  });
});
