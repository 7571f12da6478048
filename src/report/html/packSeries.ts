import type { Series } from "../../metrics/RunResult.js";

/** Most points a report chart gets per series (about one per two pixels of a full-width chart). */
export const DISPLAY_POINTS = 480;

/** The 64 characters of the packed encoding: two of them carry one 12-bit level. */
export const PACK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Levels 0..4094 carry a value between `lo` and `hi`; level 4095 is an interval without data (null). */
export const PACK_LEVELS = 4094;
const NULL_LEVEL = 4095;

/**
 * One column downsampled for display: per bucket of consecutive intervals the mean (`v`) and, when a bucket holds
 * more than one distinct value, the smallest and largest (`mn`, `mx`: the envelope). Each value is quantised to one
 * of 4095 levels between `lo` and `hi` (the column's own range, so the error is at most (hi - lo) / 8188, well under
 * a pixel) and written as two characters of PACK_ALPHABET; a bucket without data is null. The full-resolution data
 * is in series.csv.
 */
export interface PackedColumn {
  lo: number;
  hi: number;
  v: string;
  mn?: string;
  mx?: string;
}

/** A run's series as report.html embeds it: `time[k]` is the start of bucket k (seconds), `bucket` its length. */
export interface PackedSeries {
  interval: number;
  bucket: number;
  time: number[];
  columns: Record<string, PackedColumn>;
}

function encode(values: readonly (number | null)[], lo: number, hi: number): string {
  const span = hi - lo;
  let out = "";
  for (const x of values) {
    const q = x === null ? NULL_LEVEL : span > 0 ? Math.round(((x - lo) / span) * PACK_LEVELS) : 0;
    out += PACK_ALPHABET[q >> 6]! + PACK_ALPHABET[q & 63]!;
  }
  return out;
}

/** Decodes one packed string back to values (the report's script does the same; see clientScript's `unpack`). */
export function unpackValues(s: string, lo: number, hi: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) {
    const q = PACK_ALPHABET.indexOf(s[i]!) * 64 + PACK_ALPHABET.indexOf(s[i + 1]!);
    out.push(q === NULL_LEVEL ? null : lo + (q / PACK_LEVELS) * (hi - lo));
  }
  return out;
}

/**
 * Downsamples and packs the named columns of `series` (names the series lacks, or columns without any data, are
 * left out). Buckets hold `ceil(n / maxPoints)` intervals, so a chart gets at most `maxPoints` points whatever the
 * run's length. The packed size depends only on the number of columns and buckets, never on the values (and so
 * not on the scenario's scale): two characters per bucket for the mean, and four more when an envelope is needed.
 */
export function packSeries(
  series: Series,
  names: readonly string[],
  maxPoints: number = DISPLAY_POINTS,
): PackedSeries {
  const n = series.time.length;
  const per = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
  const buckets = Math.ceil(n / per);
  const time: number[] = [];
  for (let k = 0; k < buckets; k++) time.push(series.time[k * per]!);
  const columns: Record<string, PackedColumn> = {};
  for (const name of names) {
    const col = series.columns[name];
    if (col === undefined) continue;
    const mean: (number | null)[] = [];
    const mins: (number | null)[] = [];
    const maxs: (number | null)[] = [];
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let envelope = false;
    for (let k = 0; k < buckets; k++) {
      let sum = 0;
      let count = 0;
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let i = k * per; i < Math.min(n, (k + 1) * per); i++) {
        const x = col[i];
        if (x === null || x === undefined || !Number.isFinite(x)) continue;
        sum += x;
        count++;
        if (x < mn) mn = x;
        if (x > mx) mx = x;
      }
      if (count === 0) {
        mean.push(null);
        mins.push(null);
        maxs.push(null);
        continue;
      }
      mean.push(sum / count);
      mins.push(mn);
      maxs.push(mx);
      if (mx > mn) envelope = true;
      if (mn < lo) lo = mn;
      if (mx > hi) hi = mx;
    }
    if (lo > hi) continue;
    const packed: PackedColumn = { lo, hi, v: encode(mean, lo, hi) };
    if (envelope) {
      packed.mn = encode(mins, lo, hi);
      packed.mx = encode(maxs, lo, hi);
    }
    columns[name] = packed;
  }
  return { interval: series.interval, bucket: per * series.interval, time, columns };
}
