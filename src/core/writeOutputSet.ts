import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { StampedeError } from "./StampedeError.js";
import { fsyncDirectory, TMP_PREFIX, tmpName, writeFileAtomic, writeFileSynced } from "./writeFileAtomic.js";

/** Name of the manifest written last into every output folder. */
export const MANIFEST = "manifest.json";

/** What manifest.json says: the files of the set, each with its size and SHA-256. */
export interface OutputManifest {
  generator: "stampede";
  /** What wrote the set (`run`, `compare`, `blast`, ...). */
  kind: string;
  /**
   * False while the set is being replaced (then `files` lists the old and the new names, so the files stay known as
   * stampede's if the write is interrupted); true once every file is in place.
   */
  complete: boolean;
  files: { name: string; bytes: number; sha256: string }[];
}

/** Hooks for tests: called before each file is renamed into place. */
export interface OutputSetOptions {
  beforeRename?: (name: string) => void;
}

/** True when no process with this id is alive (its temporaries are stale). */
function dead(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Removes temporaries that stampede left in `dir` when a process died mid-write: names with the stampede prefix
 * (`.stampede-tmp-<label>-<pid>-<n>`) and the older `.<name>.<pid>[.<n>].tmp`, whose process is gone. Nothing else.
 */
export function cleanStaleTemporaries(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = name.startsWith(TMP_PREFIX)
      ? /-(\d+)-\d+$/.exec(name)
      : /^\.[^/]+?\.(\d+)(?:\.\d+)?\.tmp$/.exec(name);
    if (m && Number(m[1]) > 0 && dead(Number(m[1]))) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** The manifest in `dir` if stampede wrote it, else undefined (absent, unreadable or someone else's). */
export function readManifest(dir: string): OutputManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Partial<OutputManifest>;
    return m.generator === "stampede" && Array.isArray(m.files) ? (m as OutputManifest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Cleans stale temporaries beside and inside `dir`, then checks that writing `names` there replaces only files
 * stampede wrote: a name that exists and is not listed by a stampede manifest.json in `dir` (or a manifest.json that
 * is not stampede's) throws E_OUT_DIR naming them. Commands call it before they run, so a long run does not end in
 * this error.
 */
export function checkOutputSet(dir: string, names: readonly string[]): void {
  const target = resolve(dir);
  cleanStaleTemporaries(dirname(target));
  cleanStaleTemporaries(target);
  const manifest = readManifest(target);
  const ours = new Set(manifest?.files.map((f) => f.name) ?? []);
  const foreign = [...names, MANIFEST].filter(
    (n) => existsSync(join(target, n)) && !(n === MANIFEST ? manifest !== undefined : ours.has(n)),
  );
  if (foreign.length === 0) return;
  const them = foreign.length === 1 ? "it" : "them";
  throw new StampedeError(
    "E_OUT_DIR",
    `${dir} already has ${foreign.join(", ")}, not written by stampede (no stampede ${MANIFEST} lists ${them}): ` +
      `choose another --out, or move ${them} away`,
    { path: "--out" },
  );
}

/** Where the temporary folder goes: beside `target` when that is on the same file system and writable, else in it. */
function tmpParent(target: string): string {
  const parent = dirname(target);
  try {
    if (parent !== target && statSync(parent).dev === statSync(target).dev) {
      const probe = join(parent, tmpName("probe"));
      mkdirSync(probe);
      rmSync(probe, { recursive: true });
      return parent;
    }
  } catch {
    // The parent is not writable (or not ours to write in): keep the temporaries inside the target.
  }
  return target;
}

/**
 * Writes a set of files into `dir` so that the set is all new or recognisably incomplete: every file goes first into
 * a temporary sibling folder (`.stampede-tmp-<dir>-<pid>-<n>`, fsynced); manifest.json is replaced by one marked
 * `complete: false`, each file is renamed into `dir`, and the final manifest.json (names, sizes, SHA-256,
 * `complete: true`) is written last: a set whose manifest is incomplete, or whose files do not match it, was
 * interrupted. Stale temporaries of dead stampede processes are cleaned first.
 * Files stampede did not write are never deleted or replaced: a target name that exists in `dir` and is not listed
 * by a stampede manifest there is refused with E_OUT_DIR before anything is written.
 */
export function writeOutputSet(
  dir: string,
  kind: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: OutputSetOptions = {},
): OutputManifest {
  const target = resolve(dir);
  const names = Object.keys(files);
  if (names.includes(MANIFEST) || names.some((n) => n !== basename(n) || n.startsWith(TMP_PREFIX)))
    throw new StampedeError("E_OUT_FILE", `bad output file names: ${names.join(", ")}`);
  checkOutputSet(dir, names);
  mkdirSync(target, { recursive: true });
  const tmp = join(tmpParent(target), tmpName(basename(target)));
  mkdirSync(tmp);
  try {
    const manifest: OutputManifest = { generator: "stampede", kind, complete: true, files: [] };
    for (const name of names) {
      const data = files[name]!;
      writeFileSynced(join(tmp, name), data);
      const bytes = typeof data === "string" ? Buffer.byteLength(data) : data.length;
      manifest.files.push({ name, bytes, sha256: createHash("sha256").update(data).digest("hex") });
    }
    fsyncDirectory(tmp);
    const old = readManifest(target)?.files.filter((f) => !names.includes(f.name)) ?? [];
    const during: OutputManifest = { ...manifest, complete: false, files: [...old, ...manifest.files] };
    writeFileAtomic(join(target, MANIFEST), `${JSON.stringify(during, null, 2)}\n`);
    for (const name of names) {
      options.beforeRename?.(name);
      renameSync(join(tmp, name), join(target, name));
    }
    fsyncDirectory(target);
    writeFileAtomic(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
