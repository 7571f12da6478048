const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const M = MONTHS.join("|");
/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF = new RegExp(`^[A-Z][a-z]{2}, (\\d{2}) (${M}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
/** Obsolete RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC850 = new RegExp(`^[A-Z][a-z]+, (\\d{2})-(${M})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`);
/** Obsolete asctime: `Sun Nov  6 08:49:37 1994` (UTC). */
const ASCTIME = new RegExp(`^[A-Z][a-z]{2} (${M}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`);

/** Milliseconds since the epoch of a UTC date, or NaN when a field is out of range (e.g. 32 December). */
function utc(year: number, month: string, day: number, h: number, m: number, s: number): number {
  const mon = MONTHS.indexOf(month);
  const t = Date.UTC(year, mon, day, h, m, s);
  const d = new Date(t);
  if (d.getUTCDate() !== day || d.getUTCMonth() !== mon || h > 23 || m > 59 || s > 60) return Number.NaN;
  return t;
}

/**
 * Milliseconds since the epoch of an HTTP-date (RFC 9110, section 5.6.7: IMF-fixdate, or the obsolete RFC 850 and
 * asctime formats, all UTC), or NaN. A two-digit RFC 850 year more than 50 years after `nowMs` is in the past century.
 */
export function parseHttpDate(text: string, nowMs: number): number {
  let m = IMF.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850.exec(text);
  if (m) {
    const thisYear = new Date(nowMs).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]));
  return Number.NaN;
}

/**
 * Seconds to wait from a `Retry-After` header value: delay-seconds (`120`, also `1.5`), or an HTTP-date measured from
 * the wall clock `nowMs` (milliseconds since the epoch; a date in the past gives 0). NaN when the header is absent or
 * unreadable, so the retry policy's own backoff decides. The caller applies any cap.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number {
  if (value === null) return Number.NaN;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const at = parseHttpDate(text, nowMs);
  if (Number.isNaN(at)) return Number.NaN;
  return Math.max(0, (at - nowMs) / 1000);
}
