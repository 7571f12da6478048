import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { CLIENT_SCRIPT } from "./clientScript.js";
import type { ReportData } from "./ReportData.js";
import { reportPayload } from "./reportPayload.js";
import { compareVerdictHtml, escapeHtml, runVerdictHtml, sweepVerdictHtml } from "./verdictHtml.js";

let uplotAssets: { js: string; css: string } | undefined;

/** uPlot's minified script and stylesheet, read once from node_modules (inlined: the report needs no network). */
function uplot(): { js: string; css: string } {
  if (!uplotAssets) {
    const require = createRequire(import.meta.url);
    uplotAssets = {
      js: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
      css: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
    };
  }
  return uplotAssets;
}

/** Makes JavaScript source safe inside a <script> element (no `</script>`, no `<!--`). */
function scriptSafe(s: string): string {
  return s.replace(/<(\/script|!--)/gi, "<\\$1");
}

/**
 * JSON for a `<script type="application/json">` element that round-trips any string: every `<` is written as the
 * JSON escape `\u003c` (so no `</script>`, `<!--` or `<script` can appear), and U+2028/U+2029 are escaped too.
 * `JSON.parse(element.textContent)` gives back exactly `value`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; max-width: 1200px; }
h1 { font-size: 1.4rem; margin-bottom: 0.2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.sub { color: #666; margin-top: 0; } .chart { margin: 1rem 0; } .chart h3 { font-size: 0.95rem; margin: 0.3rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; } td, th { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: left; }
th { background: #f4f4f4; } .legend-note { color: #666; font-size: 0.8rem; }
.verdict { border-left: 8px solid #999; padding: 0.6rem 1rem; margin: 1rem 0; background: #fafafa; }
.verdict.bad { border-color: #D55E00; } .verdict.good { border-color: #009E73; } .verdict.warn { border-color: #E69F00; }
.verdict .word { font-size: 1.9rem; font-weight: 700; letter-spacing: 0.04em; }
.verdict.bad .word { color: #b34700; } .verdict.good .word { color: #007a5a; } .verdict .who { color: #555; }
.figs { display: flex; flex-wrap: wrap; gap: 0.4rem 1.6rem; margin: 0.6rem 0; }
.fig { display: flex; flex-direction: column; } .fig .k { color: #666; font-size: 0.75rem; text-transform: uppercase; }
.fig .x { font-size: 1.05rem; font-weight: 600; } td.bad { color: #b34700; font-weight: 700; } td.good { color: #007a5a; font-weight: 700; }
td.warn { color: #a06800; font-weight: 700; } .timeline td, .timeline th { border: none; border-bottom: 1px solid #eee; }
.mk-trigger td:last-child { color: #b34700; } .mk-operator td:last-child { color: #0072B2; } .mk-recovery td:last-child { color: #007a5a; }
.legend-search { margin: 0.2rem 0; padding: 0.2rem 0.4rem; width: 22rem; font: inherit; }
`;

/**
 * Renders report.html: one self-contained page (uPlot's script and CSS, the data and the drawing script all inline;
 * nothing is fetched), which opens from disk. The page sets `window.__stampede = { expected, drawn, errors }` so a
 * browser test can check that every chart drew.
 */
export function reportHtml(data: ReportData): string {
  const { js, css } = uplot();
  const payload = reportPayload(data);
  const header =
    data.status !== undefined
      ? `<section class="verdict" data-verdict="RUNNING"><div class="word">${escapeHtml(data.status)}</div></section>`
      : data.kind === "sweep" && data.sweep
        ? sweepVerdictHtml(data.sweep)
        : data.runs.length === 0
          ? ""
          : data.kind === "compare"
            ? compareVerdictHtml(data.runs)
            : runVerdictHtml(data.runs[0]!);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<style>${css}</style>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(data.title)}</h1>
<p class="sub">stampede ${data.kind} report; times are clock times from the scenario's start (${escapeHtml(data.start)}).</p>
${header}
<div id="charts"></div>
<script type="application/json" id="stampede-data">${jsonForScript(payload)}</script>
<script>${scriptSafe(js)}</script>
<script>${scriptSafe(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}
