import type { TriggerSummary } from "../metrics/RunResult.js";
import type { Scenario } from "../scenario/Scenario.js";

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
