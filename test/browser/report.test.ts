/**
 * Opens the three kinds of report.html (run, compare, sweep) in headless Chromium and checks that every chart drew
 * (its canvas has non-blank pixels), that the page logged no error and fetched nothing, and keeps a screenshot of
 * each in test-artifacts/. Under CI (CI=true) a missing browser fails the test; locally it skips with a message.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareVariants } from "../../src/experiments/compareVariants.js";
import { ports } from "../../src/experiments/defaultPorts.js";
import { inProcessRunner } from "../../src/experiments/pool/inProcessRunner.js";
import { parseParam } from "../../src/experiments/sweep/parseParam.js";
import { runSweep } from "../../src/experiments/sweep/runSweep.js";
import { fakeLoad, fakePorts, fakeRun } from "../../src/experiments/testing/fakeModel.js";
import { writeCompareReport } from "../../src/report/writeCompareReport.js";
import { writeRunReport } from "../../src/report/writeRunReport.js";
import { writeSweepReport } from "../../src/report/writeSweepReport.js";
import { browserTestsRun, launchChromium, noteSkip } from "./chromium.js";

const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");
const FIXTURE = resolve(import.meta.dirname, "../../src/scenario/fixtures/minimal.yaml");

noteSkip("test/browser/report.test.ts");

/**
 * Runs in the page (as source text: the project compiles without DOM types): the page's own record of expected and
 * drawn charts, and per chart the number of non-transparent canvas pixels.
 */
const INSPECT = `(() => {
  const s = window.__stampede;
  const inked = {};
  for (const box of document.querySelectorAll("[data-chart]")) {
    let count = 0;
    for (const c of box.querySelectorAll("canvas")) {
      const ctx = c.getContext("2d");
      if (!ctx || c.width === 0 || c.height === 0) continue;
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) count++;
    }
    inked[box.dataset.chart] = count;
  }
  const verdict = document.querySelector("[data-verdict]");
  return {
    expected: s.expected, drawn: s.drawn, errors: s.errors, inked, units: s.units, markers: s.markers,
    boundary: s.boundary, verdict: verdict ? verdict.textContent : null,
  };
})()`;

async function makeReports(): Promise<Record<string, string>> {
  const root = mkdtempSync(join(tmpdir(), "stampede-report-"));
  const dirs = {
    run: join(root, "run"),
    compare: join(root, "compare"),
    sweep: join(root, "sweep"),
    "model-compare": join(root, "model-compare"),
  };
  for (const d of Object.values(dirs)) mkdirSync(d);
  writeRunReport(dirs.run, fakeRun(fakeLoad("fake"), { seed: 1 }));
  const runner = inProcessRunner(fakePorts);
  writeCompareReport(
    dirs.compare,
    await compareVariants(runner, {
      scenario: "fake",
      variants: ["fixed-backoff", "more-capacity"],
      replications: 3,
    }),
  );
  const sweep = await runSweep(
    runner,
    {
      scenario: "fake",
      params: [
        parseParam("faults.spike.end=31m..50m:8"),
        parseParam("fleets.clients.retry.maxAttempts=1..8:8"),
      ],
      replications: 1,
      seed: 1,
      set: {},
    },
    { dir: dirs.sweep },
  );
  writeSweepReport(dirs.sweep, "fake", sweep);
  // The real model on the small fixture scenario: its own series columns must chart too.
  writeCompareReport(
    dirs["model-compare"],
    await compareVariants(inProcessRunner(ports), {
      scenario: FIXTURE,
      variants: ["backoff"],
      replications: 1,
      scale: 0.1,
      until: 3600,
    }),
  );
  return Object.fromEntries(Object.entries(dirs).map(([k, d]) => [k, join(d, "report.html")]));
}

describe.skipIf(!browserTestsRun)("report.html in headless Chromium", () => {
  let browser: BrowserContext;
  let reports: Record<string, string>;

  beforeAll(async () => {
    reports = await makeReports();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const expectedCharts: Record<string, string[]> = {
    run: ["load", "devices", "services", "monitoring", "dependents"],
    compare: [
      "load",
      "devices",
      "services",
      "monitoring",
      "dependents",
      "overlay-goodput",
      "overlay-amplification",
    ],
    sweep: ["heatmap"],
    "model-compare": ["load", "devices", "services", "overlay-goodput", "overlay-amplification"],
  };

  for (const kind of ["run", "compare", "sweep", "model-compare"] as const) {
    it(`draws every chart of the ${kind} report without errors or network`, async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(reports[kind]!).href, { waitUntil: "load" });
      const state = (await page.evaluate(INSPECT)) as {
        expected: string[];
        drawn: string[];
        errors: string[];
        inked: Record<string, number>;
        units: Record<string, string>;
        markers: Record<string, number>;
        boundary: Record<string, number>;
        verdict: string | null;
      };
      await page.screenshot({ path: join(ARTIFACTS, `report-${kind}.png`), fullPage: true });
      await page.close();
      expect(problems).toEqual([]);
      expect(state.errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(state.expected).toEqual(expect.arrayContaining(expectedCharts[kind]!));
      expect(state.drawn).toEqual(state.expected);
      // No empty chart: every chart the page made has ink.
      for (const id of state.expected) expect(state.inked[id], `chart ${id} is blank`).toBeGreaterThan(500);
      // The verdict leads the page; every time chart has units on its y axis and the run's markers drawn.
      expect(state.verdict).toMatch(
        /METASTABLE|RECOVERED|STABLE|UNDETERMINED|NOT RECOVERED|SLOW RECOVERY|Phase diagram/,
      );
      for (const id of state.expected.filter((c) => !/^(heatmap|dependents)/.test(c))) {
        expect(state.units[id], `chart ${id} has no y units`).toMatch(/\w/);
        expect(state.markers[id], `chart ${id} has no markers`).toBeGreaterThan(0);
      }
      if (kind === "sweep") expect(state.boundary["heatmap"]).toBeGreaterThan(0);
      // A scenario without monitoring (the fixture) gets no monitoring chart, though its series has the columns.
      if (kind === "model-compare") expect(state.expected).not.toContain("monitoring");
    });
  }
});
