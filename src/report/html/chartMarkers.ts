import type { RunSummary } from "../../metrics/RunResult.js";

/** What a marker stands for; the report colours and dashes each kind its own way. */
export type MarkerKind = "trigger" | "detection" | "diagnosis" | "operator" | "recovery";

/** One annotated vertical line on every time chart: `t` seconds from the scenario's start. */
export interface ChartMarker {
  t: number;
  kind: MarkerKind;
  label: string;
}

/**
 * The markers of one run, in time order (ties keep this order): each trigger (its start, and its end when it lasts),
 * detection (with the channel), diagnosis, every operator action that took effect, and recovery.
 */
export function chartMarkers(
  s: Pick<RunSummary, "verdict" | "operators"> & { triggers?: RunSummary["triggers"] },
): ChartMarker[] {
  const v = s.verdict;
  const out: ChartMarker[] = [];
  const triggers = s.triggers ?? [];
  if (triggers.length > 0)
    for (const t of triggers) {
      out.push({ t: t.start, kind: "trigger", label: t.end === t.start ? t.name : `${t.name} starts` });
      if (t.end !== t.start) out.push({ t: t.end, kind: "trigger", label: `${t.name} ends` });
    }
  else if (v.triggerStart !== null) {
    out.push({ t: v.triggerStart, kind: "trigger", label: "trigger" });
    if (v.triggerEnd !== null && v.triggerEnd !== v.triggerStart)
      out.push({ t: v.triggerEnd, kind: "trigger", label: "trigger ends" });
  }
  if (v.detectedAt !== null)
    out.push({
      t: v.detectedAt,
      kind: "detection",
      label: v.detectedBy === null ? "detected" : `detected (${v.detectedBy})`,
    });
  if (v.diagnosedAt !== null) out.push({ t: v.diagnosedAt, kind: "diagnosis", label: "diagnosed" });
  for (const op of s.operators)
    if (op.at !== null) out.push({ t: op.at, kind: "operator", label: `${op.name} (${op.type})` });
  if (v.recoveredAt !== null) out.push({ t: v.recoveredAt, kind: "recovery", label: "recovered" });
  return out
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.t - b.m.t || a.i - b.i)
    .map((x) => x.m);
}
