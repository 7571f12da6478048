/**
 * The headless Chromium the browser tests share: Debian's /usr/bin/chromium driven by playwright-core, with a fresh
 * profile per launch. Under CI (CI=true) a missing browser fails the tests; locally they skip with a message.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** True when the browser is installed. */
export const available = existsSync(CHROMIUM);
/** True under CI, where a missing browser is an error rather than a skip. */
export const ci = process.env["CI"] === "true";
/** True when the browser tests should run (installed, or CI, where launching then fails loudly). */
export const browserTestsRun = available || ci;

/** Prints the skip message once per test file when the browser is missing locally. */
export function noteSkip(file: string): void {
  if (!available && !ci) {
    process.stderr.write(`${file}: skipped, ${CHROMIUM} not found (apt-get install -y chromium)\n`);
  }
}

/** Launches headless Chromium with a fresh profile (playwright passes it to Chromium as --user-data-dir). */
export async function launchChromium(): Promise<BrowserContext> {
  if (!available)
    throw new Error(`CI=true but ${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), "stampede-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
