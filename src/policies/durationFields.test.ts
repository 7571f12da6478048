import { describe, expect, it } from "vitest";
import { Backoff } from "./backoff/Backoff.js";
import { makeBreaker } from "./breaker/CircuitBreaker.js";
import { makeBudget } from "./budget/makeBudget.js";
import { makeHedger } from "./hedge/Hedger.js";
import { makeLimiter } from "./limit/makeLimiter.js";
import { makeQueue } from "./queue/makeQueue.js";
import { makeRetryPolicy } from "./retry/RetryPolicy.js";
import { FixedRng } from "./testing/FixedRng.js";
import { ManualClock } from "./testing/ManualClock.js";

const clock = new ManualClock(0);
const rng = new FixedRng(0.5);

/** Each policy built from durations written as strings, and from the same durations in seconds. */
const CASES: [string, () => unknown, () => unknown][] = [
  [
    "retry",
    () =>
      makeRetryPolicy(
        {
          maxAttempts: 3,
          attemptTimeout: "2s",
          deadline: "1m",
          backoff: { type: "exponential", base: "100ms", cap: "1m" },
        },
        clock,
        rng,
      ),
    () =>
      makeRetryPolicy(
        {
          maxAttempts: 3,
          attemptTimeout: 2,
          deadline: 60,
          backoff: { type: "exponential", base: 0.1, cap: 60 },
        },
        clock,
        rng,
      ),
  ],
  [
    "constant backoff",
    () => Backoff.from({ type: "constant", delay: "250ms" }),
    () => Backoff.from({ type: "constant", delay: 0.25 }),
  ],
  [
    "grpc backoff",
    () => Backoff.from({ type: "grpc", initial: "1s", max: "2m" }),
    () => Backoff.from({ type: "grpc", initial: 1, max: 120 }),
  ],
  [
    "consecutive breaker",
    () =>
      makeBreaker(
        { type: "consecutive", failures: 5, openFor: "30s", probeLease: "10s", slowCallThreshold: "1.5s" },
        clock,
        rng,
      ),
    () =>
      makeBreaker(
        { type: "consecutive", failures: 5, openFor: 30, probeLease: 10, slowCallThreshold: 1.5 },
        clock,
        rng,
      ),
  ],
  [
    "time breaker with a backoff openFor",
    () =>
      makeBreaker(
        { type: "time", window: "30s", openFor: { type: "exponential", base: "5s", cap: "5m" } },
        clock,
        rng,
      ),
    () =>
      makeBreaker(
        { type: "time", window: 30, openFor: { type: "exponential", base: 5, cap: 300 } },
        clock,
        rng,
      ),
  ],
  [
    "ratio budget",
    () => makeBudget({ type: "ratio", window: "10s" }, clock, rng),
    () => makeBudget({ type: "ratio", window: 10 }, clock, rng),
  ],
  [
    "sre throttle",
    () => makeBudget({ type: "sre-adaptive", window: "2m" }, clock, rng),
    () => makeBudget({ type: "sre-adaptive", window: 120 }, clock, rng),
  ],
  [
    "finagle budget",
    () => makeBudget({ type: "finagle", ttl: "10s" }, clock, rng),
    () => makeBudget({ type: "finagle", ttl: 10 }, clock, rng),
  ],
  [
    "aimd limiter",
    () => makeLimiter({ type: "aimd", timeout: "500ms" }, clock, rng),
    () => makeLimiter({ type: "aimd", timeout: 0.5 }, clock, rng),
  ],
  [
    "fifo queue",
    () => makeQueue({ type: "fifo", maxWait: "2s" }),
    () => makeQueue({ type: "fifo", maxWait: 2 }),
  ],
  [
    "rpc-codel queue",
    () =>
      makeQueue({
        type: "rpc-codel",
        target: "5ms",
        interval: "100ms",
        shortTimeout: "10ms",
        longTimeout: "1s",
      }),
    () => makeQueue({ type: "rpc-codel", target: 0.005, interval: 0.1, shortTimeout: 0.01, longTimeout: 1 }),
  ],
  [
    "hedger",
    () => makeHedger({ delay: "50ms", window: "10s" }, clock),
    () => makeHedger({ delay: 0.05, window: 10 }, clock),
  ],
];

describe("duration fields", () => {
  it.each(CASES)("%s: a string duration builds the same policy as its seconds", (_name, strings, seconds) => {
    expect(strings()).toEqual(seconds());
  });

  it("refuses a string that is not a duration, at the field's path", () => {
    const build = (deadline: string) => () => makeRetryPolicy({ maxAttempts: 3, deadline }, clock, rng);
    expect(build("soon")).toThrow(
      expect.objectContaining({ code: "E_POLICY_CONFIG", path: "retry.deadline" }),
    );
    expect(build("soon")).toThrow(/is not a duration/);
    expect(build("-1s")).toThrow(expect.objectContaining({ path: "retry.deadline" }));
    expect(() =>
      makeBreaker({ type: "consecutive", failures: 1, openFor: "0.5 fortnights" }, clock, rng),
    ).toThrow(expect.objectContaining({ path: "breaker.openFor" }));
    // A duration string still meets the field's bounds: a time window must be longer than 0.
    expect(() => makeBreaker({ type: "time", window: "0s" }, clock, rng)).toThrow(
      expect.objectContaining({ path: "breaker.window" }),
    );
  });
});
