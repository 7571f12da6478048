/**
 * report.html with hostile strings in the scenario (`<!--`, `</script>`, U+2028) in headless Chromium: the page
 * parses its data, draws every chart, logs no error, and the strings come back exactly (issue 19, item 7).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../../src/experiments/testing/fakeModel.js";
import { writeRunReport } from "../../src/report/writeRunReport.js";
import { browserTestsRun, launchChromium, noteSkip } from "./chromium.js";

noteSkip("test/browser/reportStrings.test.ts");

const NASTY = "storm <!-- not a comment --> </script><script>window.__owned = 1</script> \u2028 <\\!-- end";

/** Runs in the page: what it parsed from its data element, and its own record of charts. */
const INSPECT = `(() => {
  const data = JSON.parse(document.getElementById("stampede-data").textContent);
  return {
    title: data.title,
    scenario: data.runs[0].summary.scenario,
    heading: document.querySelector("h1").textContent,
    expected: window.__stampede.expected,
    drawn: window.__stampede.drawn,
    errors: window.__stampede.errors,
    owned: window.__owned === 1,
    scripts: document.querySelectorAll("script").length,
  };
})()`;

describe.skipIf(!browserTestsRun)("report.html survives any string, in headless Chromium", () => {
  let browser: BrowserContext;
  let file: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-strings-"));
    const result = fakeRun(fakeLoad("fake"), { seed: 1 });
    writeRunReport(dir, { ...result, summary: { ...result.summary, scenario: NASTY } }, { title: NASTY });
    file = join(dir, "report.html");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("parses the data, keeps the strings exactly and draws every chart", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const s = (await page.evaluate(INSPECT)) as {
      title: string;
      scenario: string;
      heading: string;
      expected: string[];
      drawn: string[];
      errors: string[];
      owned: boolean;
      scripts: number;
    };
    expect(problems).toEqual([]);
    expect(s.errors).toEqual([]);
    expect(s.title).toBe(NASTY);
    expect(s.scenario).toBe(NASTY);
    expect(s.heading).toBe(NASTY);
    expect(s.owned).toBe(false);
    expect(s.scripts).toBe(3);
    expect(s.expected.length).toBeGreaterThan(0);
    expect([...s.drawn].sort()).toEqual([...s.expected].sort());
    await page.close();
  });
});
