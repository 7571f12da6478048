/** Built-in scenarios: the `scenarios/<name>.yaml` files shipped in the package. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { StampedeError } from "../core/StampedeError.js";
import { didYouMean } from "./closeNames.js";
import type { TrafficSelector } from "./Scenario.js";
import { topLevelSections } from "./topLevelSections.js";
import { trafficSelectorText } from "./trafficSelectorText.js";
import { parseYamlData } from "./yamlData.js";

/** Error code of a scenario reference that is neither a file nor a built-in. */
export const E_SCENARIO_NOT_FOUND = "E_SCENARIO_NOT_FOUND";

/**
 * The folder of the built-in scenarios: `scenarios/` at the package root, found from this module's own location
 * (two levels up from both src/scenario/ under tsx and dist/scenario/ in an installed package).
 */
export function builtinDir(): string {
  return fileURLToPath(new URL("../../scenarios/", import.meta.url));
}

/** The names of the built-in scenarios in `dir` (default `builtinDir()`), sorted. */
export function builtinNames(dir = builtinDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/**
 * The file a scenario reference names: an existing file path as it is, else the built-in of that name. Throws
 * E_SCENARIO_NOT_FOUND (one line, with the close built-in names) when it is neither.
 */
export function findScenarioFile(ref: string, dir = builtinDir()): string {
  if (existsSync(ref) && statSync(ref).isFile()) return ref;
  const names = builtinNames(dir);
  if (names.includes(ref)) return join(dir, `${ref}.yaml`);
  const hint = didYouMean(ref, names) || (names.length ? `; built-ins: ${names.join(", ")}` : "");
  throw new StampedeError(E_SCENARIO_NOT_FOUND, `no scenario file or built-in named '${ref}'${hint}`);
}

/** What `stampede list` and `describe` show of a built-in, read from its file without running it. */
export interface BuiltinInfo {
  name: string;
  file: string;
  description: string;
  variants: { name: string; description: string }[];
  assumptions: { text: string; path?: string; source?: string }[];
  facts: { text: string; path?: string; source?: string }[];
  /** The runbook's steps in file order: when each starts and what it does (a reroute names its traffic selector). */
  runbook: { step: string; after: string; action: string }[];
}

/** What `stampede list` shows of a built-in: its metadata only. */
export type BuiltinSummary = Pick<BuiltinInfo, "name" | "file" | "description" | "variants">;

/** The top-level keys that `builtinSummary` reads. */
const SUMMARY_KEYS = ["description", "variants"] as const;

function variantsOf(raw: Record<string, unknown>): BuiltinInfo["variants"] {
  const variants = (raw["variants"] ?? {}) as Record<string, { description?: unknown } | null>;
  return Object.entries(variants).map(([v, spec]) => ({
    name: v,
    description: String(spec?.description ?? ""),
  }));
}

function checkBuiltinName(name: string, dir: string): string {
  const names = builtinNames(dir);
  if (!names.includes(name)) {
    throw new StampedeError(
      E_SCENARIO_NOT_FOUND,
      `no built-in scenario named '${name}'${didYouMean(name, names) || `; built-ins: ${names.join(", ") || "none"}`}`,
    );
  }
  return join(dir, `${name}.yaml`);
}

/**
 * A built-in's description and variants, read from the file's `description` and `variants` sections alone (see
 * `topLevelSections`): the model (links, services, fleets, ...) is neither parsed nor validated, so listing stays
 * fast however large the scenarios grow. Falls back to parsing the whole file when it is not a plain block mapping.
 */
export function builtinSummary(name: string, dir = builtinDir()): BuiltinSummary {
  const file = checkBuiltinName(name, dir);
  const text = readFileSync(file, "utf8");
  const meta = topLevelSections(text, SUMMARY_KEYS) ?? text;
  const raw = (parseYamlData(meta, file) ?? {}) as Record<string, unknown>;
  return { name, file, description: String(raw["description"] ?? ""), variants: variantsOf(raw) };
}

/** Every built-in's summary (metadata only), sorted by name: what `stampede list` prints. */
export function listBuiltinSummaries(dir = builtinDir()): BuiltinSummary[] {
  return builtinNames(dir).map((n) => builtinSummary(n, dir));
}

/** One runbook action in words, from the unvalidated file: `reroute class dns, dependency api.dns via []`. */
function actionText(a: unknown): string {
  if (typeof a !== "object" || a === null) return String(a);
  const { type, ...rest } = a as Record<string, unknown>;
  if (type === "reroute") {
    const t = rest["traffic"];
    const sel = (v: unknown): string =>
      typeof v === "object" && v !== null && !Array.isArray(v)
        ? trafficSelectorText(v as TrafficSelector)
        : v === "monitoring"
          ? "monitoring"
          : `${JSON.stringify(v)} (ambiguous)`;
    const traffic = Array.isArray(t) ? t.map(sel).join(", ") : sel(t);
    return `reroute ${traffic} via [${Array.isArray(rest["via"]) ? rest["via"].join(", ") : ""}]`;
  }
  const fields = Object.entries(rest).map(
    ([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`,
  );
  return `${String(type)}${fields.length ? ` (${fields.join(", ")})` : ""}`;
}

function runbookOf(raw: Record<string, unknown>): BuiltinInfo["runbook"] {
  const ops = raw["operators"] as { runbook?: unknown } | null | undefined;
  const rb = ops?.runbook;
  if (typeof rb !== "object" || rb === null) return [];
  return Object.entries(
    rb as Record<string, { after?: unknown; at?: unknown; delay?: unknown; do?: unknown } | null>,
  ).map(([step, st]) => ({
    step,
    after: `${st?.at !== undefined ? `at ${String(st.at)}` : String(st?.after ?? "")}${st?.delay !== undefined ? ` + ${String(st.delay)}` : ""}`,
    action: actionText(st?.do),
  }));
}

function notes(v: unknown): BuiltinInfo["facts"] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((n): n is Record<string, unknown> => typeof n === "object" && n !== null)
    .map((n) => ({
      text: String(n["text"] ?? ""),
      ...(typeof n["path"] === "string" ? { path: n["path"] } : {}),
      ...(typeof n["source"] === "string" ? { source: n["source"] } : {}),
    }));
}

/** Reads a built-in's description, variants and notes (the file is parsed, not validated). */
export function builtinInfo(name: string, dir = builtinDir()): BuiltinInfo {
  const file = checkBuiltinName(name, dir);
  const raw = (parseYamlData(readFileSync(file, "utf8"), file) ?? {}) as Record<string, unknown>;
  const n = (raw["notes"] ?? {}) as Record<string, unknown>;
  return {
    name,
    file,
    description: String(raw["description"] ?? ""),
    variants: variantsOf(raw),
    assumptions: notes(n["assumptions"]),
    facts: notes(n["facts"]),
    runbook: runbookOf(raw),
  };
}

/** Every built-in's information, sorted by name. */
export function listBuiltins(dir = builtinDir()): BuiltinInfo[] {
  return builtinNames(dir).map((n) => builtinInfo(n, dir));
}
