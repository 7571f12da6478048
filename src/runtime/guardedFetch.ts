import type { Duration } from "../core/parseDuration.js";
import { dur } from "../policies/config.js";
import { Outcome } from "../policies/Outcome.js";
import { type ExecuteOptions, execute } from "./execute.js";
import { parseRetryAfter } from "./retryAfter.js";

/** An HTTP answer that counts as a failed attempt; carries the Response for the caller. */
export class HttpStatusError extends Error {
  constructor(
    readonly response: Response,
    /** Outcome code (THROTTLED for 429/503, FAILURE for other 5xx). */
    readonly outcome: number,
    /** Retry-After in seconds (after the cap), NaN when absent or unreadable. */
    readonly pushback: number,
  ) {
    super(`HTTP ${response.status}`);
    this.name = "HttpStatusError";
  }
}

/** Outcome of an HTTP status: 429 and 503 THROTTLED, other 5xx FAILURE, 408 TIMEOUT, other 4xx FATAL. */
export function outcomeOfStatus(status: number): number {
  if (status < 400) return Outcome.SUCCESS;
  if (status === 429 || status === 503) return Outcome.THROTTLED;
  if (status === 408) return Outcome.TIMEOUT;
  if (status >= 500) return Outcome.FAILURE;
  return Outcome.FATAL;
}

/** Default cap of a server's Retry-After, seconds (5 minutes). */
export const DEFAULT_MAX_RETRY_AFTER = 300;

/** `fetch` options plus the policies (`signal` is the caller's and also cancels waits between retries). */
export type GuardedFetchOptions = Omit<ExecuteOptions, "classify" | "pushback"> & {
  /** The fetch to guard. Default the global fetch. */
  fetch?: typeof fetch;
  /**
   * Longest Retry-After honoured (seconds, or a string such as `"5m"`), whether the server sent seconds or an HTTP
   * date; a longer one (`Retry-After: 2592000`) waits this long instead and is counted in `stats.retryAfterCapped`.
   * Default {@link DEFAULT_MAX_RETRY_AFTER} (5 min).
   */
  maxRetryAfter?: Duration;
  /**
   * The wall clock that a `Retry-After` HTTP date is measured from, in milliseconds since the epoch. Default
   * `Date.now` (so vitest's fake timers move it too).
   */
  wallClock?: () => number;
};

/** What a guarded fetch counted over its life. */
export interface GuardedFetchStats {
  /** Retry-After values above `maxRetryAfter` that were cut to it. */
  retryAfterCapped: number;
}

/** A guarded fetch: the function, plus its counters. */
export type GuardedFetch = ((input: string | URL, init?: RequestInit) => Promise<Response>) & {
  readonly stats: GuardedFetchStats;
};

/**
 * Wraps `fetch` with the policies: retryable statuses (5xx, 429, 408) are failed attempts (body discarded,
 * Retry-After used as pushback); network errors are TRANSIENT; when no retry follows, the last HTTP answer is
 * returned as a Response (fetch semantics), and transport errors, timeouts and rejections are thrown.
 */
export function guardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const doFetch = options.fetch ?? fetch;
  const { fetch: _f, maxRetryAfter: maxOption, wallClock = Date.now, ...policies } = options;
  const maxRetryAfter = dur("guardedFetch.maxRetryAfter", maxOption, {
    fallback: DEFAULT_MAX_RETRY_AFTER,
    min: 0,
    allowInfinity: true,
  });
  const stats: GuardedFetchStats = { retryAfterCapped: 0 };
  const capped = (seconds: number): number => {
    if (!(seconds > maxRetryAfter)) return seconds;
    stats.retryAfterCapped++;
    return maxRetryAfter;
  };
  const guarded = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    // The body of a failed answer is discarded only when another attempt follows, so the last one stays readable.
    let stale: Response | undefined;
    try {
      return await execute(
        async ({ signal }) => {
          if (stale) await stale.body?.cancel().catch(() => undefined);
          stale = undefined;
          const res = await doFetch(input, { ...init, signal });
          const outcome = outcomeOfStatus(res.status);
          if (outcome === Outcome.SUCCESS || outcome === Outcome.FATAL) return res;
          stale = res;
          const wait = parseRetryAfter(res.headers.get("retry-after"), wallClock());
          throw new HttpStatusError(res, outcome, capped(wait));
        },
        {
          ...policies,
          classify: (e) => (e instanceof HttpStatusError ? e.outcome : Outcome.TRANSIENT),
          pushback: (e) => (e instanceof HttpStatusError ? e.pushback : Number.NaN),
        },
      );
    } catch (e) {
      if (e instanceof HttpStatusError) return e.response;
      throw e;
    }
  };
  return Object.assign(guarded, { stats });
}
