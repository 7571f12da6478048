import { execute, MathRandomRng, makeBreaker, makeRetryPolicy, realClock } from "@stampede-sim/policies";
import { afterEach, beforeEach, expect, it, vi } from "vitest";

// vitest's fake timers also fake performance.now(), which realClock reads: the policies' real-time code runs in
// virtual time, and a test of a 30-second breaker takes milliseconds.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it("backs off 1 s then 2 s, gives up with the error, then the breaker rejects for 30 s", async () => {
  const rng = new MathRandomRng();
  const retry = makeRetryPolicy(
    { maxAttempts: 3, backoff: { type: "exponential", base: "1s", jitter: "none" } },
    realClock,
    rng,
  );
  const breaker = makeBreaker({ type: "consecutive", failures: 3, openFor: "30s" }, realClock, rng);
  const seen: unknown[] = [];
  retry.onGiveUp((_attempt, _reason, _cause, error) => seen.push(error));
  const startedAt: number[] = [];
  const down = new Error("connection refused");
  const call = execute(
    async () => {
      startedAt.push(performance.now());
      throw down;
    },
    { retry, gate: breaker },
  );
  const failed = call.catch((e: unknown) => e); // handled now, inspected later

  await vi.advanceTimersByTimeAsync(2_999);
  expect(startedAt).toHaveLength(2); // the third attempt waits for the 2 s backoff
  await vi.advanceTimersByTimeAsync(1);
  expect(await failed).toBe(down);
  expect(startedAt.map((t) => t - startedAt[0]!)).toEqual([0, 1_000, 3_000]);
  expect(seen).toEqual([down]);

  expect(breaker.stateName).toBe("open"); // three failures in a row
  await expect(execute(async () => "ok", { gate: breaker })).rejects.toMatchObject({ code: "E_REJECTED" });
  await vi.advanceTimersByTimeAsync(30_000);
  expect(breaker.stateName).toBe("half-open");
  await expect(execute(async () => "ok", { gate: breaker })).resolves.toBe("ok");
  expect(breaker.stateName).toBe("closed");
});
