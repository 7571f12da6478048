import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from "./scenarioJsonSchema.js";
import { SCENARIO_FORMAT } from "./schema/scenarioFormat.js";

const read = (url: URL) => parseYaml(readFileSync(url, "utf8")) as unknown;
const fixture = (name: string) => read(new URL(`./fixtures/${name}`, import.meta.url));
const builtins = new URL("../../scenarios/", import.meta.url);

type Node = Record<string, unknown>;

/** Every property of the schema (through $defs and combinators) that has no description, by path. */
function undescribed(schema: Node): string[] {
  const defs = (schema["$defs"] ?? {}) as Record<string, Node>;
  const target = (n: Node): Node | undefined =>
    typeof n["$ref"] === "string" ? defs[(n["$ref"] as string).replace("#/$defs/", "")] : undefined;
  const out: string[] = [];
  const seen = new Set<Node>();
  const walk = (n: unknown, path: string) => {
    if (typeof n !== "object" || n === null || seen.has(n as Node)) return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x, path);
      return;
    }
    const node = n as Node;
    seen.add(node);
    for (const [k, v] of Object.entries((node["properties"] ?? {}) as Record<string, Node>)) {
      if (!v["description"] && !target(v)?.["description"]) out.push(`${path}.${k}`);
      walk(v, `${path}.${k}`);
    }
    for (const key of ["anyOf", "oneOf", "allOf", "items", "prefixItems", "additionalProperties"])
      walk(node[key], key === "additionalProperties" ? `${path}.*` : path);
    const t = target(node);
    if (t) walk(t, path);
  };
  walk(schema, "");
  for (const [k, d] of Object.entries(defs)) walk(d, `$defs.${k}`);
  return out;
}

describe("scenarioJsonSchema", () => {
  const schema = scenarioJsonSchema();
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(schema);
  const errors = (doc: unknown) => {
    validate(doc);
    return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`.trim());
  };

  it("is a JSON Schema 2020-12 (what zod 4 emits) that ajv compiles in strict mode, with a versioned URN $id", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(`urn:stampede-sim:scenario:${SCENARIO_FORMAT}`);
    expect(SCENARIO_SCHEMA_ID).toBe(schema["$id"]);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("describes every field for editors", () => {
    expect(undescribed(schema)).toEqual([]);
    const props = schema["properties"] as Record<string, { description?: string }>;
    expect(props["interval"]?.description).toMatch(/Default 10s/);
  });

  it("accepts every built-in scenario and the minimal example as written", () => {
    const files = readdirSync(builtins).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect([f, errors(read(new URL(f, builtins)))]).toEqual([f, []]);
    expect(errors(fixture("minimal.yaml"))).toEqual([]);
  });

  it("rejects what the loader rejects on the input side: unknown keys, bad unit strings, missing fields", () => {
    const found = errors(fixture("bad/schema.yaml"));
    expect(found.some((e) => e.startsWith("/duration must match pattern"))).toBe(true);
    expect(found).toContain("/fleets/clients must have required property 'retry'");
    expect(found).toContain("/services/api must have required property 'queueLimit'");
    expect(found).toContain("/fleets/clients must NOT have additional properties");
  });

  it("checks a tuple's length", () => {
    const doc = fixture("minimal.yaml") as { links: { nat: { between: string[] } } };
    doc.links.nat.between.push("third");
    expect(errors(doc).some((e) => e.startsWith("/links/nat/between"))).toBe(true);
  });

  it("takes the format version: the current one, not another", () => {
    const doc = fixture("minimal.yaml") as Record<string, unknown>;
    expect(errors({ ...doc, format: SCENARIO_FORMAT })).toEqual([]);
    expect(errors({ ...doc, format: 1 })).toContain("/format must be equal to constant");
  });

  it("matches the shipped schema/scenario.schema.json (regenerate: npx tsx src/cli/main.ts schema > schema/scenario.schema.json)", () => {
    const file = JSON.parse(
      readFileSync(new URL("../../schema/scenario.schema.json", import.meta.url), "utf8"),
    ) as unknown;
    expect(file).toEqual(schema);
  });
});
