/** Runs a base scenario with field values set at concrete paths, and reduces the result to what the test compares. */
import { runScenario } from "../../src/experiments/runScenario.js";
import { defineScenario, type RawScenario } from "../../src/scenario/index.js";
import { BASES, type BaseName } from "./bases.js";

/** Field values by concrete path (`fleets.clients.retry.maxAttempts`), applied in order. */
export type Settings = Readonly<Record<string, unknown>>;

/** Sets `value` at the dotted `path` of `target`, creating objects on the way (a numeric segment indexes a list). */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split(".");
  let o: Record<string, unknown> = target;
  for (const s of segs.slice(0, -1)) {
    if (typeof o[s] !== "object" || o[s] === null) o[s] = {};
    o = o[s] as Record<string, unknown>;
  }
  const last = segs[segs.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = structuredClone(value);
}

/** The raw scenario: `base` with every settings map applied in turn. */
export function rawWith(base: BaseName, ...settings: (Settings | undefined)[]): RawScenario {
  const raw = structuredClone(BASES[base]) as unknown as Record<string, unknown>;
  for (const s of settings) for (const [p, v] of Object.entries(s ?? {})) setPath(raw, p, v);
  return raw as unknown as RawScenario;
}

/**
 * What a run produced, as one string: the summary without `timing` and `scenarioHash` (which change with any field,
 * read or not) and the series. Two equal strings: the field changed nothing.
 */
export function outcome(raw: RawScenario, until?: number): string {
  const scenario = defineScenario(raw);
  const options = { memoryInUse: () => 0, ...(until === undefined ? {} : { until }) };
  const { summary, series } = runScenario(scenario, options);
  const { timing: _t, scenarioHash: _h, ...rest } = summary;
  return JSON.stringify([rest, series]);
}
