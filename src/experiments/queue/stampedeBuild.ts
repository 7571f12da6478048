import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SUMMARY_SCHEMA_VERSION } from "../../metrics/RunResult.js";
import { stampedeVersion } from "../stampedeVersion.js";

/** What must match between a queued sweep and a worker: "another version" is any difference here. */
export interface StampedeBuild {
  /** package.json version. */
  version: string;
  /** SHA-256 (first 16 hex digits) of the code stampede runs: every .js/.ts/.mjs file of its src/ or dist/ folder. */
  buildId: string;
  /** The run summary's schemaVersion. */
  schemaVersion: number;
}

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
  cached = {
    version: stampedeVersion(),
    buildId: hash.digest("hex").slice(0, 16),
    schemaVersion: SUMMARY_SCHEMA_VERSION,
  };
  return cached;
}

/** `0.1.0 (build 1a2b..., schema 1)`. */
export function formatBuild(b: StampedeBuild): string {
  return `${b.version} (build ${b.buildId}, schema ${b.schemaVersion})`;
}

/**
 * Why a worker of build `ours` must refuse a job submitted by build `theirs`, or null when they match: any difference
 * in package version, build id or summary schemaVersion is "another version".
 */
export function buildMismatch(theirs: StampedeBuild, ours: StampedeBuild): string | null {
  if (
    theirs.version === ours.version &&
    theirs.buildId === ours.buildId &&
    theirs.schemaVersion === ours.schemaVersion
  )
    return null;
  return `the sweep was submitted by stampede ${formatBuild(theirs)}, this worker is ${formatBuild(ours)}; run the same version on both sides`;
}
