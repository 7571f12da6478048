import type * as z from "zod";
import { didYouMean } from "./closeNames.js";
import type { FieldPath } from "./ScenarioSource.js";
import { shapeOf, walkSchema } from "./schemaShape.js";

/** One problem found in a scenario, before it is given a file position. */
export interface Problem {
  path: FieldPath;
  message: string;
  /** Point at the field's key rather than its value (unknown fields). */
  key?: boolean;
}

/** The raw value at `path`, or undefined. */
export function valueAt(raw: unknown, path: FieldPath): unknown {
  let v = raw;
  for (const seg of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return v;
}

/** A short rendering of a value for messages: `'abc'`, `42`, `an object`, `a list`. */
export function show(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  const s = typeof v === "string" ? `'${v}'` : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function allowedKeys(root: z.ZodType, raw: unknown, path: FieldPath): string[] {
  const at = walkSchema(
    root,
    raw,
    path.map((p) => String(p)),
  );
  if (!at.schema) return [];
  const sh = shapeOf(at.schema, valueAt(raw, path));
  return sh.kind === "object" ? Object.keys(sh.fields) : [];
}

/** Turns zod issues into problems with plain messages: required fields, unknown fields, wrong types and values. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, root: z.ZodType): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const value = valueAt(raw, path);
    const missing = value === undefined;
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = allowedKeys(root, raw, path);
        for (const k of issue.keys) {
          const hint = didYouMean(k, allowed) || (allowed.length ? `; fields: ${allowed.join(", ")}` : "");
          out.push({ path: [...path, k], message: `unknown field '${k}'${hint}`, key: true });
        }
        break;
      }
      case "invalid_union": {
        const disc = "discriminator" in issue ? issue.discriminator : undefined;
        const options = "options" in issue ? (issue.options as unknown[]) : undefined;
        if (disc !== undefined && options) {
          const list = options.map(String).join(", ");
          out.push({
            path,
            message: missing ? `is required: one of ${list}` : `must be one of ${list}, got ${show(value)}`,
          });
        } else out.push({ path, message: missing ? "is required" : `${issue.message}, got ${show(value)}` });
        break;
      }
      case "invalid_type":
        if (missing) out.push({ path, message: "is required" });
        else if (issue.message.startsWith("Invalid input"))
          out.push({ path, message: `expected ${issue.expected}, got ${show(value)}` });
        else out.push({ path, message: `${issue.message}, got ${show(value)}` });
        break;
      case "invalid_value":
        out.push({
          path,
          message: `must be one of ${issue.values.map(String).join(", ")}, got ${show(value)}`,
        });
        break;
      case "invalid_key":
        out.push({ path, message: issue.issues[0]?.message ?? issue.message, key: true });
        break;
      case "too_small":
        if (issue.origin === "string" && issue.minimum === 1)
          out.push({ path, message: "must not be empty" });
        else out.push({ path, message: issue.message });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
