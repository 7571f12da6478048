/**
 * Validation of a raw scenario (already parsed from YAML/JSON, or given as an object): the strict schema, then the
 * cross-reference checks, then the defaults that depend on other sections. Returns problems; never throws for input.
 */
import { checkPolicies } from "./checkPolicies.js";
import { crossCheck } from "./crossCheck.js";
import { applyOverrides, resolvePath } from "./overrides.js";
import { type Problem, zodProblems } from "./Problem.js";
import type { Scenario } from "./Scenario.js";
import type { FieldPath } from "./ScenarioSource.js";
import { type ParsedScenario, scenarioSchema } from "./schema/scenarioSchema.js";

/** A validated scenario, or the problems that stop it. */
export interface Checked {
  scenario: Scenario | null;
  problems: Problem[];
}

/**
 * Validates one raw scenario as it is (variants are not applied: see `checkVariants`). `notePaths` (default true)
 * checks that notes' `path`s exist; overridden scenarios skip it, since an override may remove what a note is about
 * (`--set operators=null`).
 */
export function checkScenario(raw: unknown, { notePaths = true }: { notePaths?: boolean } = {}): Checked {
  const r = scenarioSchema.safeParse(raw);
  if (!r.success) return { scenario: null, problems: zodProblems(r.error.issues, raw, scenarioSchema) };
  const scenario = complete(r.data);
  const notes = notePaths ? checkNotePaths(raw, r.data) : [];
  const problems = [...crossCheck(r.data), ...notes, ...checkPolicies(scenario)];
  return problems.length > 0 ? { scenario: null, problems } : { scenario, problems };
}

/** Fills the defaults that depend on other sections: traffic classes, goodput fleets, dependents' planes. */
function complete(p: ParsedScenario): Scenario {
  const { $schema: _, format: _format, ...s } = p;
  for (const [n, f] of Object.entries(s.fleets)) f.trafficClass ??= n;
  s.verdict.goodputFleets ??= Object.keys(s.fleets);
  for (const d of Object.values(s.dependents))
    for (const g of d.requires)
      for (const r of g.of) (r as { plane?: string }).plane ??= s.services[r.service]?.plane ?? "data";
  return s as unknown as Scenario;
}

function checkNotePaths(raw: unknown, s: ParsedScenario): Problem[] {
  const out: Problem[] = [];
  for (const kind of ["facts", "assumptions"] as const)
    s.notes[kind].forEach((n, i) => {
      if (n.path === undefined) return;
      try {
        resolvePath(raw, n.path);
      } catch (e) {
        out.push({ path: ["notes", kind, i, "path"], message: e instanceof Error ? e.message : String(e) });
      }
    });
  return out;
}

/** Where a problem of an overridden scenario comes from: the override that set the field, if any. */
export function overrideFor(path: FieldPath, overridePaths: readonly string[]): string | undefined {
  const p = path.join(".");
  return overridePaths.findLast((o) => p === o || p.startsWith(`${o}.`));
}

/**
 * Checks every variant of a raw scenario: each `set` path must exist in the scenario, and the scenario with the
 * variant applied must be valid. Problems point at the variant's `set` entry (or the variant) that causes them.
 */
export function checkVariants(raw: unknown): Problem[] {
  const variants = (raw as { variants?: unknown } | null)?.variants;
  if (typeof variants !== "object" || variants === null) return [];
  const out: Problem[] = [];
  for (const [name, v] of Object.entries(variants)) {
    const set = (v as { set?: unknown } | null)?.set;
    if (typeof set !== "object" || set === null || Array.isArray(set)) continue;
    const base: FieldPath = ["variants", name, "set"];
    let bad = false;
    for (const path of Object.keys(set)) {
      try {
        resolvePath(raw, path);
      } catch (e) {
        bad = true;
        out.push({ path: [...base, path], message: e instanceof Error ? e.message : String(e), key: true });
      }
    }
    if (bad) continue;
    const applied = checkScenario(applyOverrides(raw, set as Record<string, unknown>), { notePaths: false });
    const paths = Object.keys(set);
    for (const p of applied.problems) {
      const o = overrideFor(p.path, paths);
      const at = p.path.join(".");
      out.push({
        path: o === undefined ? ["variants", name] : [...base, o],
        message: `with variant '${name}': ${at === o ? "" : `${at}  `}${p.message}`,
      });
    }
  }
  return out;
}
