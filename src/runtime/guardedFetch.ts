import { Outcome } from "../policies/Outcome.js";
import { type ExecuteOptions, execute } from "./execute.js";

/** An HTTP answer that counts as a failed attempt; carries the Response for the caller. */
export class HttpStatusError extends Error {
  constructor(
    readonly response: Response,
    /** Outcome code (THROTTLED for 429/503, FAILURE for other 5xx). */
    readonly outcome: number,
    /** Retry-After in seconds, NaN when absent. */
    readonly pushback: number,
  ) {
    super(`HTTP ${response.status}`);
    this.name = "HttpStatusError";
  }
}

/** Seconds from a Retry-After header (delta-seconds only), NaN when absent or a date. */
function retryAfter(res: Response): number {
  const h = res.headers.get("retry-after");
  if (h === null || !/^\d+(\.\d+)?$/.test(h.trim())) return Number.NaN;
  return Number(h);
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
   * Longest Retry-After honoured, seconds; a longer one (`Retry-After: 2592000`) waits this long instead and is
   * counted in `stats.retryAfterCapped`. Default {@link DEFAULT_MAX_RETRY_AFTER} (5 min).
   */
  maxRetryAfter?: number;
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
  const { fetch: _f, maxRetryAfter = DEFAULT_MAX_RETRY_AFTER, ...policies } = options;
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
          throw new HttpStatusError(res, outcome, capped(retryAfter(res)));
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
