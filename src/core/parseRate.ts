import { parseDuration } from "./parseDuration.js";
import { StampedeError } from "./StampedeError.js";

/**
 * Parses a rate into events per second. Accepts a number (already per second) or `N/UNIT` with a unit of
 * duration: `1200/s`, `5/ms`, `30/m`, `100/10s`. Throws `E_RATE` on anything else or a negative value.
 */
export function parseRate(input: string | number): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) {
      throw new StampedeError("E_RATE", `a rate must be a finite number per second >= 0, got ${input}`);
    }
    return input;
  }
  const m = /^\s*(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*\/\s*(\S+)\s*$/.exec(input);
  if (!m) {
    throw new StampedeError(
      "E_RATE",
      `'${input}' is not a rate: use a count per unit of time, e.g. 1200/s or 30/m`,
    );
  }
  const per = /^[a-z]+$/.test(m[2]!) ? `1${m[2]}` : m[2]!;
  let seconds: number;
  try {
    seconds = parseDuration(per);
  } catch {
    throw new StampedeError("E_RATE", `'${input}' is not a rate: '${m[2]}' is not a unit of time`);
  }
  if (seconds <= 0)
    throw new StampedeError("E_RATE", `'${input}' is not a rate: the period must be positive`);
  return Number(m[1]) / seconds;
}
