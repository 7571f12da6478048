/**
 * A remaining or elapsed time for the progress bar: `45s`, `9m05s`, `1h02m`. The value is rounded (to a multiple of
 * `roundTo` seconds, default 1) before it is split into units, so 599.6 s prints `10m00s`, never `9m60s`, and
 * 3599.9 s prints `1h00m`. cli-progress's placeholders (`'NULL'`, `'INF'`, a negative or non-finite number) print as
 * `--` (no estimate yet).
 *
 * @param seconds time in seconds (a number, or the string cli-progress passes before it has an estimate)
 * @param roundTo granularity in seconds, default 1 (cli-progress passes 5 for the ETA)
 */
export function formatEta(seconds: number | string, roundTo = 1): string {
  const t = typeof seconds === "number" ? seconds : Number(seconds);
  if (!Number.isFinite(t) || t < 0) return "--";
  const step = roundTo > 0 ? roundTo : 1;
  const total = Math.round(t / step) * step;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (total >= 3600) {
    // Hours and minutes: round the minutes once more so 3599.9 s -> 1h00m and 5399 s -> 1h30m.
    const minutes = Math.round(total / 60);
    return `${Math.floor(minutes / 60)}h${pad(minutes % 60)}m`;
  }
  if (total >= 60) return `${Math.floor(total / 60)}m${pad(Math.round(total % 60))}s`;
  return `${Math.round(total)}s`;
}
