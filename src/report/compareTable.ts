import { formatDuration } from "../core/parseDuration.js";
import type { VariantStats } from "../metrics/CompareResult.js";
import type { MeanEstimate } from "../metrics/MeanEstimate.js";
import type { ShareEstimate } from "../metrics/ShareEstimate.js";

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function mean(m: MeanEstimate | null, fmt: (x: number) => string): string {
  if (m === null) return "n/a";
  if (m.n < 2) return `${fmt(m.mean)} (n=1)`;
  return `${fmt(m.mean)} [${fmt(m.low)}, ${fmt(m.high)}]`;
}

function dur(x: number): string {
  return formatDuration(Math.max(0, x));
}

function share(x: ShareEstimate): string {
  // One run (a fluid compare, or --replications 1) has no interval: n/a, as for means.
  if (x.n === 0) return "0/0 = n/a";
  if (x.n < 2) return `${x.count}/${x.n} = ${pct(x.share)} [n/a]`;
  return `${x.count}/${x.n} = ${pct(x.share)} [${pct(x.low)}, ${pct(x.high)}]`;
}

/** The rows of the compare table: one per variant, cells as printed. */
export function compareRows(stats: readonly VariantStats[]): string[][] {
  const header = [
    "variant",
    "undetermined",
    "metastable [95% CI]",
    "self-sustaining [95% CI]",
    "recovered",
    "median recovery",
    "median diagnosis",
    "peak amplification [95% CI]",
    "goodput lost [95% CI]",
    "dependents' outage min [95% CI]",
  ];
  const rows = stats.map((s) => [
    s.variant ?? "baseline",
    `${s.undetermined}/${s.runs}${s.undetermined > 0 ? " (too short to tell; left out below)" : ""}`,
    share(s.metastable),
    share(s.sustained),
    `${s.recovered}/${s.runs - s.undetermined}`,
    s.medianRecoverySeconds === null
      ? "none recovered"
      : `${formatDuration(s.medianRecoverySeconds)} (n=${s.recovered})`,
    s.medianDiagnosisSeconds === null
      ? "n/a"
      : `${formatDuration(s.medianDiagnosisSeconds)} (n=${s.diagnosedAmongRecovered})`,
    mean(s.peakAmplification, (x) => `${x.toFixed(1)}x`),
    mean(s.goodputLostSeconds, dur),
    mean(s.dependentsOutageMinutes, (x) => Math.max(0, x).toFixed(0)),
  ]);
  return [header, ...rows];
}

/**
 * The compare table as text: one block per variant (the columns are too many for one line), with the definitions
 * below. Recovery and diagnosis are medians over the runs that recovered, counted from the trigger's start.
 */
export function compareTable(
  scenario: string,
  seeds: readonly number[],
  stats: readonly VariantStats[],
): string {
  const [header, ...rows] = compareRows(stats);
  const width = Math.max(...header!.map((h) => h.length));
  const out: string[] = [
    `${scenario}: ${stats.length - 1} variant(s) vs baseline, ${seeds.length} replications each, ` +
      `seeds ${seeds[0]}..${seeds[seeds.length - 1]} in every variant (common random numbers)`,
  ];
  for (const row of rows) {
    out.push("");
    row.forEach((c, i) => {
      out.push(i === 0 ? c : `  ${header![i]!.padEnd(width)}  ${c}`);
    });
  }
  out.push(
    "",
    "metastable and self-sustaining (metastable with the trigger's capacity back: the load holds goodput down; the " +
      "other metastable runs are slow recoveries): Wilson 95% intervals; recovery and diagnosis: medians from the trigger's start over runs that " +
      "recovered; others: means with 95% t-intervals; goodput lost in full-outage-equivalent time, from the trigger's " +
      "start to recovery. Undetermined runs (ended before the metastable check) are left out of every figure.",
  );
  return `${out.join("\n")}\n`;
}
