import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeDirectory } from "../../core/makeDirectory.js";

/** Writes `dir/name` atomically: to a temporary name in the same folder, then renamed over the target. */
export function writeAtomic(dir: string, name: string, content: string): string {
  makeDirectory(dir);
  const target = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, target);
  return target;
}
