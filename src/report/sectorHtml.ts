import type { SectorResult } from "../blast/sector/SectorResult.js";
import { escapeHtml } from "./html/verdictHtml.js";

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A horizontal bar as plain HTML (no script: the report opens from disk with no network). */
function bar(share: number, low?: number, high?: number): string {
  const interval =
    low === undefined || high === undefined
      ? ""
      : `<span style="position:absolute;left:${pct(low)};width:${pct(Math.max(0, high - low))};top:6px;height:2px;background:#000"></span>`;
  return `<span style="position:relative;display:inline-block;width:200px;height:14px;background:#eee"><span style="position:absolute;left:0;width:${pct(share)};height:14px;background:#c33"></span>${interval}</span>`;
}

/**
 * The single-file HTML report of `stampede sector`: assumptions, P(RTO breach) per function and firm as bars with
 * their Wilson intervals, the systemic histogram (critical functions breaching at once) and the functions that static
 * N-1 calls redundant but that breach, with the reason. Self-contained (inline style, no script).
 */
export function sectorHtml(r: SectorResult): string {
  const e = escapeHtml;
  const a = r.assumptions;
  const fnRows = [...r.functions]
    .sort((x, y) => (y.rtoBreach?.share ?? -1) - (x.rtoBreach?.share ?? -1))
    .map(
      (f) =>
        `<tr><td>${e(f.id)}</td><td>${f.critical ? "yes" : ""}</td><td>${f.staticState === "degraded" ? "redundant" : "down"}</td><td>${e(f.mode)}</td><td>${e(f.secondaryRegion ?? "")}</td><td>${
          f.rtoBreach
            ? `${bar(f.rtoBreach.share, f.rtoBreach.low, f.rtoBreach.high)} ${pct(f.rtoBreach.share)}`
            : "-"
        }</td><td>${(f.downtime.p50 / 3600).toFixed(2)} h</td><td>${(f.downtime.p90 / 3600).toFixed(2)} h</td></tr>`,
    )
    .join("\n");
  const firmRows = r.firms
    .map(
      (f) =>
        `<tr><td>${e(f.firm)}</td><td>${f.rtoBreach ? `${bar(f.rtoBreach.share, f.rtoBreach.low, f.rtoBreach.high)} ${pct(f.rtoBreach.share)}` : "-"}</td><td>${f.dora.major}</td><td>${f.dora["not major"]}</td><td>${f.dora.undetermined}</td></tr>`,
    )
    .join("\n");
  const hist = r.criticalBreachingAtOnce
    .map((runs, k) => `<tr><td>${k}</td><td>${bar(runs / r.runs)} ${runs}</td></tr>`)
    .join("\n");
  const red = r.redundantButBreaching
    .map((b) => `<tr><td>${e(b.id)}</td><td>${pct(b.rtoBreach.share)}</td><td>${e(b.reason)}</td></tr>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stampede sector: ${e(r.fail)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222;max-width:1200px}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}</style>
</head><body>
<h1>Sector failover: ${e(r.fail)}</h1>
<p>${r.runs} runs, seed ${r.seed}. Illustrative: every number rests on the assumptions below.</p>
<ul><li>Outage duration (assumption): ${e(a.duration.family)} ${e(a.duration.parameters)}</li>
<li>Detection and decision delays: lognormal, cv ${a.delayCv}; launch retries: ${e(a.retry)}</li>
${a.controlPlanes.map((c) => `<li>Control plane ${e(c.region)}: ${c.concurrency} launches at once, ${c.launchTimeSeconds} s each, throttles past ${c.queueLimit} queued, capacity pool ${c.capacity === null ? "unlimited" : `${c.capacity} instances`}</li>`).join("\n")}</ul>
<h2>Functions: P(RTO breach), Wilson 95 % interval</h2>
<table><tr><th>function</th><th>critical</th><th>static N-1</th><th>mode</th><th>secondary</th><th>P(RTO breach)</th><th>p50</th><th>p90</th></tr>
${fnRows}</table>
<h2>Firms (DORA class per simulated incident, Delegated Regulation 2024/1772 Art. 8)</h2>
<table><tr><th>firm</th><th>P(RTO breach)</th><th>major</th><th>not major</th><th>undetermined</th></tr>
${firmRows}</table>
<h2>Systemic view: critical functions breaching at once</h2>
<table><tr><th>at once</th><th>runs</th></tr>
${hist}</table>
<h2>Redundant by static N-1, breaching in the simulation</h2>
<table><tr><th>function</th><th>P(RTO breach)</th><th>reason</th></tr>
${red}</table>
</body></html>
`;
}
