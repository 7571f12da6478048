import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { makeBudget } from "../policies/budget/makeBudget.js";
import { Outcome } from "../policies/Outcome.js";
import { makeRetryPolicy } from "../policies/retry/RetryPolicy.js";
import { RejectedError } from "./execute.js";
import { guardedFetch } from "./guardedFetch.js";
import { realClock } from "./RealClock.js";

/** A local server: /flaky fails `failFirst` times with 503 then answers; /slow answers after 300 ms; /down is 500. */
let server: Server;
let base = "";
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const key = req.url ?? "/";
    const n = (hits.get(key) ?? 0) + 1;
    hits.set(key, n);
    if (path === "/flaky" && n <= 2) {
      res.writeHead(503, { "retry-after": "0" }).end("busy");
    } else if (path === "/slow") {
      const t = setTimeout(() => res.end("late"), 300);
      res.on("close", () => clearTimeout(t));
    } else if (path === "/down") {
      res.writeHead(500).end("down");
    } else if (path === "/missing") {
      res.writeHead(404).end("no");
    } else res.end(`ok ${n}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const rng = new Xoshiro128(1);
const fastBackoff = { type: "exponential", base: 0.005, cap: 0.02, jitter: "full" } as const;

describe("guardedFetch against a real HTTP server on 127.0.0.1", () => {
  it("retries 503s (honouring Retry-After: 0) and returns the success", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 4, backoff: fastBackoff }, realClock, rng);
    const budget = makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, realClock, rng);
    const f = guardedFetch({ retry, budget });
    const res = await f(`${base}/flaky?a`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok 3");
    expect(hits.get("/flaky?a")).toBe(3);
    expect(retry.counters.retries).toBe(2);
    expect(budget.available).toBeCloseTo(10 - 2 + 0.1, 9);
  });

  it("returns the last failing answer, readable, when attempts run out; never retries a 404", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 2, backoff: fastBackoff }, realClock, rng);
    const f = guardedFetch({ retry });
    const res = await f(`${base}/down?b`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("down");
    expect(hits.get("/down?b")).toBe(2);
    const missing = await f(`${base}/missing?c`);
    expect(missing.status).toBe(404);
    expect(hits.get("/missing?c")).toBe(1);
  });

  it("times attempts out through the AbortSignal", async () => {
    const retry = makeRetryPolicy(
      { maxAttempts: 3, backoff: fastBackoff, attemptTimeout: 0.05 },
      realClock,
      rng,
    );
    const causes: number[] = [];
    retry.onRetry((_a, _d, cause) => causes.push(cause));
    const f = guardedFetch({ retry });
    await expect(f(`${base}/slow?d`)).rejects.toMatchObject({ code: "E_ATTEMPT_TIMEOUT" });
    expect(causes).toEqual([Outcome.TIMEOUT, Outcome.TIMEOUT]);
    expect(hits.get("/slow?d")).toBe(3);
  });

  it("shortens the attempt to what is left of the deadline, then gives up", async () => {
    const retry = makeRetryPolicy(
      { maxAttempts: 5, backoff: fastBackoff, attemptTimeout: 10, deadline: 0.05 },
      realClock,
      rng,
    );
    const f = guardedFetch({ retry });
    await expect(f(`${base}/slow?g`)).rejects.toMatchObject({ code: "E_ATTEMPT_TIMEOUT" });
    expect(hits.get("/slow?g")).toBe(1);
    expect(retry.counters.giveUps).toBe(1);
  });

  it("opens the breaker and then rejects without touching the server", async () => {
    const breaker = makeBreaker({ type: "consecutive", failures: 3, openFor: 60 }, realClock, rng);
    const f = guardedFetch({ gate: breaker });
    for (let i = 0; i < 3; i++) expect((await f(`${base}/down?e`)).status).toBe(500);
    expect(breaker.stateName).toBe("open");
    await expect(f(`${base}/down?e`)).rejects.toBeInstanceOf(RejectedError);
    expect(hits.get("/down?e")).toBe(3);
  });

  it("stops at once when the caller aborts", async () => {
    const retry = makeRetryPolicy({ maxAttempts: 5, backoff: fastBackoff }, realClock, rng);
    const controller = new AbortController();
    const f = guardedFetch({ retry, signal: controller.signal });
    const p = f(`${base}/slow?f`);
    setTimeout(() => controller.abort(new Error("user left")), 20);
    await expect(p).rejects.toThrow("user left");
    expect(hits.get("/slow?f")).toBe(1);
    expect(retry.counters.retries).toBe(0);
  });

  it("counts refused connections as transient failures", async () => {
    const retry = makeRetryPolicy(
      { maxAttempts: 2, backoff: fastBackoff, retryOn: ["transient"] },
      realClock,
      rng,
    );
    const seen: number[] = [];
    retry.onRetry((_a, _d, cause) => seen.push(cause));
    const f = guardedFetch({ retry });
    await expect(f("http://127.0.0.1:1/")).rejects.toThrow();
    expect(seen).toEqual([Outcome.TRANSIENT]);
  });
});
