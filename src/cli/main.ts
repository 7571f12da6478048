#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildProgram } from "./buildProgram.js";
import { exitQuietlyOnBrokenPipe } from "./exitQuietlyOnBrokenPipe.js";
import { exitWithError } from "./exitWithError.js";

/** Runs the `stampede` command line with `argv` (without node and script). Resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    return exitWithError(e);
  }
}

const invokedDirectly = (() => {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  exitQuietlyOnBrokenPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
