import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Writes `dir/name` atomically: to a temporary name in the same folder, then renamed over the target. */
export function writeAtomic(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, target);
  return target;
}
