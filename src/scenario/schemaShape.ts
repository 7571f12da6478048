/**
 * Reads the structure of a zod schema next to the data it describes: which fields an object has, what a map's values
 * are, which option of a union the data chose. Used to check field paths (`--set`, variants) and to list the fields
 * an unknown key could have meant.
 */
import type * as z from "zod";

/** What is found at one place of the schema. `open` accepts any key at any depth (a variant's `set`). */
export type SchemaShape =
  | { kind: "object"; fields: Record<string, z.ZodType> }
  | { kind: "record"; value: z.ZodType }
  | { kind: "array"; element: z.ZodType }
  | { kind: "tuple"; items: z.ZodType[] }
  | { kind: "open" }
  | { kind: "leaf"; schema: z.ZodType };

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  discriminator?: string;
}

function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "nonoptional", "catch"]);

/** The shape of `schema` for the value `data` (which may be undefined: then union options are merged). */
export function shapeOf(schema: z.ZodType, data: unknown): SchemaShape {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else break;
  }
  const def = defOf(s);
  switch (def.type) {
    case "object":
      return { kind: "object", fields: def.shape ?? {} };
    case "record":
      return defOf(def.valueType!).type === "unknown"
        ? { kind: "open" }
        : { kind: "record", value: def.valueType! };
    case "array":
      return { kind: "array", element: def.element! };
    case "tuple":
      return { kind: "tuple", items: def.items ?? [] };
    case "unknown":
    case "any":
      return { kind: "open" };
    case "union":
      return unionShape(s, def, data);
    default:
      return { kind: "leaf", schema: s };
  }
}

function unionShape(s: z.ZodType, def: Def, data: unknown): SchemaShape {
  const options = def.options ?? [];
  const disc = def.discriminator;
  const obj = typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
  const shapes = options.map((o) => shapeOf(o, data));
  if (disc && obj && obj[disc] !== undefined) {
    for (const sh of shapes) {
      const field = sh.kind === "object" ? sh.fields[disc] : undefined;
      if (field?.safeParse(obj[disc]).success) return sh;
    }
  }
  const objects = shapes.filter((sh) => sh.kind === "object");
  if (objects.length > 0 && (obj !== undefined || data === undefined)) {
    // No usable discriminator: every field any option has.
    const fields: Record<string, z.ZodType> = {};
    for (const sh of objects) for (const [k, v] of Object.entries(sh.fields)) fields[k] ??= v;
    return { kind: "object", fields };
  }
  const other = shapes.find((sh) => sh.kind !== "leaf" && sh.kind !== "object");
  return other ?? { kind: "leaf", schema: s };
}

/** Why a path does not exist: the segment that fails and the names it could have been. */
export interface PathProblem {
  /** Index of the failing segment. */
  at: number;
  message: string;
  /** Names that exist at that place (for "did you mean"). */
  names: string[];
}

/**
 * Walks `path` through `schema` and `data` together. Returns the schema of the last segment, or the problem with the
 * first segment that does not exist: an unknown field, a map entry that is not there, an index out of range.
 * Object fields may be absent in the data (optional or defaulted); map entries must exist.
 */
export function walkSchema(
  schema: z.ZodType,
  data: unknown,
  path: readonly string[],
): { schema: z.ZodType | null; problem?: PathProblem } {
  let s: z.ZodType | null = schema;
  let d = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const where = i === 0 ? "the scenario" : path.slice(0, i).join(".");
    if (s === null) return { schema: null };
    const sh = shapeOf(s, d);
    const obj = typeof d === "object" && d !== null ? (d as Record<string, unknown>) : undefined;
    switch (sh.kind) {
      case "open":
        s = null;
        break;
      case "object": {
        const f = Object.hasOwn(sh.fields, seg) ? sh.fields[seg] : undefined;
        const names = Object.keys(sh.fields);
        if (!f) return { schema: null, problem: { at: i, message: `${where} has no field '${seg}'`, names } };
        s = f;
        break;
      }
      case "record": {
        const names = obj ? Object.keys(obj) : [];
        if (!obj || !Object.hasOwn(obj, seg))
          return { schema: null, problem: { at: i, message: `${where} has no entry '${seg}'`, names } };
        s = sh.value;
        break;
      }
      case "array":
      case "tuple": {
        const len = sh.kind === "tuple" ? sh.items.length : Array.isArray(d) ? d.length : 0;
        const idx = /^\d+$/.test(seg) ? Number(seg) : -1;
        if (idx < 0 || idx >= len) {
          const names = Array.from({ length: len }, (_, k) => String(k));
          return {
            schema: null,
            problem: { at: i, message: `${where} has no item '${seg}' (it has ${len})`, names },
          };
        }
        s = sh.kind === "tuple" ? sh.items[idx]! : sh.element;
        break;
      }
      case "leaf":
        return {
          schema: null,
          problem: { at: i, message: `${where} is a value: it has no field '${seg}'`, names: [] },
        };
    }
    d = obj !== undefined ? obj[seg] : Array.isArray(d) ? d[Number(seg)] : undefined;
  }
  return { schema: s };
}
