import { formatDuration } from "../../core/parseDuration.js";
import type { CaseResult } from "../analysis/nMinus.js";
import type { BlastResult, ConcentrationResult } from "./BlastResult.js";
import { textTable } from "./textTable.js";

const hours = (s: number | undefined): string => (s === undefined ? "-" : s === 0 ? "0" : formatDuration(s));
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function header(r: { sources: BlastResult["sources"]; warnings: readonly string[] }): string[] {
  const out = r.sources.map((s) => `${s.format} ${s.path}: ${s.summary}`);
  if (r.warnings.length > 0)
    out.push(
      `${r.warnings.length} problems (--lenient: rows in error skipped, invalid LEIs kept):`,
      ...r.warnings.map((w) => `  ${w}`),
    );
  return out;
}

function casesTable(cases: readonly CaseResult[], limit: number, pairs: boolean): string {
  const rows = cases
    .slice(0, limit)
    .map((c) => [
      c.label,
      c.impact.criticalDown,
      c.impact.functionsDown,
      c.impact.functionsDegraded,
      c.impact.entitiesDown,
      c.impact.entitiesDegraded,
      c.impact.assetsHit,
      ...(pairs ? [c.newFunctionsDown ?? 0] : []),
    ]);
  const head = [
    "failure",
    "critical fn down",
    "fn down",
    "fn degraded",
    "orgs down",
    "orgs degraded",
    "assets hit",
  ];
  const more = cases.length > limit ? `\n(${cases.length - limit} more; --format json lists all)` : "";
  return textTable(pairs ? [...head, "new fn down"] : head, rows) + more;
}

/** The text report of `stampede blast`. */
export function formatBlastText(r: BlastResult, limit = 25): string {
  const out = header(r);
  out.push(`graph: ${r.graph.nodes} nodes, ${r.graph.requirements} requirements`);
  if (r.radius) {
    const b = r.radius;
    out.push("", "Blast radius");
    for (const f of b.failures)
      out.push(
        `  ${f.type}:${f.name} fails ${hours(f.start)}..${hours(f.end)}${f.mode === 2 ? " (control plane)" : f.mode === 4 ? " (data plane)" : ""}`,
      );
    if (b.fromRun && b.fromRun.unmatched.length > 0)
      out.push(`  services of the run not in the graph: ${b.fromRun.unmatched.join(", ")}`);
    const s = b.summary;
    out.push(
      `  ${s.functionsDown} functions down (${s.criticalDown} critical, ${s.rtoBreaches} over RTO), ${s.functionsDegraded} degraded; ` +
        `${s.holdersDown} organisations down, ${s.holdersDegraded} degraded${s.assetsHit > 0 ? `; assets hit ${s.assetsHit.toLocaleString("en-US")}` : ""}`,
      "",
    );
    out.push(
      textTable(
        ["function", "of", "critical", "state", "outage", "longest", "RTO", "breach"],
        b.functions
          .slice(0, limit)
          .map((f) => [
            f.name,
            (f.owners ?? []).join(", "),
            f.critical ? "yes" : "no",
            f.state,
            hours(f.outageSeconds),
            hours(f.longestOutageSeconds),
            hours(f.rtoSeconds),
            f.rtoBreached ? "BREACH" : "",
          ]),
      ),
    );
    if (b.functions.length > limit) out.push(`(${b.functions.length - limit} more functions)`);
    out.push(
      "",
      textTable(
        ["organisation", "sector", "state", "outage", "degraded for"],
        b.holders
          .slice(0, limit)
          .map((h) => [h.name, h.sector ?? "", h.state, hours(h.outageSeconds), hours(h.degradedSeconds)]),
      ),
    );
    if (b.holders.length > limit) out.push(`(${b.holders.length - limit} more organisations)`);
  }
  if (r.nMinus1) out.push("", `N-1 over every ${r.nMinus1.level}`, casesTable(r.nMinus1.cases, limit, false));
  if (r.nMinus2)
    out.push(
      "",
      `N-2 over pairs of the top ${r.nMinus2.top} and declared correlated pairs`,
      casesTable(r.nMinus2.pairs, limit, true),
    );
  if (r.singlePointsOfFailure) {
    out.push("", "Single points of failure of critical functions");
    if (r.singlePointsOfFailure.length === 0)
      out.push("  none: every critical function survives any single loss");
    else
      out.push(
        textTable(
          ["function", "of", "single points of failure"],
          r.singlePointsOfFailure
            .slice(0, limit)
            .map((s) => [s.name, s.owners.join(", "), s.causes.join(", ")]),
        ),
      );
    if (r.singlePointsOfFailure.length > limit)
      out.push(`(${r.singlePointsOfFailure.length - limit} more functions)`);
  }
  return `${out.join("\n")}\n`;
}

/** The text report of `stampede concentration`. */
export function formatConcentrationText(r: ConcentrationResult, limit = 40): string {
  const out = header(r);
  const o = r.options;
  out.push(
    "",
    `Concentration (HHI 0-10,000; moderate >= ${o.hhiModerate}, high >= ${o.hhiHigh}; CR-${o.crN} in %)`,
  );
  out.push(
    textTable(
      [
        "sector",
        "service type",
        "orgs",
        "providers",
        "HHI orgs",
        "HHI assets",
        "HHI spend",
        `CR-${o.crN} orgs`,
        "level",
        "largest",
      ],
      r.markets
        .slice(0, limit)
        .map((m) => [
          m.sector,
          m.serviceType,
          m.entities,
          m.providers.length,
          Math.round(m.hhi.byEntities),
          Math.round(m.hhi.byAssets),
          Math.round(m.hhi.bySpend),
          Number(m.cr.byEntities.toFixed(1)),
          m.level,
          m.providers[0]?.name ?? "",
        ]),
    ),
  );
  if (r.markets.length > limit) out.push(`(${r.markets.length - limit} more markets)`);
  out.push(
    "",
    `Critical ICT provider screen, step 1 (>= ${pct(o.screenEntities)} of a category's entities for critical functions and >= ${pct(o.screenAssets)} of its assets)`,
  );
  const screen = r.screen.filter((s) => s.entityShare > 0);
  out.push(
    textTable(
      ["sector", "provider", "entities", "assets", "step 1"],
      screen
        .slice(0, limit)
        .map((s) => [s.sector, s.name, pct(s.entityShare), pct(s.assetShare), s.passes ? "PASSES" : ""]),
    ),
  );
  out.push(
    "",
    "Art. 29 flags (critical functions on a provider that is hard to substitute, no alternative identified)",
  );
  if (r.art29.length === 0) out.push("  none");
  else
    out.push(
      textTable(
        ["function", "of", "service", "provider", "substitutability"],
        r.art29
          .slice(0, limit)
          .map((f) => [f.function, f.owners.join(", "), f.service, f.provider, f.substitutability]),
      ),
    );
  return `${out.join("\n")}\n`;
}
