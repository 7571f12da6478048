import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { DependencyGraph } from "../../graph/DependencyGraph.js";
import type { BlastResult, ConcentrationResult } from "./BlastResult.js";

/** Most nodes drawn; beyond it only impacted nodes are drawn, then the first ones. */
export const MAX_DRAWN_NODES = 1500;

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

let cytoscapeSource: string | undefined;
function cytoscapeScript(): string {
  if (cytoscapeSource === undefined) {
    const path = createRequire(import.meta.url).resolve("cytoscape/dist/cytoscape.min.js");
    cytoscapeSource = readFileSync(path, "utf8").replace(/<\/script/gi, "<\\/script");
  }
  return cytoscapeSource;
}

/** One bar chart as plain HTML (no script): label, bar proportional to value, value text. */
export function barsHtml(
  title: string,
  bars: readonly { label: string; value: number; text?: string }[],
): string {
  const max = Math.max(1e-9, ...bars.map((b) => b.value));
  const rows = bars
    .map(
      (b) =>
        `<div class="bar"><span class="l">${esc(b.label)}</span><span class="b" style="width:${((100 * b.value) / max).toFixed(1)}%"></span><span class="v">${esc(b.text ?? String(b.value))}</span></div>`,
    )
    .join("");
  return `<h2>${esc(title)}</h2><div class="bars">${rows}</div>`;
}

