import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The newest modification time (ms) of the code files under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|mjs|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

let chosen: string[] | undefined;

/**
 * How to start stampede: the compiled `dist/cli/main.js` when it is newer than every file of `src/` (CI builds it in
 * `npm ci`; a process starts in about a third of the time tsx takes, which matters on a loaded machine), else the
 * sources through tsx, so an edited tree is always what runs. Every process of a test run uses the same (a worker
 * refuses jobs of another build).
 */
export function stampedeEntry(): string[] {
  if (chosen !== undefined) return chosen;
  const dist = join(root, "dist", "cli", "main.js");
  chosen =
    existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, "src"))
      ? [dist]
      : ["--import", "tsx", "src/cli/main.ts"];
  return chosen;
}

/** A `stampede` process run from the sources (node + tsx), with its output collected as it comes. */
export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves when stderr has a line matching `re` (rejects when the process exits first). */
  waitFor(re: RegExp): Promise<RegExpExecArray>;
}

/** Starts `stampede ARGS` (see stampedeEntry), with `env` added to this process's environment. */
export function stampede(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [...stampedeEntry(), ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0", ...env },
  });
  let out = "";
  let err = "";
  const watchers: { re: RegExp; resolve: (m: RegExpExecArray) => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...watchers]) {
      const m = w.re.exec(err);
      if (m) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
    check();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      for (const w of watchers.splice(0)) w.reject(new Error(`exited (${code}) before ${w.re}: ${err}`));
      resolve(code);
    }),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (re) =>
      new Promise((resolve, reject) => {
        watchers.push({ re, resolve, reject });
        check();
      }),
  };
}
