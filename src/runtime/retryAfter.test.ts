import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retryAfter.js";

/** 2026-12-02T17:00:00Z in ms since the epoch: the local wall clock of these cases. */
const NOW = Date.UTC(2026, 11, 2, 17, 0, 0);

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("1.5", NOW)).toBe(1.5);
  });

  it("reads an HTTP date (IMF-fixdate) as the seconds from the wall clock to it", () => {
    expect(parseRetryAfter("Wed, 02 Dec 2026 17:00:30 GMT", NOW)).toBe(30);
    expect(parseRetryAfter("Wed, 02 Dec 2026 18:00:00 GMT", NOW)).toBe(3600);
  });

  it("reads the two obsolete date formats RFC 9110 requires recipients to accept, as UTC", () => {
    expect(parseRetryAfter("Wednesday, 02-Dec-26 17:01:00 GMT", NOW)).toBe(60);
    expect(parseRetryAfter("Wed Dec  2 17:00:05 2026", NOW)).toBe(5);
    // RFC 850's two-digit year: one more than 50 years ahead means the previous century.
    expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).toBe(0);
  });

  it("a date in the past means retry now", () => {
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).toBe(0);
  });

  it("is NaN (no pushback: the backoff decides) when absent or unreadable", () => {
    for (const v of [
      null,
      "",
      "soon",
      "-5",
      "1e3",
      "Wed, 32 Dec 2026 17:00:00 GMT",
      "Wed, 02 Dec 2026 17:00:00 PST",
    ])
      expect(parseRetryAfter(v, NOW)).toBeNaN();
  });
});
