import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

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

/** Starts `stampede ARGS` from the repository's sources. */
export function stampede(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FORCE_COLOR: "0" },
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
