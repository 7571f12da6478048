/** A clock time `HH:MM` or `HH:MM:SS` (24 h). */
export const CLOCK_TIME = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * Seconds from the scenario's start to `at`: a number is already seconds from the start; a clock time `HH:MM[:SS]`
 * is read on the start's own clock (the zone offset written in `start`, no daylight-saving change within the run)
 * and is its first occurrence at or after the start (0 to 24 h later).
 */
export function clockSeconds(start: string, at: number | string): number {
  if (typeof at === "number") return at;
  const m = CLOCK_TIME.exec(at);
  const s = /T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?/.exec(start);
  if (m === null || s === null) throw new Error(`not a clock time '${at}' or start '${start}'`);
  const target = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0);
  const from = Number(s[1]) * 3600 + Number(s[2]) * 60 + Number(s[3] ?? 0) + Number(s[4] ?? 0);
  const d = target - from;
  return d < 0 ? d + 86400 : d;
}
