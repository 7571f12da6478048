import { describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../../experiments/testing/fakeModel.js";
import { reportHtml } from "./reportHtml.js";
import { reportRun } from "./reportRun.js";

/** Strings that break naive embedding in a <script> element. */
const NASTY = [
  "<!-- x",
  "</script><script>alert(1)</script>",
  "<script>",
  "<\\!--",
  "]]>",
  "a\u2028b\u2029c",
  "\\u003c",
  '"quoted" & <b>',
  "\u0000 nul",
];

/** The text of the data element, as the browser's textContent would give it (no entity decoding in <script>). */
function dataText(html: string): string {
  const open = '<script type="application/json" id="stampede-data">';
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf("</script>", start));
}

describe("report.html embeds data so that any string round-trips (issue 19, item 7)", () => {
  it("keeps every nasty string exactly, in a single data element that ends where it should", () => {
    const result = fakeRun(fakeLoad("fake"), { seed: 1 });
    const summary = { ...result.summary, scenario: NASTY.join(" | ") };
    const data = {
      kind: "run" as const,
      title: NASTY.join(" "),
      start: summary.start,
      runs: [reportRun(NASTY[0]!, { summary, series: result.series })],
    };
    const html = reportHtml(data);
    const text = dataText(html);
    expect(text).not.toMatch(/<!--|<\/script|<script/i);
    const back = JSON.parse(text) as typeof data;
    expect(back.title).toBe(data.title);
    expect(back.runs[0]!.label).toBe(NASTY[0]);
    expect(back.runs[0]!.summary.scenario).toBe(summary.scenario);
    // The page has exactly the three scripts it means to have.
    expect(html.match(/<script\b/g)).toHaveLength(3);
  });
});
