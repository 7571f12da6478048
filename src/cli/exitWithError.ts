import { CommanderError } from "commander";
import { isStampedeError } from "../core/StampedeError.js";

/** Exit code for bad input (flags, names, files): the user can fix it. */
export const EXIT_USAGE = 2;
/** Exit code for a failure of stampede itself. */
export const EXIT_INTERNAL = 1;
/** Exit code for a run stopped early, its partial results written and marked (a resource guard). */
export const EXIT_PARTIAL = 3;

/** Exit code for a required external program or resource that is missing or unusable (haproxy, file descriptors). */
export const EXIT_RESOURCE = 4;

/** Error codes that mean "stopped early" (exit 3) rather than bad input. */
const PARTIAL_CODES: ReadonlySet<string> = new Set(["E_MEMORY_LIMIT", "E_LAB_INTERRUPTED"]);
/** Error codes that mean a required program or resource is missing (exit 4). */
const RESOURCE_CODES: ReadonlySet<string> = new Set(["E_LAB_RESOURCE"]);

/**
 * Prints an error the way every command does (one line per problem on stderr, no stack trace for input errors) and
 * returns the exit code: 2 for bad input, 3 for a run stopped early (E_MEMORY_LIMIT, a lab interrupted), 4 for a
 * missing program or resource (E_LAB_RESOURCE), 1 for an
 * internal failure (with the stack when STAMPEDE_DEBUG is set).
 */
export function exitWithError(e: unknown): number {
  if (e instanceof CommanderError) {
    // commander already printed its message; help and version exit 0.
    return e.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (isStampedeError(e)) {
    const many = (e as { errors?: { format(): string }[] }).errors;
    if (many && many.length > 0) for (const err of many) process.stderr.write(`error: ${err.format()}\n`);
    else process.stderr.write(`error: ${e.format()}\n`);
    if (RESOURCE_CODES.has(e.code)) return EXIT_RESOURCE;
    return PARTIAL_CODES.has(e.code) ? EXIT_PARTIAL : EXIT_USAGE;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`internal error: ${err.message}\n`);
  if (process.env["STAMPEDE_DEBUG"]) process.stderr.write(`${err.stack ?? ""}\n`);
  return EXIT_INTERNAL;
}
