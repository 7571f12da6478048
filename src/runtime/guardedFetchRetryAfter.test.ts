import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../core/Clock.js";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeRetryPolicy } from "../policies/retry/RetryPolicy.js";
import { guardedFetch } from "./guardedFetch.js";

/** The faked wall clock starts at 2026-12-02T17:00:00Z. */
const START = Date.UTC(2026, 11, 2, 17, 0, 0);
/** A clock on the faked Date, in seconds. */
const fakeClock: Clock = { now: () => Date.now() / 1000 };

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that answers 503 with `retryAfter` once, then 200; counts its calls. */
function busyOnce(retryAfter: string) {
  const fake = Object.assign(
    (async () => {
      fake.calls++;
      return fake.calls === 1
        ? new Response("busy", { status: 503, headers: { "retry-after": retryAfter } })
        : new Response("ok");
    }) as typeof fetch,
    { calls: 0 },
  );
  return fake;
}

describe("guardedFetch and Retry-After as an HTTP date", () => {
  it("waits until the date the server named (30 s from the wall clock), not the backoff", async () => {
    const fake = busyOnce("Wed, 02 Dec 2026 17:00:30 GMT");
    const retry = makeRetryPolicy(
      { maxAttempts: 3, backoff: { type: "constant", delay: "1ms" } },
      fakeClock,
      new Xoshiro128(1),
    );
    const delays: number[] = [];
    retry.onRetry((_a, delay) => delays.push(delay));
    const f = guardedFetch({ retry, clock: fakeClock, fetch: fake });
    const p = f("http://example.invalid/");
    await vi.advanceTimersByTimeAsync(29_990);
    expect(fake.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect((await p).status).toBe(200);
    expect(fake.calls).toBe(2);
    expect(delays).toEqual([30]);
    expect(f.stats.retryAfterCapped).toBe(0);
  });

  it("caps a far date at maxRetryAfter (given as a string) and counts the cap", async () => {
    const fake = busyOnce("Thu, 03 Dec 2026 17:00:00 GMT"); // a day away
    const retry = makeRetryPolicy({ maxAttempts: 3 }, fakeClock, new Xoshiro128(1));
    const f = guardedFetch({ retry, clock: fakeClock, fetch: fake, maxRetryAfter: "2m" });
    const p = f("http://example.invalid/");
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fake.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await p).status).toBe(200);
    expect(f.stats.retryAfterCapped).toBe(1);
  });

  it("a date already past retries at once", async () => {
    const fake = busyOnce("Wed, 02 Dec 2026 16:00:00 GMT");
    const retry = makeRetryPolicy({ maxAttempts: 3 }, fakeClock, new Xoshiro128(1));
    const f = guardedFetch({ retry, clock: fakeClock, fetch: fake });
    const p = f("http://example.invalid/");
    await vi.advanceTimersByTimeAsync(0);
    expect((await p).status).toBe(200);
  });

  it("refuses a maxRetryAfter that is not a duration", () => {
    expect(() => guardedFetch({ maxRetryAfter: "a while" })).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "guardedFetch.maxRetryAfter" }),
    );
  });
});
