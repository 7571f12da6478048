/**
 * The screenshots of `stampede serve` (docs/images/serve-*.png, the README shows serve-run.png): made by the app's
 * browser test (test/browser/serveApp.test.ts), which saves one per page into the folder SCREENSHOTS names, then
 * checked here: every expected file was written by this run and is not blank (pngInk: at least MIN_INK of its pixels
 * unlike the background). Exit 1 when one is missing, stale or blank.
 *
 *   npx tsx scripts/screenshots.ts                   run the browser test into docs/images, then check
 *   npx tsx scripts/screenshots.ts --check DIR       only check DIR (CI, after npm test wrote test-artifacts/)
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { MIN_INK, pngInk } from "../test/browser/pngInk.js";

/** The pages the browser test photographs. */
export const SCREENSHOTS = [
  "serve-editor.png",
  "serve-run.png",
  "serve-compare.png",
  "serve-sweep.png",
  "serve-blast.png",
];

const ROOT = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const checkOnly = args[0] === "--check";
const dir = resolve(ROOT, checkOnly ? (args[1] ?? "test-artifacts") : "docs/images");
const started = Date.now();

if (!checkOnly) {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "--project",
      "integration",
      "test/browser/serveApp.test.ts",
    ],
    { cwd: ROOT, stdio: "inherit", env: { ...process.env, SCREENSHOTS: dir } },
  );
  if (r.status !== 0) {
    process.stderr.write("screenshots: the browser test failed\n");
    process.exit(1);
  }
}

const bad: string[] = [];
for (const name of SCREENSHOTS) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    bad.push(`${name}: missing`);
    continue;
  }
  if (!checkOnly && statSync(file).mtimeMs < started - 1000) bad.push(`${name}: not rewritten by this run`);
  const { width, height, ink } = pngInk(readFileSync(file));
  const line = `${name}: ${width}x${height}, ${(ink * 100).toFixed(1)}% ink`;
  if (ink < MIN_INK) bad.push(`${line} (blank: under ${MIN_INK * 100}%)`);
  else process.stdout.write(`screenshots: ${line}\n`);
}
if (bad.length > 0) {
  process.stderr.write(`screenshots in ${dir}:\n  ${bad.join("\n  ")}\n`);
  process.exit(1);
}