/** An HTML table from header and rows (strings escaped). */
export function tableHtml(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const th = header.map((h) => `<th>${esc(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

function page(title: string, body: string, graphData?: unknown): string {
  const graphPart =
    graphData === undefined
      ? ""
      : `<h2>Dependency graph</h2><p class="legend"><span class="down">down</span> <span class="degraded">degraded</span> <span class="failed">failed</span> up</p><div id="cy"></div>
<script type="application/json" id="graph-data">${JSON.stringify(graphData).replace(/</g, "\\u003c")}</script>
<script>${cytoscapeScript()}</script>
<script>
const data = JSON.parse(document.getElementById("graph-data").textContent);
const colour = { down: "#D55E00", degraded: "#E69F00", failed: "#000000", up: "#b9c6d2" };
cytoscape({
  container: document.getElementById("cy"),
  elements: data,
  layout: { name: data.length > 400 ? "grid" : "breadthfirst", directed: true, spacingFactor: 1.1 },
  style: [
    { selector: "node", style: { label: "data(label)", "font-size": 9, "background-color": (n) => colour[n.data("state")], "text-wrap": "ellipsis", "text-max-width": 120 } },
    { selector: "edge", style: { width: 1, "line-color": "#c8d0d8", "target-arrow-shape": "triangle", "target-arrow-color": "#c8d0d8", "curve-style": "bezier", "line-style": (e) => (e.data("soft") ? "dashed" : "solid") } },
  ],
});
</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:24px;color:#1d2733}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #e3e8ee;padding:3px 8px;text-align:left}
#cy{width:100%;height:640px;border:1px solid #d9e0e7}.bar{display:flex;align-items:center;gap:8px;margin:2px 0}.bar .l{width:280px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.bar .b{display:inline-block;height:12px;background:#3b6ea5;min-width:1px}.bar .v{color:#555}.legend span{padding:1px 6px;border-radius:3px;color:#fff}.down{background:#D55E00}.degraded{background:#E69F00}.failed{background:#000000}
</style></head><body><h1>${esc(title)}</h1>${body}${graphPart}</body></html>
`;
}

/** Cytoscape elements for the graph, impacted nodes coloured; at most MAX_DRAWN_NODES nodes. */
function elements(
  graph: DependencyGraph,
  states: Readonly<Record<string, string>>,
  failed: ReadonlySet<string>,
): unknown[] {
  const chosen: number[] = [];
  if (graph.nodeCount <= MAX_DRAWN_NODES) for (let i = 0; i < graph.nodeCount; i++) chosen.push(i);
  else {
    for (let i = 0; i < graph.nodeCount && chosen.length < MAX_DRAWN_NODES; i++)
      if (states[graph.info(i).id]) chosen.push(i);
  }
  const set = new Set(chosen);
  const out: unknown[] = [];
  for (const i of chosen) {
    const info = graph.info(i);
    const state = failed.has(info.id) ? "failed" : (states[info.id] ?? "up");
    out.push({ data: { id: `n${i}`, label: `${info.name}`, state, type: graph.type(i) } });
  }
  let e = 0;
  for (const i of chosen) {
    for (const r of graph.requirements(i)) {
      for (const m of r.members)
        if (set.has(m))
          out.push({ data: { id: `e${e++}`, source: `n${i}`, target: `n${m}`, soft: !r.hard } });
    }
  }
  return out;
}

/** The self-contained report page of `stampede blast` (opens from disk, no network). */
export function renderBlastHtml(r: BlastResult, graph: DependencyGraph): string {
  const parts: string[] = [
    `<p>${r.sources.map((s) => esc(`${s.format} ${s.path}: ${s.summary}`)).join("<br>")}</p>`,
  ];
  if (r.radius) {
    const s = r.radius.summary;
    parts.push(
      `<h2>Blast radius</h2><p>${s.functionsDown} functions down (${s.criticalDown} critical, ${s.rtoBreaches} over RTO), ${s.functionsDegraded} degraded; ${s.holdersDown} organisations down, ${s.holdersDegraded} degraded.</p>`,
      tableHtml(
        ["function", "of", "critical", "state", "outage (h)", "RTO (h)", "breach"],
        r.radius.functions.map((f) => [
          f.name,
          (f.owners ?? []).join(", "),
          f.critical ? "yes" : "no",
          f.state,
          (f.outageSeconds / 3600).toFixed(2),
          f.rtoSeconds === undefined ? "-" : (f.rtoSeconds / 3600).toFixed(1),
          f.rtoBreached ? "BREACH" : "",
        ]),
      ),
    );
  }
  if (r.nMinus1) {
    parts.push(
      barsHtml(
        `N-1 over every ${r.nMinus1.level}: functions down`,
        r.nMinus1.cases.slice(0, 30).map((c) => ({
          label: c.label,
          value: c.impact.functionsDown,
          text: `${c.impact.functionsDown} (${c.impact.criticalDown} critical)`,
        })),
      ),
    );
  }
  if (r.nMinus2) {
    parts.push(
      barsHtml(
        "N-2: functions down",
        r.nMinus2.pairs.slice(0, 30).map((c) => ({
          label: c.label,
          value: c.impact.functionsDown,
          text: `${c.impact.functionsDown} (${c.newFunctionsDown ?? 0} only by the pair)`,
        })),
      ),
    );
  }
  if (r.singlePointsOfFailure) {
    parts.push("<h2>Single points of failure of critical functions</h2>");
    parts.push(
      tableHtml(
        ["function", "of", "single points of failure"],
        r.singlePointsOfFailure.map((s) => [s.name, s.owners.join(", "), s.causes.join(", ")]),
      ),
    );
  }
  const failed = new Set(r.radius?.failures.map((f) => f.node) ?? []);
  return page("stampede blast radius", parts.join("\n"), elements(graph, r.radius?.states ?? {}, failed));
}

/** The self-contained report page of `stampede concentration`: bars per market, screen and Art. 29 tables. */
export function renderConcentrationHtml(r: ConcentrationResult): string {
  const parts: string[] = [
    `<p>${r.sources.map((s) => esc(`${s.format} ${s.path}: ${s.summary}`)).join("<br>")}</p>`,
  ];
  parts.push(
    barsHtml(
      "HHI by number of organisations, per market",
      r.markets.map((m) => ({
        label: `${m.sector} / ${m.serviceType}`,
        value: m.hhi.byEntities,
        text: `${Math.round(m.hhi.byEntities)} ${m.level}`,
      })),
    ),
  );
  for (const m of r.markets.filter((x) => x.serviceType === "all")) {
    parts.push(
      barsHtml(
        `Provider shares, ${m.sector} (organisations)`,
        m.providers.slice(0, 15).map((p) => ({ label: p.name, value: p.entities })),
      ),
    );
  }
  parts.push(
    "<h2>Critical ICT provider screen, step 1</h2>",
    tableHtml(
      ["sector", "provider", "entity share", "asset share", "passes"],
      r.screen.map((s) => [
        s.sector,
        s.name,
        `${(100 * s.entityShare).toFixed(1)}%`,
        `${(100 * s.assetShare).toFixed(1)}%`,
        s.passes ? "yes" : "",
      ]),
    ),
    "<h2>Art. 29 flags</h2>",
    tableHtml(
      ["function", "of", "service", "provider", "substitutability"],
      r.art29.map((f) => [f.function, f.owners.join(", "), f.service, f.provider, f.substitutability]),
    ),
  );
  return page("stampede concentration", parts.join("\n"));
}
