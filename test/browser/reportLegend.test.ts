/**
 * The first chart of report.html ("Offered load, attempts and goodput") in headless Chromium: the goodput fleets'
 * series are visible by default, every other fleet's series is in the legend but hidden (uPlot's "u-off" class), the
 * goodput line is always visible, more than 12 goodput-fleet lines shrink to their successes and attempts, a note
 * says so, and a click on a hidden legend entry shows its line. Runs the real model on a five-fleet fixture.
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
import type { RunResult } from "../../src/metrics/RunResult.js";
import { writeCompareReport } from "../../src/report/writeCompareReport.js";
import { writeRunReport } from "../../src/report/writeRunReport.js";
import { browserTestsRun, launchChromium, noteSkip } from "./chromium.js";

const FIXTURE = resolve(import.meta.dirname, "fixtures/five-fleets.yaml");
const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");
/** The load chart's fleet columns (the client script's LOAD_RE). */
const LOAD = /^fleet\.([^.]+)\.(offered|firstAttempts|attempts|setupAttempts|setups|successes)$/;
/** The legend label of a load column: `fleet.web.attempts` -> `web · attempts` (fleets grouped and named). */
const labelOf = (column: string): string =>
  column === "goodput" ? column : `${LOAD.exec(column)![1]} · ${column.split(".")[2]}`;
/** The client script's limit on goodput-fleet lines before it keeps only successes and attempts. */
const MAX_SHOWN = 12;

noteSkip("test/browser/reportLegend.test.ts");

/** Runs in the page: the load chart's legend (label and whether it is on), the note, and the page's errors. */
const LEGEND = `(() => {
  const rows = [...document.querySelectorAll('[data-chart="load"] .u-legend tr.u-series')].slice(1);
  const note = document.querySelector('[data-note="hidden-fleets"]');
  return {
    legend: rows.map((r) => ({ label: r.querySelector(".u-label").textContent, on: !r.classList.contains("u-off") })),
    note: note ? note.textContent : null,
    drawn: window.__stampede.drawn,
    errors: window.__stampede.errors,
  };
})()`;

/** Runs in the page: the labels of the load chart's legend rows that are displayed (the search filters them). */
const VISIBLE_ROWS = `(() => [...document.querySelectorAll('[data-chart="load"] .u-legend tr.u-series')].slice(1)
  .filter((r) => r.style.display !== "none").map((r) => r.querySelector(".u-label").textContent))()`;

interface Legend {
  legend: { label: string; on: boolean }[];
  note: string | null;
  drawn: string[];
  errors: string[];
}

/** One report to open and what its first chart must show, derived from the run's own columns. */
interface Case {
  file: string;
  goodputFleets: readonly string[];
  series: RunResult["series"];
}

/** The labels the rule shows by default: goodput, and the goodput fleets' lines (only successes and attempts if many). */
function expectedShown(c: Case): { shown: string[]; hidden: string[] } {
  const load = Object.keys(c.series.columns).filter((n) => LOAD.test(n));
  const mine = load.filter((n) => c.goodputFleets.includes(LOAD.exec(n)![1]!));
  const compact = mine.length > MAX_SHOWN;
  const shown = mine.filter((n) => !compact || /\.(successes|attempts)$/.test(n));
  return {
    shown: ["goodput", ...shown].map(labelOf).sort(),
    hidden: load
      .filter((n) => !shown.includes(n))
      .map(labelOf)
      .sort(),
  };
}

