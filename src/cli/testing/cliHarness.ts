import { Command } from "commander";
import { vi } from "vitest";
import { exitWithError } from "../exitWithError.js";

/** What a command printed and its exit code. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one subcommand registered by `register` with `argv` (without `stampede`), capturing stdout and stderr, and
 * maps errors to exit codes the way the real shell does (exitWithError).
 */
export async function runCli(register: (program: Command) => void, argv: string[]): Promise<CliOutcome> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  let code = 0;
  try {
    const program = new Command("stampede").exitOverride().configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
    });
    register(program);
    for (const c of program.commands) c.exitOverride();
    await program.parseAsync(argv, { from: "user" });
    code = typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    code = exitWithError(e);
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = before;
  }
  return { code, stdout, stderr };
}
