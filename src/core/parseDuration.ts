import { StampedeError } from "./StampedeError.js";

/**
 * A duration as people write it: seconds as a number (`0.5`), or a string with units (`"500ms"`, `"2s"`, `"1m"`,
 * `"1h30m"`) that {@link parseDuration} reads.
 */
export type Duration = number | string;

const UNIT_SECONDS: Record<string, number> = {
  us: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86400,
};

const PART = /(\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*(us|ms|s|min|m|h|d)/gy;

/**
 * Parses a duration into seconds. Accepts a number (already seconds) or a string of one or more parts:
 * `250ms`, `10s`, `30m`, `7h`, `1h30m`, `1.5s`, `2d`; units us, ms, s, m|min, h, d. A bare numeric string is seconds.
 * Throws `E_DURATION` on anything else, including negative values and NaN.
 */
export function parseDuration(input: string | number): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input) || input < 0) {
      throw new StampedeError(
        "E_DURATION",
        `a duration must be a finite number of seconds >= 0, got ${input}`,
      );
    }
    return input;
  }
  const text = input.trim();
  if (/^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let matched = 0;
  PART.lastIndex = 0;
  for (;;) {
    const at = PART.lastIndex;
    if (at === text.length && matched > 0) break;
    const m = PART.exec(text);
    if (!m || m.index !== at) {
      throw new StampedeError(
        "E_DURATION",
        `'${input}' is not a duration: use a number with a unit, e.g. 250ms, 10s, 30m, 7h or 1h30m`,
      );
    }
    total += Number(m[1]) * (UNIT_SECONDS[m[2]!] ?? Number.NaN);
    matched++;
    while (text[PART.lastIndex] === " ") PART.lastIndex++;
  }
  return total;
}

/** Formats seconds as a short human duration: `850ms`, `42s`, `5m 3s`, `6h 52m`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? "-" : "";
  let s = Math.abs(seconds);
  if (s < 1) return `${sign}${Math.round(s * 1000)}ms`;
  if (s < 60) return `${sign}${Number(s.toFixed(s < 10 ? 2 : 1))}s`;
  s = Math.round(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) return `${sign}${h}h ${String(m).padStart(2, "0")}m`;
  return `${sign}${m}m ${String(r).padStart(2, "0")}s`;
}
