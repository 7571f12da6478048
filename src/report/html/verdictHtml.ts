import { formatDuration } from "../../core/parseDuration.js";
import type { PhaseDiagram } from "../../metrics/PhaseDiagram.js";
import type { Verdict } from "../../metrics/RunResult.js";
import { clockTime, offset } from "../clockTime.js";
import { chartMarkers } from "./chartMarkers.js";
import type { ReportRun } from "./ReportData.js";

/** The one-word outcome of a run, shown large at the top of its report. */
export type VerdictWord =
  | "METASTABLE"
  | "SLOW RECOVERY"
  | "RECOVERED"
  | "STABLE"
  | "NOT RECOVERED"
  | "UNDETERMINED"
  | "NO TRIGGER";

/**
 * METASTABLE (stuck, self-sustaining or not known to be otherwise), SLOW RECOVERY (stuck while trigger capacity is
 * still missing), RECOVERED, STABLE (never under the stable ratio), NOT RECOVERED (not metastable, not back by the
 * end), UNDETERMINED (the run ends before the metastable check and never recovered), NO TRIGGER.
 */
export function verdictWord(v: Verdict): VerdictWord {
  if (v.triggerStart === null) return "NO TRIGGER";
  if (v.metastable === true) return v.sustained === false ? "SLOW RECOVERY" : "METASTABLE";
  if (v.stable) return "STABLE";
  if (v.recoveredAt !== null) return "RECOVERED";
  return v.metastable === null ? "UNDETERMINED" : "NOT RECOVERED";
}

const CLASS: Record<VerdictWord, string> = {
  METASTABLE: "bad",
  "SLOW RECOVERY": "warn",
  RECOVERED: "good",
  STABLE: "good",
  "NOT RECOVERED": "warn",
  UNDETERMINED: "unknown",
  "NO TRIGGER": "unknown",
};

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** A time after the trigger's start (`+2h 05m`), or an em dash when there is none. */
function since(at: number | null, t0: number | null): string {
  if (at === null) return "—";
  return t0 === null ? formatDuration(at) : offset(at - t0);
}

/** The verdict's figures, label and value, in the order the header shows them. */
export function verdictFigures(v: Verdict): [string, string][] {
  const t0 = v.triggerStart;
  return [
    ["recovery time", v.recoveredAt === null ? "not recovered" : since(v.recoveredAt, t0)],
    [
      "goodput lost",
      v.goodputLostSeconds > 0 ? `${formatDuration(v.goodputLostSeconds)} of full outage` : "none",
    ],
    ["peak amplification", `${v.peakAmplification.toFixed(1)}× attempts per request`],
    [
      "detection",
      v.detectedAt === null ? "never" : `${since(v.detectedAt, t0)} (${v.detectedBy ?? "unknown"})`,
    ],
    ["diagnosis", v.diagnosedAt === null ? "never" : since(v.diagnosedAt, t0)],
    [
      "lowest goodput",
      `${Math.round(v.minGoodputRatio * 100)}% of baseline ${v.baselineGoodput.toFixed(1)}/s`,
    ],
  ];
}

/** The header of a run report: verdict word, its figures, and the timeline of the chart markers. */
export function runVerdictHtml(run: ReportRun): string {
  const s = run.summary;
  const v = s.verdict;
  const word = verdictWord(v);
  const figures = verdictFigures(v)
    .map(
      ([k, x]) =>
        `<div class="fig"><span class="k">${escapeHtml(k)}</span><span class="x">${escapeHtml(x)}</span></div>`,
    )
    .join("");
  const rows = chartMarkers(s)
    .map(
      (m) =>
        `<tr class="mk-${m.kind}"><td>${escapeHtml(clockTime(s.start, m.t))}</td><td>${escapeHtml(since(m.t, v.triggerStart))}</td><td>${escapeHtml(m.label)}</td></tr>`,
    )
    .join("");
  const timeline =
    rows === ""
      ? ""
      : `<table class="timeline"><tr><th>clock</th><th>from trigger</th><th>event</th></tr>${rows}</table>`;
  const partial = s.partial
    ? `<p class="warn-note">Partial run: stopped early; figures cover the simulated time only.</p>`
    : "";
  return `<section class="verdict ${CLASS[word]}" data-verdict="${escapeHtml(word)}"><div class="word">${escapeHtml(word)}</div><div class="who">${escapeHtml(run.label)}, seed ${s.seed}, scale ${s.scale}</div><div class="figs">${figures}</div>${partial}${timeline}</section>`;
}

/** The header of a compare report: one row per variant (first replication) with its verdict and figures. */
export function compareVerdictHtml(runs: readonly ReportRun[]): string {
  const head = ["variant", "verdict", ...verdictFigures(runs[0]!.summary.verdict).map(([k]) => k)];
  const rows = runs
    .map((r) => {
      const v = r.summary.verdict;
      const word = verdictWord(v);
      const cells = verdictFigures(v)
        .map(([, x]) => `<td>${escapeHtml(x)}</td>`)
        .join("");
      return `<tr><td>${escapeHtml(r.label)}</td><td class="${CLASS[word]}" data-verdict="${escapeHtml(word)}">${escapeHtml(word)}</td>${cells}</tr>`;
    })
    .join("");
  return `<section class="verdict-table"><table><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>${rows}</table><p class="legend-note">First replication of each variant (same seed: common random numbers); statistics over every replication below.</p></section>`;
}

/** The header of a sweep report: how many grid points fell in each class. */
export function sweepVerdictHtml(d: PhaseDiagram): string {
  const count = (p: string): number => d.cells.filter((c) => c.phase === p).length;
  const parts: [string, number, string][] = [
    ["METASTABLE", count("metastable"), "bad"],
    ["RECOVERS", count("recovers") + count("stable"), "good"],
    ["UNDETERMINED", count("undetermined"), "unknown"],
  ];
  const figs = parts
    .map(
      ([k, n, c]) =>
        `<div class="fig ${c}"><span class="k">${k}</span><span class="x">${n} of ${d.cells.length} points</span></div>`,
    )
    .join("");
  return `<section class="verdict" data-verdict="sweep"><div class="word">Phase diagram: ${d.totals.runs} runs</div><div class="figs">${figs}</div></section>`;
}
