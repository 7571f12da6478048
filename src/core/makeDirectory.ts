import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Creates directory `dir` and any missing parents, like `mkdir -p`, and throws the system's error (EACCES, ENOTDIR,
 * ENOENT...) when it cannot. It creates one level at a time instead of calling `mkdirSync(dir, { recursive: true })`,
 * which never returns on Linux for a path under /proc or /sys (the kernel answers ENOENT for a child that cannot
 * exist, and Node's recursive mkdir takes that for a missing parent and retries for ever). Returns the absolute path.
 */
export function makeDirectory(dir: string): string {
  const abs = resolve(dir);
  const missing: string[] = [];
  for (let d = abs; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]!);
  return abs;
}
