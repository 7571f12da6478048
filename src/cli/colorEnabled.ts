/** The part of a stream that tells whether it is a terminal. */
interface MaybeTty {
  isTTY?: boolean;
}

/**
 * Whether to colour what goes to `stream` (default process.stdout): never when NO_COLOR is set to anything non-empty
 * (no-color.org) or TERM is `dumb`; always when FORCE_COLOR is set to something other than `0`; otherwise only on a
 * terminal, so pipes, files and CI logs get plain text. (picocolors' own detection also colours whenever CI is set,
 * which this does not.)
 */
export function colorEnabled(
  stream: MaybeTty = process.stdout,
  env: Readonly<Record<string, string | undefined>> = process.env,
): boolean {
  if ((env["NO_COLOR"] ?? "") !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "" && force !== "0") return true;
  if (env["TERM"] === "dumb") return false;
  return stream.isTTY === true;
}
