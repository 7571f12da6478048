import { formatDuration } from "../core/parseDuration.js";

/** Minutes east of UTC of an ISO 8601 date-time's offset (`-08:00` -> -480, `Z` -> 0; none -> 0). */
export function offsetMinutes(start: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(start.trim());
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * The wall-clock time `seconds` after the scenario's `start`, in the start's own zone: `07:30:00`, with the date
 * when it is not the start's day (`2021-12-08 01:15:00`). Returns the offset alone when `start` does not parse.
 */
export function clockTime(start: string, seconds: number): string {
  const base = Date.parse(start);
  if (Number.isNaN(base)) return `+${formatDuration(seconds)}`;
  const shift = offsetMinutes(start) * 60_000;
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const local = base + Math.round(seconds * 1000) + shift;
  const d = new Date(local);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return day(local) === day(base + shift) ? time : `${day(local)} ${time}`;
}

/** A signed offset: `+30m 00s`, `-5m 00s`, `+0s`. */
export function offset(seconds: number): string {
  if (Math.abs(seconds) < 0.0005) return "+0s";
  return seconds < 0 ? formatDuration(seconds) : `+${formatDuration(seconds)}`;
}
