import type { Series } from "../metrics/RunResult.js";

/** Where the samples of `series.om` sit in time (`--openmetrics-start`). */
export type OpenMetricsStart = "scenario" | "now";

/** The OpenMetrics unit of a series column, and the suffix its metric name gets. */
interface ColumnUnit {
  /** `# UNIT` value (the name must end in `_<unit>`), or undefined when OpenMetrics has no unit for it. */
  unit?: "seconds" | "ratio";
  /** Suffix of the metric name: `_seconds`, `_ratio`, `_per_second`, or none. */
  suffix: string;
}

/** Last segment of a column name -> its unit (docs/model.md, "Metrics and verdict"; RunResult's `Series`). */
const PER_SECOND = new Set([
  "goodput",
  "firstAttempts",
  "attempts",
  "setups",
  "successes",
  "timeouts",
  "errors",
  "rejected",
  "refused",
  "drops",
  "forwarded",
  "requests",
  "failures",
]);
const SECONDS = new Set(["p50", "p99", "staleness"]);
const RATIO = new Set([
  "utilisation",
  "wastedShare",
  "successRatio",
  "missing",
  "downShare",
  "cacheHitRatio",
]);

function unitOf(column: string): ColumnUnit {
  const last = column.slice(column.lastIndexOf(".") + 1);
  if (SECONDS.has(last)) return { unit: "seconds", suffix: "_seconds" };
  if (RATIO.has(last)) return { unit: "ratio", suffix: "_ratio" };
  if (PER_SECOND.has(last)) return { suffix: "_per_second" };
  return { suffix: "" };
}

/** `fleet.internal-clients.p99` -> `stampede_fleet_internal_clients_p99_seconds` (OpenMetrics name characters). */
export function openMetricsName(column: string): string {
  const snake = column
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  return `stampede_${snake}${unitOf(column).suffix}`;
}

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const escapeHelp = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");

/** Options of `seriesOpenMetrics`. */
export interface OpenMetricsOptions {
  /**
   * Unix time in seconds of the series' time 0: the scenario's `start` (`--openmetrics-start scenario`, the default:
   * the same file for the same run) or the moment of writing minus the simulated time (`now`: the run ends now, so
   * a dashboard's "last N hours" shows it). See `openMetricsEpoch`.
   */
  epoch: number;
  /** Labels on every sample (`scenario`, `seed`, ...); each run adds `variant`. */
  labels: Readonly<Record<string, string>>;
}

/**
 * The series of one or more runs as OpenMetrics text (`series.om`): one gauge family per series column, named
 * `stampede_<column in snake case>` with its unit as suffix (`_seconds`, `_ratio`, `_per_second`; `# UNIT` where
 * OpenMetrics defines the unit), one sample per interval stamped at the end of its interval (when it was measured),
 * labelled with `variant` and `options.labels`; an interval without data has no sample (never 0); an infinite
 * value (a storm factor over no capacity) is `+Inf`. Ends with `# EOF`,
 * as `promtool tsdb create-blocks-from openmetrics` needs.
 */
export function seriesOpenMetrics(
  runs: readonly { label: string | null; series: Series }[],
  options: OpenMetricsOptions,
): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of runs)
    for (const c of Object.keys(r.series.columns))
      if (!seen.has(c)) {
        seen.add(c);
        columns.push(c);
      }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of columns) {
    // Two columns that differ only in characters OpenMetrics lacks (`a-b`, `a_b`) get distinct names.
    let n = openMetricsName(c);
    for (let k = 2; taken.has(n); k++) n = `${openMetricsName(c)}_${k}`;
    taken.add(n);
    names.set(c, n);
  }
  const fixed = Object.entries(options.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  const lines: string[] = [];
  for (const c of columns) {
    const name = names.get(c)!;
    const { unit } = unitOf(c);
    lines.push(`# TYPE ${name} gauge`);
    if (unit !== undefined) lines.push(`# UNIT ${name} ${unit}`);
    lines.push(`# HELP ${name} ${escapeHelp(`stampede series column ${c}`)}`);
    for (const r of runs) {
      const values = r.series.columns[c];
      if (values === undefined) continue;
      const labels = [`variant="${escapeLabel(r.label ?? "baseline")}"`, ...fixed].join(",");
      r.series.time.forEach((t, i) => {
        const v = values[i];
        if (v === null || v === undefined || Number.isNaN(v)) return;
        const at = options.epoch + t + r.series.interval;
        const text =
          v === Number.POSITIVE_INFINITY ? "+Inf" : v === Number.NEGATIVE_INFINITY ? "-Inf" : String(v);
        lines.push(`${name}{${labels}} ${text} ${Number(at.toFixed(3))}`);
      });
    }
  }
  lines.push("# EOF");
  return `${lines.join("\n")}\n`;
}

/**
 * The Unix time (seconds) of a series' time 0: the scenario's `start` for `scenario`, or `nowSeconds` minus the
 * simulated seconds for `now` (so the run's last interval ends at `nowSeconds`).
 */
export function openMetricsEpoch(
  mode: OpenMetricsStart,
  start: string,
  simulatedSeconds: number,
  nowSeconds: number,
): number {
  if (mode === "now") return Math.round(nowSeconds - simulatedSeconds);
  const ms = Date.parse(start);
  return Number.isNaN(ms) ? 0 : ms / 1000;
}
