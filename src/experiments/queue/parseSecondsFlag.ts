import { parseDuration } from "../../core/parseDuration.js";
import { StampedeError } from "../../core/StampedeError.js";

/** A duration > 0 given to `flag` (`30s`, `2m`, `5` = seconds), in seconds. Throws E_BAD_FLAG. */
export function parseSecondsFlag(flag: string, text: string): number {
  let s: number;
  try {
    s = parseDuration(text);
  } catch (e) {
    throw new StampedeError("E_BAD_FLAG", e instanceof Error ? e.message : String(e), { path: flag });
  }
  if (!(s > 0) || !Number.isFinite(s))
    throw new StampedeError("E_BAD_FLAG", `expected a duration > 0, got '${text}'`, { path: flag });
  return s;
}
