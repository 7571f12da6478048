import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** What must match between a queued sweep and a worker: "another version" is any difference here. */
export interface StampedeBuild {
  /** package.json version. */
  version: string;
  /** SHA-256 (first 16 hex digits) of the code stampede runs: every .js/.ts/.mjs file of its src/ or dist/ folder. */
  buildId: string;
  /** The run summary's schemaVersion. */
  schemaVersion: number;
}

/** Schema version of the run summaries a job returns (RunSummary.schemaVersion). */
const SCHEMA_VERSION = 1;

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...codeFiles(p));
    else if (/\.(m?js|ts)$/.test(e.name) && !/\.test\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts"))
      out.push(p);
  }
  return out;
}

let cached: StampedeBuild | null = null;

/** This stampede's build, computed once per process (hashing the code takes some milliseconds). */
export function stampedeBuild(): StampedeBuild {
  if (cached !== null) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, "..", "..");
  const hash = createHash("sha256");
  for (const f of codeFiles(root).sort()) {
    hash.update(f.slice(root.length));
    hash.update(readFileSync(f));
  }
  const pkg = JSON.parse(readFileSync(join(root, "..", "package.json"), "utf8")) as { version: string };
  cached = { version: pkg.version, buildId: hash.digest("hex").slice(0, 16), schemaVersion: SCHEMA_VERSION };
  return cached;
}

/** `0.1.0 (build 1a2b..., schema 1)`. */
export function formatBuild(b: StampedeBuild): string {
  return `${b.version} (build ${b.buildId}, schema ${b.schemaVersion})`;
}
