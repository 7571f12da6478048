/**
 * Field-path overrides (`--set fleets.clients.retry.maxAttempts=5`, variants' `set`): checking a path against the
 * schema and the scenario, parsing a value, applying overrides to a raw scenario.
 */
import type * as z from "zod";
import { StampedeError } from "../core/StampedeError.js";
import { didYouMean, knownNames } from "./closeNames.js";
import { show, zodProblems } from "./Problem.js";
import { scenarioSchema } from "./schema/scenarioSchema.js";
import { walkSchema } from "./schemaShape.js";
import { parseYamlData } from "./yamlData.js";

/** Error code of a field path that does not exist in the scenario. */
export const E_UNKNOWN_PATH = "E_UNKNOWN_PATH";
/** Error code of an override value that does not fit its field. */
export const E_OVERRIDE_VALUE = "E_OVERRIDE_VALUE";

/** A path that exists: its segments and the schema of the field (null inside a free-form value: variants' `set`). */
export interface ResolvedPath {
  segments: string[];
  schema: z.ZodType | null;
}

/**
 * Checks that `path` (`fleets.internal-clients.retry.maxAttempts`) names a field of the scenario `raw`: map entries
 * (fleets, services, ...) must exist in it; object fields must exist in the schema (they may be absent in the file,
 * so a variant can add an optional field). Throws E_UNKNOWN_PATH with the close names otherwise.
 */
export function resolvePath(raw: unknown, path: string): ResolvedPath {
  const segments = path.split(".");
  if (path.trim() === "" || segments.some((s) => s === ""))
    throw new StampedeError(E_UNKNOWN_PATH, `'${path}' is not a field path (e.g. fleets.clients.timeout)`, {
      path,
    });
  const bad = segments.find((s) => PROTOTYPE_NAMES.has(s));
  if (bad !== undefined)
    throw new StampedeError(
      E_UNKNOWN_PATH,
      `'${path}': the segment '${bad}' is not allowed in a field path`,
      {
        path,
      },
    );
  const r = walkSchema(scenarioSchema, raw, segments);
  if (r.problem) {
    const seg = segments[r.problem.at]!;
    const hint = didYouMean(seg, r.problem.names) || knownNames(r.problem.names);
    throw new StampedeError(E_UNKNOWN_PATH, `${r.problem.message}${hint}`, { path });
  }
  return { segments, schema: r.schema };
}

/** Parses a `--set` value as a YAML scalar or flow value: `5s`, `0.5`, `[a, b]`, `{ type: none }`, `null`. */
export function parseOverrideText(text: string): unknown {
  try {
    return parseYamlData(text, "--set");
  } catch (e) {
    const err = e as { message: string; errors?: { message: string }[] };
    const msg = (err.errors?.[0]?.message ?? err.message).split("\n")[0] ?? "";
    throw new StampedeError(E_OVERRIDE_VALUE, `'${text}' is not a value: ${msg}`);
  }
}

/**
 * Parses `text` as the value of the field at `path`, in that field's own units: `5s` for a duration gives 5 (seconds),
 * `1200/s` for a rate gives 1200, `0.5` for a fraction gives 0.5. Throws E_UNKNOWN_PATH or E_OVERRIDE_VALUE.
 */
export function parseValueAt(raw: unknown, path: string, text: string): unknown {
  const { schema } = resolvePath(raw, path);
  const value = parseOverrideText(text);
  if (schema === null) return value;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = zodProblems(r.error.issues, value, schema)[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")} ` : "";
  throw new StampedeError(E_OVERRIDE_VALUE, `${where}${first?.message ?? `invalid value ${show(value)}`}`, {
    path,
  });
}

/** A deep copy that keeps every value YAML can give (Infinity, NaN, -0, dates), unlike a JSON round trip. */
function clone<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

/** Segments that would reach an object's prototype instead of one of its own fields. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Applies overrides (`path -> value`, values already parsed) to a copy of the raw scenario, in order, and returns the
 * copy; `raw` is not changed. A null value removes the field (e.g. `operators: null`: no operators). Missing objects
 * on the way are created. Throws E_UNKNOWN_PATH for a path that does not exist.
 */
export function applyOverrides(raw: unknown, overrides: Readonly<Record<string, unknown>>): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new StampedeError(E_UNKNOWN_PATH, "the scenario is not an object: nothing to override");
  const out = clone(raw) as Record<string, unknown>;
  for (const [path, value] of Object.entries(overrides)) {
    const { segments } = resolvePath(out, path);
    let node: Record<string, unknown> = out;
    for (const seg of segments.slice(0, -1)) {
      let next = Object.hasOwn(node, seg) ? node[seg] : undefined;
      if (typeof next !== "object" || next === null) {
        next = {};
        node[seg] = next;
      }
      node = next as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (value === null && !Array.isArray(node)) delete node[last];
    else node[last] = clone(value);
  }
  return out;
}
