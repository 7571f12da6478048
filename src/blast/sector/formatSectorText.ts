import type { ShareEstimate } from "../../metrics/ShareEstimate.js";
import { textTable } from "../output/textTable.js";
import type { SectorResult } from "./SectorResult.js";

const pct = (e: ShareEstimate | null) =>
  e === null
    ? "-"
    : `${(100 * e.share).toFixed(1)}% [${(100 * e.low).toFixed(1)}, ${(100 * e.high).toFixed(1)}]`;
const h = (s: number | null) => (s === null ? "-" : `${(s / 3600).toFixed(2)}h`);

/** The text tables of `stampede sector`: per function, per firm, the systemic view and the redundant breaches. */
export function formatSectorText(r: SectorResult, limit = 50): string {
  const a = r.assumptions;
  const lines: string[] = [
    `stampede sector --fail ${r.fail}: ${r.runs} runs, seed ${r.seed} (illustrative: every number below rests on the assumptions listed)`,
    `outage duration (assumption): ${a.duration.family} ${a.duration.parameters}; drawn p50 ${h(r.outageSeconds.p50)}, p90 ${h(r.outageSeconds.p90)}`,
    `delays: lognormal around the side files' values, cv ${a.delayCv}; launch retries: ${a.retry}; completion resolution ${a.intervalSeconds}s`,
    ...a.controlPlanes.map(
      (c) =>
        `control plane ${c.region} (assumption): ${c.concurrency} launches at once, ${c.launchTimeSeconds}s each, throttles past ${c.queueLimit} queued, client timeout ${c.timeoutSeconds}s, capacity pool ${c.capacity === null ? "unlimited" : `${c.capacity} instances`}`,
    ),
    "",
    "functions (P with Wilson 95% interval)",
  ];
  const fns = [...r.functions]
    .sort((x, y) => (y.rtoBreach?.share ?? -1) - (x.rtoBreach?.share ?? -1) || x.id.localeCompare(y.id))
    .slice(0, limit);
  lines.push(
    textTable(
      [
        "function",
        "crit",
        "static",
        "mode",
        "secondary",
        "RTO",
        "P(RTO breach)",
        "P(tolerance breach)",
        "p50",
        "p90",
        "min beyond tol.",
      ],
      fns.map((f) => [
        f.id,
        f.critical ? "yes" : "",
        f.staticState === "degraded" ? "redundant" : "down",
        f.mode,
        f.secondaryRegion ?? "",
        h(f.rtoSeconds),
        pct(f.rtoBreach),
        pct(f.toleranceBreach),
        h(f.downtime.p50),
        h(f.downtime.p90),
        f.expectedMinutesBeyondTolerance === null ? "-" : f.expectedMinutesBeyondTolerance.toFixed(0),
      ]),
    ),
    "",
    "firms (critical functions together; DORA class per simulated incident, Delegated Regulation 2024/1772 Art. 8)",
    textTable(
      [
        "firm",
        "fns",
        "P(RTO breach)",
        "P(tolerance breach)",
        "worst p50",
        "worst p90",
        "major",
        "not major",
        "undetermined",
      ],
      r.firms.map((f) => [
        f.firm,
        f.functions,
        pct(f.rtoBreach),
        pct(f.toleranceBreach),
        h(f.downtime.p50),
        h(f.downtime.p90),
        f.dora.major,
        f.dora["not major"],
        f.dora.undetermined,
      ]),
    ),
    "",
    "systemic view: critical functions breaching their RTO at once (runs)",
    textTable(
      ["at once", "runs", "share"],
      r.criticalBreachingAtOnce
        .map((runs, k) => [k, runs, `${((100 * runs) / r.runs).toFixed(1)}%`] as const)
        .filter(([, runs]) => runs > 0),
    ),
    "",
  );
  if (r.redundantButBreaching.length === 0)
    lines.push("no function that static N-1 calls redundant breaches its RTO in these runs");
  else {
    lines.push("redundant by static N-1, but breaching in the simulation");
    lines.push(
      textTable(
        ["function", "P(RTO breach)", "reason"],
        r.redundantButBreaching.map((b) => [b.id, pct(b.rtoBreach), b.reason]),
      ),
    );
  }
  return `${lines.join("\n")}\n`;
}
