// Bundles the web app's page (src/web/page) with esbuild into dist/web/app.js and app.css, and writes
// dist/THIRD_PARTY_NOTICES: the licence of every package bundled into the page, and of those the reports inline
// (uPlot, cytoscape). Run by `npm run build`; `bundleWeb(dir)` is what the tests call.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(ROOT, "package.json"));
/** Packages whose code reaches the browser without being in app.js: inlined by report.html and blast's page. */
const INLINED = ["uplot", "cytoscape"];

/** A package's folder: up from its main file to the package.json that names it (exports may hide package.json). */
function packageDir(name) {
  let dir = dirname(require.resolve(name));
  while (
    !existsSync(join(dir, "package.json")) ||
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== name
  ) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package folder of ${name}`);
    dir = up;
  }
  return dir;
}

function notice(name) {
  const dir = packageDir(name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(dir, f)).find(existsSync);
  const text = file ? readFileSync(file, "utf8").trim() : `License: ${pkg.license}`;
  return `${pkg.name} ${pkg.version} (${pkg.license})\n${"-".repeat(60)}\n${text}\n`;
}

/** Bundles into `outDir` (app.js, app.css) and writes THIRD_PARTY_NOTICES into `noticesDir`. */
export async function bundleWeb(outDir = join(ROOT, "dist", "web"), noticesDir = join(ROOT, "dist")) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(ROOT, "src", "web", "page", "main.ts")],
    outfile: join(outDir, "app.js"),
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
  });
  copyFileSync(join(ROOT, "src", "web", "page", "app.css"), join(outDir, "app.css"));
  const bundled = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) bundled.add(m[1]);
  }
  const names = [...bundled].sort();
  const body = [
    "Third-party software in stampede's web app bundle (dist/web/app.js) and in the report pages it serves.",
    "",
    `Bundled into app.js: ${names.join(", ")}. Inlined by report pages: ${INLINED.join(", ")}.`,
    "",
    ...[...names, ...INLINED].map(notice),
  ].join("\n");
  mkdirSync(noticesDir, { recursive: true });
  writeFileSync(join(noticesDir, "THIRD_PARTY_NOTICES"), body);
  return { bundled: names, js: join(outDir, "app.js"), bytes: statSync(join(outDir, "app.js")).size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await bundleWeb();
  process.stdout.write(
    `bundled ${r.js}: ${(r.bytes / 1024).toFixed(0)} KB minified (${r.bundled.join(", ")}), wrote dist/THIRD_PARTY_NOTICES\n`,
  );
}
