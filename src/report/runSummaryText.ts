import { formatDuration } from "../core/parseDuration.js";
import type { RunSummary } from "../metrics/RunResult.js";
import { clockTime, offset } from "./clockTime.js";

/** One event of a run's timeline, seconds from the scenario's start. */
export interface TimelineEvent {
  at: number;
  what: string;
}

/** The phases of a run in time order: trigger, detection, diagnosis, operator actions, recovery. */
export function runTimeline(s: RunSummary): TimelineEvent[] {
  const v = s.verdict;
  const events: TimelineEvent[] = [];
  if (v.triggerStart !== null) events.push({ at: v.triggerStart, what: "trigger starts" });
  if (v.triggerEnd !== null) events.push({ at: v.triggerEnd, what: "trigger ends" });
  if (v.detectedAt !== null)
    events.push({ at: v.detectedAt, what: `detected (${v.detectedBy ?? "unknown"})` });
  if (v.diagnosedAt !== null) events.push({ at: v.diagnosedAt, what: "diagnosed" });
  for (const op of s.operators)
    if (op.at !== null) events.push({ at: op.at, what: `operators: ${op.name} (${op.type})` });
  if (v.recoveredAt !== null) events.push({ at: v.recoveredAt, what: "recovered (goodput back for good)" });
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map((x) => x.e);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * The verdict line of a metastable run: a slow recovery when capacity was still missing at the check
 * (`sustained: false`), a self-sustaining failure when it was back (`sustained: true`).
 */
function metastableOutcome(sustained: boolean | null): string {
  if (sustained === false)
    return (
      "SLOW RECOVERY: goodput still below half of baseline long after the trigger ended, while capacity is still " +
      "coming back (restart/repair under way); no self-sustaining loop"
    );
  const line = "METASTABLE: goodput still below half of baseline long after the trigger ended";
  return sustained === true ? `${line}; self-sustaining: capacity is back, the load keeps it down` : line;
}

/** The short human summary printed by `stampede run` (text format). */
export function runSummaryText(s: RunSummary): string {
  const v = s.verdict;
  const lines: string[] = [];
  const variant = s.variant === null ? "" : `, variant ${s.variant}`;
  lines.push(`${s.scenario}${variant}, seed ${s.seed}, scale ${s.scale}`);
  lines.push(
    `simulated ${formatDuration(s.simulatedSeconds)} in ${formatDuration(s.timing.wallSeconds)} ` +
      `(${s.events.toLocaleString("en-US")} events, ${(s.timing.eventsPerSecond / 1e6).toFixed(2)}M events/s)`,
  );
  const outcome = v.metastable
    ? metastableOutcome(v.sustained)
    : v.recoveredAt !== null
      ? `recovered ${formatDuration(v.recoveredAt - (v.triggerStart ?? 0))} after the trigger started`
      : v.triggerStart === null
        ? "no trigger"
        : "not metastable, but not recovered by the end of the run";
  lines.push(`verdict: ${outcome}`);
  lines.push(
    `  baseline goodput ${v.baselineGoodput.toFixed(1)}/s, lowest ${pct(v.minGoodputRatio)} of it, ` +
      `goodput lost ${formatDuration(v.goodputLostSeconds)} (full-outage equivalent), ` +
      `peak amplification ${v.peakAmplification.toFixed(1)}x`,
  );
  const events = runTimeline(s);
  if (events.length > 0) {
    const t0 = v.triggerStart;
    lines.push("", `timeline (clock from ${s.start})`);
    lines.push(`  ${"clock".padEnd(10)} ${"from start".padEnd(11)} ${"from trigger".padEnd(12)} event`);
    for (const e of events) {
      const rel = t0 === null ? "" : offset(e.at - t0);
      lines.push(
        `  ${clockTime(s.start, e.at).padEnd(10)} ${offset(e.at).padEnd(11)} ${rel.padEnd(12)} ${e.what}`,
      );
    }
  }
  const links = Object.entries(s.links);
  if (links.length > 0) {
    lines.push("", "devices");
    for (const [name, l] of links)
      lines.push(
        `  ${name}: peak utilisation ${pct(l.peakUtilisation)}, peak queue ${l.peakQueue}, drops ` +
          `${l.drops.toLocaleString("en-US")}, wasted ${pct(l.wastedShare)}, peak storm factor ${l.peakStormFactor.toFixed(2)}`,
      );
  }
  if (s.monitoring && s.monitoring.staleSeconds > 0)
    lines.push("", `monitoring blind for ${formatDuration(s.monitoring.staleSeconds)}`);
  const deps = Object.entries(s.dependents).filter(([, d]) => d.outageSeconds > 0);
  if (deps.length > 0) {
    lines.push("", "dependents down");
    for (const [name, d] of deps.sort((a, b) => b[1].outageSeconds - a[1].outageSeconds))
      lines.push(`  ${name}: ${formatDuration(d.outageSeconds)}${d.illustrative ? " (illustrative)" : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
