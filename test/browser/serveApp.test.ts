/**
 * The `stampede serve` app in headless Chromium: open the 2021 scenario, type an unknown field and see the located
 * error (listed and marked in the editor's lint gutter), complete a field name from the schema (Ctrl-Space) and read a
 * key's hover doc, run it at scale 0.05 and see METASTABLE with charts that have ink and its live chart drawn from the
 * streamed series, switch
 * to fixed-backoff and see it recover, compare it with the baseline (fixed-backoff recovers), run a 2x2 sweep and see
 * four cells, open the blast page and see impacted nodes. Every test opens its own page (fresh state), so one failing
 * step cannot break the others. Keeps a screenshot of each page in test-artifacts/ (`npm run screenshots` writes them
 * to docs/images instead); `shoot` fails on a blank page.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TestServer, testServer } from "../serve/serveServer.js";
import { browserTestsRun, launchChromium, noteSkip } from "./chromium.js";
import { MIN_INK, pngInk } from "./pngInk.js";

/** Where the screenshots go: test-artifacts/, or docs/images with `npm run screenshots` (SCREENSHOTS=docs/images). */
const ARTIFACTS = resolve(import.meta.dirname, "../..", process.env["SCREENSHOTS"] ?? "test-artifacts");
noteSkip("test/browser/serveApp.test.ts");

