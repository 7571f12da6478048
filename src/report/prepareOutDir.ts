import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { makeDirectory } from "../core/makeDirectory.js";
import { StampedeError } from "../core/StampedeError.js";
import { checkOutputSet } from "../core/writeOutputSet.js";

/**
 * Creates `dir` (and its parents) and proves it writable by writing and removing a probe file, so a command can fail
 * with one line before it runs anything; with `files`, also checks that writing them there replaces only files
 * stampede wrote (checkOutputSet) and cleans stale temporaries. Returns the absolute path. Throws E_OUT_DIR.
 */
export function prepareOutDir(dir: string, files?: readonly string[]): string {
  const abs = resolve(dir);
  try {
    makeDirectory(abs);
    const probe = join(abs, `.stampede-probe-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new StampedeError("E_OUT_DIR", `cannot write to output directory ${dir} (${reason})`, {
      path: "--out",
    });
  }
  if (files !== undefined) checkOutputSet(abs, files);
  return abs;
}
