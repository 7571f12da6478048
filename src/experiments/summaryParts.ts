import type { DependentSummary, RunSummary, TriggerSummary } from "../metrics/RunResult.js";
import { SUMMARY_SCHEMA_VERSION } from "../metrics/RunResult.js";
import { windowSeconds, windowsWhere } from "../metrics/windowsWhere.js";
import type { Scenario } from "../scenario/Scenario.js";
import { scenarioHash } from "./scenarioHash.js";
import { stampedeVersion } from "./stampedeVersion.js";

/** The trigger window of a scenario (automation and faults marked `trigger`) and its triggers in time order. */
export function triggerSpan(scenario: Scenario): {
  triggerStart: number | null;
  triggerEnd: number | null;
  triggers: TriggerSummary[];
} {
  let triggerStart: number | null = null;
  let triggerEnd: number | null = null;
  const widen = (s: number, e: number) => {
    triggerStart = triggerStart === null ? s : Math.min(triggerStart, s);
    triggerEnd = triggerEnd === null ? e : Math.max(triggerEnd, e);
  };
  const triggers: TriggerSummary[] = [];
  for (const [name, a] of Object.entries(scenario.automation)) {
    if (!a.trigger) continue;
    const end = a.at + (a.action.type === "restart" ? a.action.duration : 0);
    widen(a.at, end);
    triggers.push({ name, kind: "automation", start: a.at, end });
  }
  for (const [name, f] of Object.entries(scenario.faults)) {
    if (!f.trigger) continue;
    widen(f.start, f.end);
    triggers.push({ name, kind: "fault", start: f.start, end: f.end });
  }
  triggers.sort((a, b) => a.start - b.start || a.end - b.end);
  return { triggerStart, triggerEnd, triggers };
}

/** The largest value of a column, 0 when it has none (intervals without data are skipped). */
export function max(values: readonly (number | null)[]): number {
  let m = 0;
  for (const v of values) if (v !== null && v > m) m = v;
  return m;
}

/** Rounded to 3 decimals. */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function roundOrNull(v: number | null): number | null {
  return v === null ? null : round(v);
}

/** Where a run came from: the summary fields both engines fill the same way. */
export function provenance(
  scenario: Scenario,
  seed: number,
  engine: RunSummary["engine"],
): Pick<
  RunSummary,
  | "schemaVersion"
  | "stampedeVersion"
  | "engine"
  | "scenarioHash"
  | "scenario"
  | "variant"
  | "overrides"
  | "scale"
  | "seed"
  | "start"
> {
  const origin = scenario.origin;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    stampedeVersion: stampedeVersion(),
    engine,
    scenarioHash: scenarioHash(scenario),
    scenario: scenario.name,
    variant: origin?.variant ?? null,
    overrides: origin?.overrides ?? {},
    scale: origin?.scale ?? 1,
    seed,
    start: scenario.start,
  };
}

/**
 * The summary parts read from the series and the operators alike in both engines: the dependents' outage windows,
 * monitoring's blind windows (null without monitoring) and each operator step's time.
 */
export function seriesParts(
  scenario: Scenario,
  col: (name: string) => readonly (number | null)[],
  run: {
    hasMonitor: boolean;
    dependents: readonly string[];
    operators: readonly { name: string; type: string; at: number | null }[];
  },
): Pick<RunSummary, "dependents" | "monitoring" | "operators"> {
  const interval = scenario.interval;
  const dependents: Record<string, DependentSummary> = {};
  for (const name of run.dependents) {
    const windows = windowsWhere(col(`dependent.${name}.up`), interval, (v) => v === 0);
    dependents[name] = {
      illustrative: scenario.dependents[name]!.illustrative,
      outageSeconds: windowSeconds(windows),
      windows,
    };
  }
  const staleWindows = windowsWhere(col("monitoring.blind"), interval, (v) => v === 1);
  return {
    monitoring: run.hasMonitor
      ? {
          staleSeconds: windowSeconds(staleWindows),
          maxStaleness: round(max(col("monitoring.staleness"))),
          staleWindows,
        }
      : null,
    operators: run.operators.map((s) => ({
      name: s.name,
      type: s.type,
      at: s.at === null ? null : round(s.at),
    })),
    dependents,
  };
}
