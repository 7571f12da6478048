import { readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { StampedeError } from "../core/StampedeError.js";

/** The error of a path outside --root (traversal, absolute, or a symlink that leaves it). */
export const E_OUTSIDE_ROOT = "E_OUTSIDE_ROOT";

/**
 * The real path of `rel` (a path relative to `root`, as the page sends it) when it is inside `root` once every symlink
 * is resolved; throws E_OUTSIDE_ROOT otherwise (`..`, an absolute path, a NUL, or a link out of the root) or when
 * it does not exist.
 */
export function resolveUnderRoot(root: string, rel: string): string {
  if (rel.includes("\0") || isAbsolute(rel) || rel.split(/[\\/]/).includes(".."))
    throw new StampedeError(E_OUTSIDE_ROOT, `refused: ${JSON.stringify(rel)} is not a path under the root`);
  const base = realpathSync(root);
  let real: string;
  try {
    real = realpathSync(resolve(base, rel));
  } catch {
    throw new StampedeError("E_NOT_FOUND", `no file ${JSON.stringify(rel)} under the root`);
  }
  if (real !== base && !real.startsWith(base + sep))
    throw new StampedeError(E_OUTSIDE_ROOT, `refused: ${JSON.stringify(rel)} leads outside the root`);
  return real;
}

/** Folders never listed (dependencies, VCS, build output). */
const SKIP = new Set(["node_modules", ".git", "dist", "test-artifacts"]);

/**
 * Files under `root` whose names match `pattern`, as root-relative paths with `/`, depth first, at most `limit`
 * files and `depth` folders deep; symlinks are not followed (a link out of the root is never listed).
 */
export function listFiles(root: string, pattern: RegExp, limit = 500, depth = 4): string[] {
  const base = realpathSync(root);
  const out: string[] = [];
  const walk = (dir: string, level: number): void => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (out.length >= limit) return;
      if (e.name.startsWith(".") || SKIP.has(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory() && level < depth) walk(full, level + 1);
      else if (e.isFile() && pattern.test(e.name) && statSync(full).size < 2 ** 20)
        out.push(relative(base, full).split(sep).join("/"));
    }
  };
  walk(base, 0);
  return out;
}
