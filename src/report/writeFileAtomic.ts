import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Writes `data` to `file` atomically: to a temporary name in the same directory, then renamed over `file`, so a
 * reader never sees a half-written file and a crash leaves the old one intact.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
