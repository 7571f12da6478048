/**
 * Guards a real HTTP call with the same decision cores the simulator uses, on the real clock.
 * Starts a flaky server on 127.0.0.1 (random port), then calls it through `guardedFetch` with a retry policy
 * (exponential backoff with full jitter, 3 attempts, 200 ms per attempt), a gRPC-style retry budget and a circuit
 * breaker. Run: `npx tsx examples/policies/guarded-http.ts`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  guardedFetch,
  MathRandomRng,
  makeBreaker,
  makeBudget,
  makeRetryPolicy,
  realClock,
} from "../../src/entries/policies.js";

/** Runs the demo and returns what happened (also used by the example's test). */
export async function main(
  log: (line: string) => void = console.log,
): Promise<{ statuses: number[]; served: number }> {
  let served = 0;
  // Fails every third request with a 503 and answers the others after 5 ms.
  const server = createServer((_req, res) => {
    served++;
    if (served % 3 === 0) res.writeHead(503).end("busy");
    else setTimeout(() => res.end(`hello #${served}`), 5);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const rng = new MathRandomRng();
  const retry = makeRetryPolicy(
    {
      maxAttempts: 3,
      backoff: { type: "exponential", base: 0.01, cap: 0.5, jitter: "full" },
      attemptTimeout: 0.2,
      deadline: 2,
    },
    realClock,
    rng,
  );
  const budget = makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, realClock, rng);
  const breaker = makeBreaker(
    { type: "count", size: 20, minimumCalls: 10, failureRatio: 0.5, openFor: 5 },
    realClock,
    rng,
  );
  retry.onRetry((attempt, delay) =>
    log(`  retry after attempt ${attempt}, waiting ${(delay * 1000).toFixed(1)} ms`),
  );
  breaker.onBreak(() => log("  breaker opened"));

  const call = guardedFetch({ retry, budget, gate: breaker });
  const statuses: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const res = await call(url);
      statuses.push(res.status);
      log(`request ${i + 1}: ${res.status} ${await res.text()}`);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  log(`server saw ${served} attempts; retries ${retry.counters.retries}; tokens left ${budget.available}`);
  return { statuses, served };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
