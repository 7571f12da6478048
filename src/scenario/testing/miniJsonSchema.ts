/**
 * A small JSON Schema (draft-07) checker for tests, covering the keywords `z.toJSONSchema` emits: a meta-check
 * (every keyword known and well-formed, every pattern a valid regular expression) and a validator (type, const, enum,
 * properties, required, additionalProperties, propertyNames, items (one schema or a tuple), additionalItems, anyOf,
 * oneOf, allOf, pattern, minimum/maximum, exclusive bounds, minItems/maxItems, minLength, $ref to #/definitions).
 * No dependency: ajv is not installed.
 */
type Schema = Record<string, unknown> | boolean;

const TYPES = new Set(["null", "boolean", "object", "array", "number", "integer", "string"]);
const SCHEMA_MAPS = new Set(["properties", "definitions", "patternProperties"]);
const SCHEMA_ONE = new Set(["additionalProperties", "propertyNames", "additionalItems", "not", "contains"]);
const SCHEMA_LISTS = new Set(["anyOf", "oneOf", "allOf"]);
const NUMBERS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);
const COUNTS = new Set(["minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"]);
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "title",
  "description",
  "default",
  "examples",
  "$comment",
  "format",
]);

/** Problems that make `schema` an invalid (or unsupported) JSON Schema; empty when it is fine. */
export function metaCheck(schema: unknown, at = "#"): string[] {
  if (typeof schema === "boolean") return [];
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return [`${at}: not a schema`];
  const out: string[] = [];
  for (const [k, v] of Object.entries(schema)) {
    const p = `${at}/${k}`;
    if (k === "type") {
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((t) => typeof t === "string" && TYPES.has(t)))
        out.push(`${p}: bad type ${JSON.stringify(v)}`);
    } else if (SCHEMA_MAPS.has(k)) {
      if (typeof v !== "object" || v === null) out.push(`${p}: not an object`);
      else for (const [n, s] of Object.entries(v)) out.push(...metaCheck(s, `${p}/${n}`));
    } else if (SCHEMA_ONE.has(k)) out.push(...metaCheck(v, p));
    else if (k === "items") {
      if (Array.isArray(v))
        v.forEach((x, i) => {
          out.push(...metaCheck(x, `${p}/${i}`));
        });
      else out.push(...metaCheck(v, p));
    } else if (SCHEMA_LISTS.has(k)) {
      if (!Array.isArray(v) || v.length === 0) out.push(`${p}: not a non-empty list`);
      else
        v.forEach((s, i) => {
          out.push(...metaCheck(s, `${p}/${i}`));
        });
    } else if (k === "required") {
      if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) out.push(`${p}: not a list of names`);
    } else if (k === "enum") {
      if (!Array.isArray(v)) out.push(`${p}: not a list`);
    } else if (k === "pattern") {
      try {
        new RegExp(String(v), "u");
      } catch {
        out.push(`${p}: not a regular expression`);
      }
    } else if (NUMBERS.has(k)) {
      if (typeof v !== "number") out.push(`${p}: not a number`);
    } else if (COUNTS.has(k)) {
      if (!Number.isInteger(v) || (v as number) < 0) out.push(`${p}: not a count`);
    } else if (k === "$ref") {
      if (typeof v !== "string" || !v.startsWith("#")) out.push(`${p}: unsupported $ref`);
    } else if (k !== "const" && !ANNOTATIONS.has(k)) out.push(`${p}: unknown keyword`);
  }
  return out;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  if (t === "integer") return typeof v === "number" && Number.isInteger(v);
  return typeOf(v) === t;
}

/** Validation errors of `value` against `schema` (`root` resolves `$ref`); empty when it is valid. */
export function validate(schema: Schema, value: unknown, root: Schema = schema, at = ""): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  if (typeof s["$ref"] === "string") {
    const target = (s["$ref"] as string)
      .slice(2)
      .split("/")
      .filter(Boolean)
      .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
    out.push(...validate(target as Schema, value, root, at));
  }
  if (s["type"] !== undefined) {
    const types = (Array.isArray(s["type"]) ? s["type"] : [s["type"]]) as string[];
    if (!types.some((t) => hasType(value, t)))
      return [`${at}: expected ${types.join("|")}, got ${typeOf(value)}`];
  }
  if ("const" in s && s["const"] !== value) out.push(`${at}: expected ${JSON.stringify(s["const"])}`);
  if (Array.isArray(s["enum"]) && !s["enum"].includes(value)) out.push(`${at}: not in enum`);
  for (const k of ["anyOf", "oneOf"] as const) {
    const opts = s[k] as Schema[] | undefined;
    if (!opts) continue;
    const ok = opts.filter((o) => validate(o, value, root, at).length === 0).length;
    if (k === "anyOf" ? ok === 0 : ok !== 1) out.push(`${at}: ${ok} of the ${k} options match`);
  }
  for (const o of (s["allOf"] as Schema[] | undefined) ?? []) out.push(...validate(o, value, root, at));
  if (typeof value === "string") {
    if (typeof s["pattern"] === "string" && !new RegExp(s["pattern"], "u").test(value))
      out.push(`${at}: does not match ${s["pattern"]}`);
    if (typeof s["minLength"] === "number" && value.length < s["minLength"]) out.push(`${at}: too short`);
  }
  if (typeof value === "number") {
    const n = (k: string) => s[k] as number | undefined;
    if (n("minimum") !== undefined && value < n("minimum")!) out.push(`${at}: below minimum`);
    if (n("maximum") !== undefined && value > n("maximum")!) out.push(`${at}: above maximum`);
    if (n("exclusiveMinimum") !== undefined && value <= n("exclusiveMinimum")!)
      out.push(`${at}: not above minimum`);
    if (n("exclusiveMaximum") !== undefined && value >= n("exclusiveMaximum")!)
      out.push(`${at}: not below maximum`);
  }
  if (Array.isArray(value)) {
    const tuple = Array.isArray(s["items"]) ? (s["items"] as Schema[]) : null;
    value.forEach((item, i) => {
      const sub = tuple
        ? i < tuple.length
          ? tuple[i]
          : (s["additionalItems"] as Schema | undefined)
        : (s["items"] as Schema | undefined);
      if (sub !== undefined) out.push(...validate(sub, item, root, `${at}/${i}`));
    });
    if (typeof s["minItems"] === "number" && value.length < s["minItems"]) out.push(`${at}: too few items`);
    if (typeof s["maxItems"] === "number" && value.length > s["maxItems"]) out.push(`${at}: too many items`);
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (s["properties"] as Record<string, Schema> | undefined) ?? {};
    for (const r of (s["required"] as string[] | undefined) ?? [])
      if (!(r in obj)) out.push(`${at}: missing required '${r}'`);
    for (const [k, v] of Object.entries(obj)) {
      if (s["propertyNames"] !== undefined)
        out.push(...validate(s["propertyNames"] as Schema, k, root, `${at}/${k}`));
      if (k in props) out.push(...validate(props[k]!, v, root, `${at}/${k}`));
      else if (s["additionalProperties"] !== undefined)
        out.push(...validate(s["additionalProperties"] as Schema, v, root, `${at}/${k}`));
    }
  }
  return out;
}
