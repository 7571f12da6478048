import { describe, expect, it } from "vitest";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { makeBudget } from "../policies/budget/makeBudget.js";
import { Outcome } from "../policies/Outcome.js";
import { GiveUpReason, makeRetryPolicy } from "../policies/retry/RetryPolicy.js";
import { ManualClock } from "../policies/testing/ManualClock.js";
import { execute, RejectedError } from "./execute.js";
import { MathRandomRng } from "./MathRandomRng.js";
import { RealClock, realClock } from "./RealClock.js";

const rng = new MathRandomRng();
const backoff = { type: "constant", delay: 0.001 } as const;

describe("execute", () => {
  it("calls fn once without policies and passes the attempt number", async () => {
    await expect(execute(async ({ attempt }) => attempt)).resolves.toBe(1);
  });

  it("stops retrying when the budget refuses and says why", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 10, backoff }, realClock, rng);
    const budget = makeBudget({ type: "aws-standard", quota: 12 }, realClock, rng);
    let calls = 0;
    const err = Object.assign(new Error("boom"), { outcome: Outcome.TIMEOUT });
    const p = execute(
      async () => {
        calls++;
        throw err;
      },
      { retry, budget },
    );
    await expect(p).rejects.toBeInstanceOf(RejectedError);
    await expect(p).rejects.toMatchObject({ code: "E_BUDGET_EXHAUSTED", cause: err });
    expect(calls).toBe(2); // one timeout retry costs 10 of 12
  });

  it("does not retry outcomes the policy does not retry", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 10, backoff }, realClock, rng);
    let calls = 0;
    await expect(
      execute(
        async () => {
          calls++;
          throw Object.assign(new Error("bad request"), { outcome: Outcome.FATAL });
        },
        { retry },
      ),
    ).rejects.toThrow("bad request");
    expect(calls).toBe(1);
  });
});

describe("execute with a breaker", () => {
  it("tags each attempt: a slow call admitted while closed does not take the half-open probe's place", async () => {
    const clock = new ManualClock(0);
    const breaker = makeBreaker({ type: "consecutive", failures: 1, openFor: 5, probes: 1 }, clock, rng);
    const pending = () => {
      let settle!: (ok: boolean) => void;
      const p = new Promise<string>((resolve, reject) => {
        settle = (ok) => (ok ? resolve("ok") : reject(new Error("down")));
      });
      return { settle, run: () => execute(() => p, { gate: breaker, clock }) };
    };
    const slow = pending();
    const slowResult = slow.run(); // admitted while closed
    await expect(
      execute(async () => Promise.reject(new Error("down")), { gate: breaker, clock }),
    ).rejects.toThrow();
    expect(breaker.stateName).toBe("open");
    clock.advance(5);
    const probe = pending();
    const probeResult = probe.run(); // the half-open probe
    await expect(execute(async () => "x", { gate: breaker, clock })).rejects.toMatchObject({
      code: "E_REJECTED",
    });
    slow.settle(true);
    await expect(slowResult).resolves.toBe("ok");
    expect(breaker.stateName).toBe("half-open"); // the late success is not a probe result
    expect(breaker.counters.stale).toBe(1);
    probe.settle(false);
    await expect(probeResult).rejects.toThrow("down");
    expect(breaker.stateName).toBe("open");
    expect(breaker.toJSON().openings).toBe(2);
  });
});

describe("RealClock and MathRandomRng", () => {
  it("real time moves forward in seconds; random numbers stay in (0, 1)", async () => {
    const c = new RealClock();
    const a = c.now();
    await new Promise((r) => setTimeout(r, 15));
    expect(c.now() - a).toBeGreaterThanOrEqual(0.01);
    const r = rng.fork("x");
    let sum = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
    }
    // mean of U(0,1): sd 1/sqrt(12 n); a 5-sigma band
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 / Math.sqrt(12 * n));
  });

  it("hands each failed attempt's error to onRetry and the last one to onGiveUp", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 3, backoff }, realClock, rng);
    const errors = [1, 2, 3].map((n) => new Error(`attempt ${n}`));
    const retried: [number, number, unknown][] = [];
    const gaveUp: [number, number, number, unknown][] = [];
    retry.onRetry((attempt, delay, _cause, error) => retried.push([attempt, delay, error]));
    retry.onGiveUp((attempt, reason, cause, error) => gaveUp.push([attempt, reason, cause, error]));
    await expect(
      execute(
        async ({ attempt }) => {
          throw errors[attempt - 1];
        },
        { retry },
      ),
    ).rejects.toBe(errors[2]);
    expect(retried).toEqual([
      [1, 0.001, errors[0]],
      [2, 0.001, errors[1]],
    ]);
    expect(gaveUp).toEqual([[3, GiveUpReason.MAX_ATTEMPTS, Outcome.FAILURE, errors[2]]]);
    expect(retried[0]![2]).toBe(errors[0]); // the very object, not a copy
  });
});
