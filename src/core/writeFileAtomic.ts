import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Prefix of every temporary name stampede writes: only names with it are ever cleaned up. */
export const TMP_PREFIX = ".stampede-tmp-";

let counter = 0;

/** A fresh temporary name for `label` (`.stampede-tmp-<label>-<pid>-<n>`), unique within this process. */
export function tmpName(label: string): string {
  return `${TMP_PREFIX}${label}-${process.pid}-${counter++}`;
}

/** Writes `data` to `file` and flushes it to the disk (fsync) before closing. */
export function writeFileSynced(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, "w");
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (a rename in it) to the disk; a no-op where directories cannot be fsynced. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some platforms and file systems refuse fsync on a directory: the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The one atomic writer of stampede: writes `data` to a temporary name beside `file` (`.stampede-tmp-...`), fsyncs
 * it, renames it over `file` and fsyncs the folder, so a reader never sees a half-written file and a crash leaves
 * the old one intact. For several files that belong together, use `writeOutputSet`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), tmpName(basename(file)));
  try {
    writeFileSynced(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirectory(dirname(file));
}
