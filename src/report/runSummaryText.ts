import pc from "picocolors";
import { formatDuration } from "../core/parseDuration.js";
import type { RunSummary } from "../metrics/RunResult.js";
import { clockTime, offset } from "./clockTime.js";

/** One event of a run's timeline, seconds from the scenario's start. */
export interface TimelineEvent {
  at: number;
  what: string;
}

/**
 * The phases of a run in time order: each trigger (one line, `trigger: NAME`, when it is instantaneous; a start and
 * an end line otherwise), detection, diagnosis, operator actions, the windows during which monitoring was blind, each
 * dependent's down windows, recovery. Events at the same second keep this order.
 */
export function runTimeline(s: RunSummary): TimelineEvent[] {
  const v = s.verdict;
  const events: TimelineEvent[] = [];
  const triggers = s.triggers ?? [];
  if (triggers.length > 0) {
    for (const t of triggers) {
      if (t.end === t.start) events.push({ at: t.start, what: `trigger: ${t.name}` });
      else {
        events.push({ at: t.start, what: `trigger starts: ${t.name}` });
        events.push({ at: t.end, what: `trigger ends: ${t.name}` });
      }
    }
  } else if (v.triggerStart !== null) {
    if (v.triggerEnd === v.triggerStart) events.push({ at: v.triggerStart, what: "trigger" });
    else {
      events.push({ at: v.triggerStart, what: "trigger starts" });
      if (v.triggerEnd !== null) events.push({ at: v.triggerEnd, what: "trigger ends" });
    }
  }
  if (v.detectedAt !== null)
    events.push({ at: v.detectedAt, what: `detected (${v.detectedBy ?? "unknown"})` });
  if (v.diagnosedAt !== null) events.push({ at: v.diagnosedAt, what: "diagnosed" });
  for (const op of s.operators)
    if (op.at !== null) events.push({ at: op.at, what: `operators: ${op.name} (${op.type})` });
  for (const w of s.monitoring?.staleWindows ?? []) {
    events.push({ at: w.start, what: "monitoring goes blind" });
    if (w.end < s.simulatedSeconds) events.push({ at: w.end, what: "monitoring sees again" });
  }
  for (const [name, d] of Object.entries(s.dependents))
    for (const w of d.windows) {
      events.push({ at: w.start, what: `dependent ${name} down` });
      if (w.end < s.simulatedSeconds) events.push({ at: w.end, what: `dependent ${name} back up` });
    }
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

/** Options of `runSummaryText`. */
export interface RunSummaryTextOptions {
  /**
   * Colour the verdict line (ANSI escapes: red for metastable, yellow for undetermined or not recovered, green for
   * recovered). Default false; the CLI passes `colorEnabled(process.stdout)` (off without a TTY or with NO_COLOR).
   */
  color?: boolean;
}

/** The colour of a verdict: red when metastable, green when recovered or without trigger, yellow otherwise. */
function verdictPaint(v: RunSummary["verdict"], color: boolean): (text: string) => string {
  const c = pc.createColors(color);
  if (v.metastable === true) return (t) => c.bold(c.red(t));
  if (v.recoveredAt !== null && v.metastable === false) return c.green;
  if (v.triggerStart === null) return c.green;
  return c.yellow;
}

/** The short human summary printed by `stampede run` (text format). */
export function runSummaryText(s: RunSummary, options: RunSummaryTextOptions = {}): string {
  const v = s.verdict;
  const lines: string[] = [];
  const variant = s.variant === null ? "" : `, variant ${s.variant}`;
  lines.push(`${s.scenario}${variant}, seed ${s.seed}, scale ${s.scale}`);
  const cost =
    s.engine === "fluid" || s.events === null
      ? `fluid engine: ${(s.steps ?? 0).toLocaleString("en-US")} steps of ${s.stepSeconds ?? 0} s`
      : `${s.events.toLocaleString("en-US")} events, ${((s.timing.eventsPerSecond ?? 0) / 1e6).toFixed(2)}M events/s`;
  lines.push(
    `simulated ${formatDuration(s.simulatedSeconds)} in ${formatDuration(s.timing.wallSeconds)} (${cost})`,
  );
  const outcome = v.metastable
    ? metastableOutcome(v.sustained)
    : v.metastable === null && v.triggerStart !== null
      ? v.recoveredAt !== null
        ? `recovered ${formatDuration(v.recoveredAt - v.triggerStart)} after the trigger started; metastability ` +
          "undetermined (the run ends before the metastable check)"
        : "UNDETERMINED: the run ends before the metastable check (triggerEnd + verdict.metastableAfter + " +
          "verdict.metastableWindow); run it longer to tell"
      : v.recoveredAt !== null
        ? `recovered ${formatDuration(v.recoveredAt - (v.triggerStart ?? 0))} after the trigger started`
        : v.triggerStart === null
          ? "no trigger"
          : "not metastable, but not recovered by the end of the run";
  lines.push(verdictPaint(v, options.color ?? false)(`verdict: ${outcome}`));
  lines.push(
    `  baseline goodput ${v.baselineGoodput.toFixed(1)}/s, lowest ${pct(v.minGoodputRatio)} of it, ` +
      `goodput lost ${formatDuration(v.goodputLostSeconds)} (full-outage equivalent, to recovery; noise floor ` +
      `${pct(v.goodputNoiseFloor ?? 0)}), ` +
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
          `${l.drops.toLocaleString("en-US")}, wasted ${l.wastedShare === null ? "n/a" : pct(l.wastedShare)}, peak storm factor ${l.peakStormFactor === null ? "n/a" : l.peakStormFactor.toFixed(2)}`,
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
