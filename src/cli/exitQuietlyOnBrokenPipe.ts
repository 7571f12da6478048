/** The part of a stream this needs: its `error` event. */
interface ErrorEmitter {
  on(event: "error", listener: (e: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Makes a closed reader end the command quietly: when whoever reads `stdout` (default process.stdout) or `stderr` has
 * gone away (`stampede schema | head -1`), the next write fails with EPIPE; instead of an unhandled-error stack trace
 * the process exits at once with code 0, as the output nobody reads no longer matters. Any other stream error is
 * rethrown (an internal error).
 *
 * @param exit how to end the process, default `process.exit`
 */
export function exitQuietlyOnBrokenPipe(
  stdout: ErrorEmitter = process.stdout,
  stderr: ErrorEmitter = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") exit(0);
    else throw e;
  };
  stdout.on("error", onError);
  stderr.on("error", onError);
}