/** Runs in the report frame: its verdict, charts drawn, ink per chart, heatmap cells and blast graph states. */
const INSPECT = `(() => {
  const s = window.__stampede || { drawn: [], errors: [] };
  let ink = 0;
  for (const c of document.querySelectorAll("[data-chart] canvas")) {
    if (c.width === 0 || c.height === 0) continue;
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

/**
 * The job's report frame, or null while the page has none. Chromium puts a sandboxed frame in its own process, and
 * now and then (seen under load in CI) playwright loses the element's link to that frame for good after it navigates
 * (`contentFrame()` stays null while the element is there with its `src`): then the frame is looked up by its URL,
 * and when playwright knows no such frame either, the element's `src` is set again so the frame loads anew and
 * playwright attaches to it (the app's report is what it was; only the test's handle is renewed).
 */
async function reportFrameOf(page: Page, lost: { since: number } = { since: 0 }): Promise<Frame | null> {
  const el = await page.$('iframe[data-testid="report"]');
  if (!el) return null;
  const direct = await el.contentFrame();
  if (direct) return direct;
  const src = await el.getAttribute("src");
  const byUrl = src ? (page.frames().find((f) => f.url().endsWith(src)) ?? null) : null;
  if (byUrl) return byUrl;
  if (lost.since === 0) lost.since = Date.now();
  else if (Date.now() - lost.since > 5_000) {
    lost.since = Date.now();
    process.stderr.write(`serveApp: no playwright frame for the report at ${src}; setting its src again\n`);
    await el.evaluate("(f) => { f.src = f.src; }");
  }
  return null;
}

async function reportFrame(page: Page, until: (r: Inspect) => boolean, timeout = 90_000): Promise<Inspect> {
  const end = Date.now() + timeout;
  let last = "no report frame";
  const lost = { since: 0 };
  for (;;) {
    const frame = await reportFrameOf(page, lost);
    if (frame) {
      try {
        const r = (await frame.evaluate(INSPECT)) as Inspect;
        if (until(r)) return r;
        last = `${frame.url()}: ${JSON.stringify(r)}`;
      } catch (e) {
        // the frame reloads as the job advances
        last = `${frame.url()}: ${(e as Error).message}`;
      }
    }
    if (Date.now() > end) throw new Error(`the report frame never showed what was expected; last: ${last}`);
    await page.waitForTimeout(300);
  }
}

/** The editor's document (the page exposes CodeMirror's view as window.stampedeEditor). */
const DOC = "window.stampedeEditor ? window.stampedeEditor.state.doc.toString() : ''";

/**
 * Saves a screenshot of the whole page, after checking that the page has content and that a report frame has loaded
 * and drawn; then checks the picture: the page, and the frame's part of it, are not blank. The viewport is made as
 * tall as the page for the shot (a full-page capture beyond the viewport may leave a frame unpainted).
 */
async function shoot(page: Page, name: string): Promise<void> {
  const shown = (await page.evaluate(
    "document.body.innerText.trim().length + document.querySelectorAll('canvas, iframe').length",
  )) as number;
  expect(shown, `${name}: the page is blank`).toBeGreaterThan(50);
  const el = await page.$('iframe[data-testid="report"]');
  const frame = await reportFrameOf(page);
  if (frame) {
    await frame.waitForLoadState("load");
    await frame.waitForFunction("document.body && document.body.innerText.length > 100", undefined, {
      timeout: 20_000,
    });
  }
  const viewport = page.viewportSize()!;
  const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  try {
    // Two animation frames in the page and in the report frame: both painted at the new size.
    const painted = "new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))";
    await page.evaluate(painted);
    if (frame) await frame.evaluate(painted);
    const box = el ? await el.boundingBox() : null;
    const png = await page.screenshot({ path: join(ARTIFACTS, name) });
    expect(pngInk(png).ink, `${name}: the screenshot is blank`).toBeGreaterThan(MIN_INK);
    if (box) expect(pngInk(png, box).ink, `${name}: the report frame is blank`).toBeGreaterThan(MIN_INK / 2);
  } finally {
    await page.setViewportSize(viewport);
  }
}

describe.skipIf(!browserTestsRun)("stampede serve in headless Chromium", () => {
  let server: TestServer;
  let browser: BrowserContext;
  /** Pages opened by the current test, and what went wrong in them (page errors, requests to other origins). */
  let pages: Page[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    server = await testServer({ bundle: true, maxRuns: 2 });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(() => {
    pages = [];
    problems = [];
  });
  afterEach(async () => {
    for (const p of pages) await p.close().catch(() => {});
    expect(problems).toEqual([]);
  });

  /** A fresh page of the app: its own state, errors and stray network requests recorded for afterEach. */
  async function fresh(): Promise<Page> {
    const page = await browser.newPage();
    pages.push(page);
    page.on("pageerror", (e) => problems.push(e.message));
    // A style or script the CSP refuses (the editor's styles need the page's nonce) shows up as a console error.
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:"))
        problems.push(`request to ${r.url()}`);
    });
    await page.goto(`${server.url}#token=${server.token}`);
    return page;
  }

  /** A fresh page with a scenario opened in the editor and validated. */
  async function opened(name: string): Promise<Page> {
    const page = await fresh();
    await page.click(`[data-scenario="${name}"]`);
    await expect.poll(() => page.evaluate(DOC), { timeout: 20_000 }).toMatch(/^name:/m);
    await page.locator('[data-testid="valid"]').waitFor({ timeout: 20_000 });
    return page;
  }

  it("opens the 2021 scenario: an unknown field is listed and marked at its line", async () => {
    const page = await opened("aws-us-east-1-2021-12-07");
    const lines = ((await page.evaluate(DOC)) as string).split("\n");
    const at = lines.findIndex((l) => l.startsWith("fleets:"));
    // Typed into the editor at the start of the fleets line (focus first, then the keyboard).
    await page.locator(".cm-content").focus();
    await page.evaluate(`(() => {
      const v = window.stampedeEditor;
      v.dispatch({ selection: { anchor: v.state.doc.line(${at + 1}).from }, scrollIntoView: true });
    })()`);
    await page.keyboard.type("bogusField: 1");
    await page.keyboard.press("Enter");
    const list = page.locator('[data-testid="problems"]');
    await list.waitFor({ timeout: 20_000 });
    const shown = (await list.textContent()) ?? "";
    expect(shown).toContain("bogusField");
    expect(shown).toContain(`${at + 1}:1`);
    await page.locator(".cm-lint-marker-error").first().waitFor({ timeout: 10_000 });
    await shoot(page, "serve-editor.png");
  });

  it("completes a field name from the schema (Ctrl-Space) and shows a key's doc on hover", async () => {
    const page = await opened("retry-storm");
    // A new empty top-level line at the top of the file, the cursor on it, the editor focused.
    await page.locator(".cm-content").focus();
    await page.evaluate(`(() => {
      const v = window.stampedeEditor;
      v.dispatch({ changes: { from: 0, insert: "\\n" }, selection: { anchor: 0 } });
    })()`);
    await page.keyboard.type("dura");
    await page.keyboard.press("Control+Space");
    const popup = page.locator(".cm-tooltip-autocomplete");
    await popup.waitFor({ timeout: 10_000 });
    const options = await popup.locator("li").allTextContents();
    expect(options.some((o) => o.startsWith("duration"))).toBe(true);
    // CodeMirror ignores Enter for its interactionDelay (75 ms) after the popup opens: wait past it, then accept.
    await page.waitForTimeout(300);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(DOC)).toMatch(/^duration: /);
    // Hover over the "name" key: its description from the schema.
    const box = (await page.evaluate(`(() => {
      const v = window.stampedeEditor;
      const line = v.state.doc.toString().split("\\n").findIndex((l) => l.startsWith("name:"));
      const c = v.coordsAtPos(v.state.doc.line(line + 1).from + 1);
      return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
    })()`)) as { x: number; y: number };
    await page.mouse.move(box.x, box.y);
    const hover = page.locator(".cm-schema-hover");
    await hover.waitFor({ timeout: 10_000 });
    expect(await hover.textContent()).toMatch(/^name: \w/);
  });

  it("runs the 2021 scenario at scale 0.05: METASTABLE, charts with ink", { timeout: 200_000 }, async () => {
    const page = await opened("aws-us-east-1-2021-12-07");
    await page.fill('[data-testid="scale"]', "0.05");
    // Three hours cover the trigger (07:30), the metastable check 30 min after it, and a recovery.
    await page.fill('[data-testid="until"]', "3h");
    await page.click('[data-testid="run"]');
    expect(await outcome(page)).toBe("METASTABLE");
    const r = await reportFrame(page, (x) => x.verdict === "METASTABLE" && x.drawn.includes("load"));
    expect(r.errors).toEqual([]);
    expect(r.ink).toBeGreaterThan(5000);
    // The live chart drew the points streamed (server-sent `series` events) before the run ended.
    const live = page.locator('[data-testid="live-chart"]');
    expect(Number(await live.getAttribute("data-streamed"))).toBeGreaterThan(0);
    const liveInk = (await live.evaluate((fig) => {
      const c = fig.querySelector("canvas")!;
      const px = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
      return n;
    })) as number;
    expect(liveInk).toBeGreaterThan(1000);
    await shoot(page, "serve-run.png");
  });

  it("switches the 2021 scenario to fixed-backoff: it recovers", { timeout: 200_000 }, async () => {
    const page = await opened("aws-us-east-1-2021-12-07");
    await page.fill('[data-testid="scale"]', "0.05");
    await page.fill('[data-testid="until"]', "3h");
    await page.selectOption('[data-testid="variant"]', "fixed-backoff");
    await page.click('[data-testid="run"]');
    expect(await outcome(page)).toMatch(/^(RECOVERED|STABLE)$/);
  });

  it("compares the 2021 baseline with fixed-backoff: the table lists both, fixed-backoff recovers", {
    timeout: 200_000,
  }, async () => {
    const page = await opened("aws-us-east-1-2021-12-07");
    await page.click('[data-tab="compare"]');
    await page.fill('[data-testid="scale"]', "0.05");
    await page.fill('[data-testid="until"]', "3h");
    await page.check('[data-variant="fixed-backoff"]', { timeout: 20_000 });
    await page.click('[data-testid="compare"]');
    const verdicts = await outcome(page);
    expect(verdicts).toMatch(/baseline: METASTABLE/);
    expect(verdicts).toMatch(/fixed-backoff: (RECOVERED|STABLE)/);
    await reportFrame(page, (x) => x.drawn.some((d) => d.startsWith("overlay")));
    const frame = await reportFrameOf(page);
    const table = frame!.locator("table[data-stats]");
    await table.waitFor({ state: "visible", timeout: 10_000 });
    expect(await table.textContent()).toContain("fixed-backoff");
    // The variants' lines differ by colour, dash and width, so identical lines would stay visible.
    const styles = (await frame!.evaluate("window.__stampede.styles['overlay-goodput']")) as {
      label: string;
      stroke: string;
      dash: number[];
      width: number;
    }[];
    expect(styles.map((x) => x.label)).toEqual(["baseline", "fixed-backoff"]);
    const [a, b] = styles as [(typeof styles)[0], (typeof styles)[0]];
    expect(a.stroke).not.toBe(b.stroke);
    expect(a.dash).not.toEqual(b.dash);
    expect(a.width).toBeGreaterThan(b.width);
    await shoot(page, "serve-compare.png");
  });

  it("runs a 2x2 sweep and shows four cells", { timeout: 200_000 }, async () => {
    const page = await opened("retry-storm");
    await page.click('[data-tab="sweep"]');
    await page.fill('[data-testid="scale"]', "0.05");
    await page.fill(
      '[data-testid="params"]',
      "faults.primary-cpu-loss.end=10m2s..10m10s:2\nfleets.app-servers.retry.maxAttempts=1..5:2",
    );
    await page.click('[data-testid="sweep"]');
    await page.locator('[data-testid="job-verdict"]').waitFor({ timeout: 120_000 });
    const cells = await reportFrame(page, (x) => x.drawn.includes("heatmap") && x.verdict === "sweep");
    expect(cells.errors).toEqual([]);
    const frame = await reportFrameOf(page);
    const count = (await frame!.evaluate(
      `JSON.parse(document.getElementById("stampede-data").textContent).sweep.cells.filter((c) => c.phase !== null).length`,
    )) as number;
    expect(count).toBe(4);
    await shoot(page, "serve-sweep.png");
  });

  it("opens the blast page of the example catalog: impacted nodes coloured", async () => {
    const page = await fresh();
    await page.click('[data-tab="blast"]');
    await page.check('[data-file="catalog/catalog-info.yaml"]');
    await page.fill('[data-testid="fail"]', "region:aws/us-east-1");
    await page.click('[data-testid="blast"]');
    await page.locator('[data-testid="job-verdict"]').waitFor({ timeout: 30_000 });
    const r = await reportFrame(page, (x) => x.cy > 0);
    expect(r.impacted).toBeGreaterThan(0);
    await shoot(page, "serve-blast.png");
  });
});
