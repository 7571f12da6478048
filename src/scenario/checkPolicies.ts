/**
 * Checks every policy config of a scenario with the policies library's own builders, so that ranges and rules
 * (`maxAttempts` in [1, 1000], `cap >= base`, ...) have one source of truth. Problems carry the full field path.
 */
import type { Clock } from "../core/Clock.js";
import { isStampedeError } from "../core/StampedeError.js";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { makeBackoff } from "../policies/backoff/Backoff.js";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { makeBudget } from "../policies/budget/makeBudget.js";
import { makeQueue } from "../policies/queue/makeQueue.js";
import { RetryPolicy } from "../policies/retry/RetryPolicy.js";
import type { Problem } from "./Problem.js";
import type { Scenario } from "./Scenario.js";

const clock: Clock = { now: () => 0 };

/** `a.b[2].c` -> `["a", "b", 2, "c"]`. */
function splitPath(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Every problem the policies library finds in the scenario's retry, backoff, budget, breaker and queue configs. */
export function checkPolicies(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const rng = new Xoshiro128(1);
  const attempt = (build: () => unknown) => {
    try {
      build();
    } catch (e) {
      if (!isStampedeError(e)) throw e;
      out.push({ path: splitPath(e.path ?? ""), message: e.message });
    }
  };
  const retry = (c: Scenario["fleets"][string]["retry"] | undefined, path: string) => {
    if (c !== undefined) attempt(() => new RetryPolicy(c, clock, rng, {}, path));
  };
  const budget = (c: Scenario["fleets"][string]["budget"], path: string) => {
    if (c !== undefined) attempt(() => makeBudget(c, clock, rng, path));
  };
  for (const [n, f] of Object.entries(s.fleets)) {
    retry(f.retry, `fleets.${n}.retry`);
    budget(f.budget, `fleets.${n}.budget`);
    const b = f.breaker;
    if (b) attempt(() => makeBreaker(b, clock, rng, `fleets.${n}.breaker`));
    const c = f.connection;
    if (c) attempt(() => makeBackoff(c.reconnect, `fleets.${n}.connection.reconnect`));
  }
  for (const [n, sv] of Object.entries(s.services)) {
    attempt(() => makeQueue(sv.queue, `services.${n}.queue`));
    for (const [d, dep] of Object.entries(sv.dependencies))
      retry(dep.retry, `services.${n}.dependencies.${d}.retry`);
  }
  for (const [n, st] of Object.entries(s.operators?.runbook ?? {})) {
    const a = st.do;
    if (a.type !== "deploy-fix") continue;
    const p = `operators.runbook.${n}.do`;
    retry(a.retry, `${p}.retry`);
    budget(a.budget, `${p}.budget`);
    const r = a.reconnect;
    if (r) attempt(() => makeBackoff(r, `${p}.reconnect`));
  }
  return out;
}
