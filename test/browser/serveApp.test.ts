/**
 * The `stampede serve` app in headless Chromium: open it, open the 2021 scenario, type an unknown field and see the
 * located error, run it at scale 0.05 and see METASTABLE with charts that have ink, switch to fixed-backoff and see
 * it recover, run a 2x2 sweep and see four cells, open the blast page and see impacted nodes. Keeps a screenshot of
 * each page in test-artifacts/ (`npm run screenshots` writes them to docs/images instead; a blank page fails the test).
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "../serve/serveServer.js";
import { browserTestsRun, launchChromium, noteSkip } from "./chromium.js";

/** Where the screenshots go: test-artifacts/, or docs/images with `npm run screenshots` (SCREENSHOTS=docs/images). */
const ARTIFACTS = resolve(import.meta.dirname, "../..", process.env["SCREENSHOTS"] ?? "test-artifacts");
noteSkip("test/browser/serveApp.test.ts");

/** Runs in the report frame: its verdict, charts drawn, ink per chart, heatmap cells and blast graph states. */
const INSPECT = `(() => {
  const s = window.__stampede || { drawn: [], errors: [] };
  let ink = 0;
  for (const c of document.querySelectorAll("[data-chart] canvas")) {
    const px = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
  }
  const v = document.querySelector("[data-verdict]");
  const g = document.getElementById("graph-data");
  const nodes = g ? JSON.parse(g.textContent).filter((e) => e.data && e.data.state !== undefined) : [];
  return {
    verdict: v ? v.getAttribute("data-verdict") : null,
    drawn: s.drawn, errors: s.errors, ink,
    cy: document.querySelectorAll("#cy canvas").length,
    impacted: nodes.filter((n) => n.data.state !== "up").length,
  };
})()`;

interface Inspect {
  verdict: string | null;
  drawn: string[];
  errors: string[];
  ink: number;
  cy: number;
  impacted: number;
}

/** The job's verdict once it ends, or its error (or the start's error) as text. */
async function outcome(page: Page): Promise<string> {
  const end = page.locator('[data-testid="job-verdict"], [data-testid="job-error"], [data-testid="error"]');
  await end.first().waitFor({ timeout: 150_000 });
  return (await end.first().textContent()) ?? "";
}

async function reportFrame(page: Page, until: (r: Inspect) => boolean, timeout = 90_000): Promise<Inspect> {
  const end = Date.now() + timeout;
  for (;;) {
    const el = await page.$('iframe[data-testid="report"]');
    const frame: Frame | null = el ? await el.contentFrame() : null;
    if (frame) {
      try {
        const r = (await frame.evaluate(INSPECT)) as Inspect;
        if (until(r)) return r;
      } catch {
        // the frame reloads as the job advances
      }
    }
    if (Date.now() > end) throw new Error("the report frame never showed what was expected");
    await page.waitForTimeout(300);
  }
}

describe.skipIf(!browserTestsRun)("stampede serve in headless Chromium", () => {
  let server: TestServer;
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await testServer({ bundle: true, maxRuns: 2 });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    page = await browser.newPage();
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}#token=${server.token}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens the 2021 scenario and shows a located error for an unknown field", async () => {
    await page.click('[data-scenario="aws-us-east-1-2021-12-07"]');
    const editor = page.locator('[data-testid="editor"]');
    await expect.poll(() => editor.inputValue(), { timeout: 20_000 }).toMatch(/^name:/m);
    await page.locator('[data-testid="valid"]').waitFor({ timeout: 20_000 });
    const text = await editor.inputValue();
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.startsWith("fleets:"));
    await editor.fill([...lines.slice(0, at), "bogusField: 1", ...lines.slice(at)].join("\n"));
    const list = page.locator('[data-testid="problems"]');
    await list.waitFor({ timeout: 20_000 });
    const shown = await list.textContent();
    expect(shown).toContain("bogusField");
    expect(shown).toContain(`${at + 1}:1`);
    await page.screenshot({ path: join(ARTIFACTS, "serve-editor.png") });
    await editor.fill(text);
    await page.locator('[data-testid="valid"]').waitFor({ timeout: 20_000 });
  });

  it("runs it at scale 0.05: METASTABLE, charts with ink", { timeout: 200_000 }, async () => {
    await page.fill('[data-testid="scale"]', "0.05");
    // Three hours cover the trigger (07:30), the metastable check 30 min after it, and a recovery.
    await page.fill('[data-testid="until"]', "3h");
    await page.click('[data-testid="run"]');
    expect(await outcome(page)).toBe("METASTABLE");
    const r = await reportFrame(page, (x) => x.verdict === "METASTABLE" && x.drawn.includes("load"));
    expect(r.errors).toEqual([]);
    expect(r.ink).toBeGreaterThan(5000);
    await page.screenshot({ path: join(ARTIFACTS, "serve-run.png"), fullPage: true });
  });

  it("switches to fixed-backoff and recovers", { timeout: 200_000 }, async () => {
    await page.selectOption('[data-testid="variant"]', "fixed-backoff");
    await page.click('[data-testid="run"]');
    expect(await outcome(page)).toMatch(/^(RECOVERED|STABLE)$/);
  });

  it("runs a 2x2 sweep and shows four cells", async () => {
    await page.click('[data-scenario="retry-storm"]');
    await page.locator('[data-testid="valid"]').waitFor({ timeout: 20_000 });
    await page.click('[data-tab="sweep"]');
    await page.fill('[data-testid="scale"]', "0.05");
    await page.fill('[data-testid="until"]', "");
    await page.fill(
      '[data-testid="params"]',
      "faults.primary-cpu-loss.end=10m2s..10m10s:2\nfleets.app-servers.retry.maxAttempts=1..5:2",
    );
    await page.click('[data-testid="sweep"]');
    await page.locator('[data-testid="job-verdict"]').waitFor({ timeout: 120_000 });
    const cells = await reportFrame(page, (x) => x.drawn.includes("heatmap") && x.verdict === "sweep");
    expect(cells.errors).toEqual([]);
    const frame = await (await page.$('iframe[data-testid="report"]'))!.contentFrame();
    const count = (await frame!.evaluate(
      `JSON.parse(document.getElementById("stampede-data").textContent).sweep.cells.filter((c) => c.phase !== null).length`,
    )) as number;
    expect(count).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, "serve-sweep.png"), fullPage: true });
  });

  it("opens the blast page of the example catalog: impacted nodes coloured", async () => {
    await page.click('[data-tab="blast"]');
    await page.check('[data-file="catalog/catalog-info.yaml"]');
    await page.fill('[data-testid="fail"]', "region:aws/us-east-1");
    await page.click('[data-testid="blast"]');
    await page.locator('[data-testid="job-verdict"]').waitFor({ timeout: 30_000 });
    const r = await reportFrame(page, (x) => x.cy > 0);
    expect(r.impacted).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "serve-blast.png"), fullPage: true });
    expect(problems).toEqual([]);
  });
});