async function makeCases(): Promise<Record<string, Case>> {
  const root = mkdtempSync(join(tmpdir(), "stampede-legend-"));
  const cases: Record<string, Case> = {};
  const run = async (name: string, variant: string | undefined, pass: boolean): Promise<void> => {
    const scenario = await ports.load(FIXTURE, variant === undefined ? {} : { variant });
    const result = await ports.run(scenario, { seed: 1 });
    const dir = join(root, name);
    mkdirSync(dir);
    // What `stampede run --out` does: pass the resolved scenario's goodput fleets (or, for "default", nothing).
    writeRunReport(dir, result, pass ? { goodputFleets: scenario.verdict.goodputFleets } : {});
    cases[name] = {
      file: join(dir, "report.html"),
      goodputFleets: pass ? scenario.verdict.goodputFleets : Object.keys(result.summary.fleets),
      series: result.series,
    };
  };
  await run("one-goodput-fleet", undefined, true);
  await run("four-goodput-fleets", "four-goodput", true);
  await run("default-all-fleets", undefined, false);
  // A compare report charts its baseline's first replication with the same script.
  const base = await ports.load(FIXTURE, {});
  const cmp = await compareVariants(inProcessRunner(ports), {
    scenario: FIXTURE,
    variants: ["four-goodput"],
    replications: 1,
  });
  const dir = join(root, "compare");
  mkdirSync(dir);
  writeCompareReport(dir, cmp, {
    goodputFleets: {
      baseline: base.verdict.goodputFleets,
      "four-goodput": ["web", "batch", "mobile", "partner"],
    },
  });
  cases["compare"] = {
    file: join(dir, "report.html"),
    goodputFleets: base.verdict.goodputFleets,
    series: cmp.runs[0]!.firstSeries!,
  };
  return cases;
}

describe.skipIf(!browserTestsRun)("report.html's first chart shows the goodput fleets by default", () => {
  let browser: BrowserContext;
  let cases: Record<string, Case>;

  beforeAll(async () => {
    cases = await makeCases();
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const name of ["one-goodput-fleet", "four-goodput-fleets", "default-all-fleets", "compare"]) {
    it(`${name}: goodput fleets visible, other fleets hidden but in the legend, a click shows one`, async () => {
      const c = cases[name]!;
      const { shown, hidden } = expectedShown(c);
      // The fixture must exercise the rule: something visible besides goodput, something hidden.
      expect(shown.length).toBeGreaterThan(1);
      expect(hidden.length).toBeGreaterThan(0);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(pathToFileURL(c.file).href, { waitUntil: "load" });
      const before = (await page.evaluate(LEGEND)) as Legend;
      await page.screenshot({ path: join(ARTIFACTS, `report-legend-${name}.png`), fullPage: true });
      // uPlot's own legend toggle: clicking a hidden entry shows its line.
      const target = hidden[0]!;
      await page
        .locator('[data-chart="load"] .u-legend tr.u-series')
        .filter({
          has: page.locator(".u-label", { hasText: new RegExp(`^${target.replace(/\./g, "\\.")}$`) }),
        })
        .locator("th")
        .click();
      const after = (await page.evaluate(LEGEND)) as Legend;
      // The legend can be searched: typing a fleet's name leaves only that fleet's rows (and goodput's none).
      const fleet = target.split(" · ")[0]!;
      await page.locator('[data-chart="load"] input.legend-search').fill(fleet);
      const visible = (await page.evaluate(VISIBLE_ROWS)) as string[];
      await page.close();
      expect(visible.length).toBeGreaterThan(0);
      for (const label of visible) expect(label).toContain(fleet);

      expect(problems).toEqual([]);
      expect(before.errors).toEqual([]);
      expect(before.drawn).toContain("load");
      const on = before.legend.filter((s) => s.on).map((s) => s.label);
      const off = before.legend.filter((s) => !s.on).map((s) => s.label);
      expect(on.sort()).toEqual(shown);
      expect(off.sort()).toEqual(hidden);
      // The goodput line leads the legend; the note names what is hidden and how to show it.
      expect(before.legend[0]).toEqual({ label: "goodput", on: true });
      expect(before.note).toMatch(/click a legend entry/i);
      for (const f of c.goodputFleets) expect(before.note).toContain(f);
      expect(after.legend.find((s) => s.label === target)?.on).toBe(true);
    });
  }
});
