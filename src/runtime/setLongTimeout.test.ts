import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../core/Clock.js";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeRetryPolicy } from "../policies/retry/RetryPolicy.js";
import { abortableSleep } from "./abortableSleep.js";
import { AttemptTimeoutError, execute } from "./execute.js";
import { guardedFetch } from "./guardedFetch.js";
import { MAX_TIMER_MS, setLongTimeout } from "./setLongTimeout.js";

const DAY = 86_400_000;
/** A clock on the faked Date, in seconds. */
const fakeClock: Clock = { now: () => Date.now() / 1000 };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timers longer than 24.8 days (issue 19, item 4)", () => {
  it("setLongTimeout fires after exactly the delay, not at once, for delays above 2^31-1 ms", () => {
    for (const ms of [MAX_TIMER_MS + 1, 30 * DAY, 3 * MAX_TIMER_MS + 7]) {
      vi.setSystemTime(0);
      const fn = vi.fn();
      setLongTimeout(fn, ms);
      vi.advanceTimersByTime(1);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(ms - 2);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(fn).toHaveBeenCalledTimes(1);
    }
  });

  it("a cleared long timer never fires, even between chained steps", () => {
    const fn = vi.fn();
    const t = setLongTimeout(fn, 60 * DAY);
    vi.advanceTimersByTime(MAX_TIMER_MS + 5);
    t.clear();
    vi.advanceTimersByTime(60 * DAY);
    expect(fn).not.toHaveBeenCalled();
  });

  it("abortableSleep of 30 days waits 30 days", async () => {
    let done = false;
    const p = abortableSleep(30 * 86_400).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(29 * DAY);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(DAY);
    await p;
    expect(done).toBe(true);
  });

  it("a 30-day attemptTimeout does not fail a 200 ms call", async () => {
    const retry = makeRetryPolicy(
      { maxAttempts: 1, attemptTimeout: 30 * 86_400 },
      fakeClock,
      new Xoshiro128(1),
    );
    const p = execute(() => new Promise<string>((resolve) => setTimeout(() => resolve("ok"), 200)), {
      retry,
      clock: fakeClock,
    });
    await vi.advanceTimersByTimeAsync(200);
    await expect(p).resolves.toBe("ok");
  });

  it("a 30-day attemptTimeout still fires after 30 days", async () => {
    const retry = makeRetryPolicy(
      { maxAttempts: 1, attemptTimeout: 30 * 86_400 },
      fakeClock,
      new Xoshiro128(1),
    );
    const p = execute(() => new Promise<string>(() => {}), { retry, clock: fakeClock });
    const caught = p.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30 * DAY - 1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await caught).toBeInstanceOf(AttemptTimeoutError);
  });

  it("Retry-After: 2592000 waits the 5-minute cap (not 0, not 30 days) and the cap is counted", async () => {
    let calls = 0;
    const fakeFetch = (async () => {
      calls++;
      return calls === 1
        ? new Response("busy", { status: 503, headers: { "retry-after": "2592000" } })
        : new Response("ok", { status: 200 });
    }) as typeof fetch;
    const retry = makeRetryPolicy({ maxAttempts: 3 }, fakeClock, new Xoshiro128(1));
    const f = guardedFetch({ retry, clock: fakeClock, fetch: fakeFetch });
    const p = f("http://example.invalid/");
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(1); // not retried at once
    await vi.advanceTimersByTimeAsync(300_000 - 20);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(20);
    expect((await p).status).toBe(200);
    expect(calls).toBe(2);
    expect(f.stats.retryAfterCapped).toBe(1);
  });

  it("the Retry-After cap is configurable", async () => {
    let calls = 0;
    const fakeFetch = (async () => {
      calls++;
      return calls === 1
        ? new Response("busy", { status: 429, headers: { "retry-after": "120" } })
        : new Response("ok");
    }) as typeof fetch;
    const retry = makeRetryPolicy({ maxAttempts: 3 }, fakeClock, new Xoshiro128(1));
    const f = guardedFetch({ retry, clock: fakeClock, fetch: fakeFetch, maxRetryAfter: 60 });
    const p = f("http://example.invalid/");
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await p).status).toBe(200);
    expect(f.stats.retryAfterCapped).toBe(1);
  });
});
