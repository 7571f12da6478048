import { parseDuration } from "../../core/parseDuration.js";
import { isStampedeError, StampedeError } from "../../core/StampedeError.js";
import { ImportIssues } from "../import/ImportIssues.js";
import { readYamlInput } from "../import/readYamlInput.js";
import type { ControlPlaneInput, FailoverSpec } from "./FailoverSpec.js";
import { FailoverFileSchema } from "./failoverFileSchema.js";
import { toFailoverSpec } from "./toFailoverSpec.js";

/**
 * Reads a failover side file (`stampede: failover/v1`, see FailoverFileSchema and docs/blast.md) into one
 * {@link FailoverSpec} per (function id, LEI), defaults applied. Every problem (YAML syntax, schema, bad durations,
 * invalid LEIs, duplicate keys, a missing secondary) is collected with its `file:line:col` and field path and thrown
 * at once as an ImportError (the CLI exits 2).
 */
export function readFailoverFile(file: string, text: string): FailoverSpec[] {
  return readFailoverData(file, text).functions;
}

/** What a failover side file holds: the functions' failover specs and the secondary regions' control planes. */
export interface FailoverData {
  readonly functions: FailoverSpec[];
  readonly controlPlanes: ControlPlaneInput[];
}

/** Reads a failover side file, functions and `controlPlanes` (see {@link readFailoverFile}). */
export function readFailoverData(file: string, text: string): FailoverData {
  const issues = new ImportIssues();
  const { raw, at } = readYamlInput(file, text, issues);
  const parsed = FailoverFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) issues.add("E_FAILOVER_SCHEMA", issue.message, at(issue.path));
    issues.throwIfAny(file);
    return { functions: [], controlPlanes: [] };
  }
  const seen = new Map<string, number>();
  const out: FailoverSpec[] = [];
  parsed.data.functions.forEach((f, i) => {
    const p = (...rest: PropertyKey[]) => ["functions", i, ...rest];
    const key = `${f.function}\u0000${f.lei}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(
        "E_FAILOVER_DUPLICATE",
        `function "${f.function}" of ${f.lei} is already described by functions.${first}`,
        at(p("function")),
      );
    } else seen.set(key, i);
    const spec = toFailoverSpec(f, (path) => at(p(...path)), issues);
    if (spec) out.push(spec);
  });
  const controlPlanes: ControlPlaneInput[] = [];
  for (const [region, cp] of Object.entries(parsed.data.controlPlanes ?? {})) {
    const p = (...rest: PropertyKey[]) => ["controlPlanes", region, ...rest];
    const sec = (v: string | number | undefined, field: string): number | undefined => {
      if (v === undefined) return undefined;
      try {
        const s = parseDuration(v);
        if (!(s > 0)) throw new StampedeError("E_DURATION", `must be > 0, got ${String(v)}`);
        return s;
      } catch (e) {
        issues.add("E_FAILOVER_BAD_DURATION", isStampedeError(e) ? e.message : String(e), at(p(field)));
        return undefined;
      }
    };
    const launchTime = sec(cp.launchTime, "launchTime");
    const timeout = sec(cp.timeout, "timeout");
    const { path: _, ...source } = at(p());
    controlPlanes.push({
      region,
      ...(cp.concurrency !== undefined ? { concurrency: cp.concurrency } : {}),
      ...(launchTime !== undefined ? { launchTimeSeconds: launchTime } : {}),
      ...(cp.queueLimit !== undefined ? { queueLimit: cp.queueLimit } : {}),
      ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
      ...(cp.capacity !== undefined ? { capacity: cp.capacity } : {}),
      source,
    });
  }
  issues.throwIfAny(file);
  return { functions: out, controlPlanes };
}
