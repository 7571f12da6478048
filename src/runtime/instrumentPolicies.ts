import type { CircuitBreaker } from "../policies/breaker/CircuitBreaker.js";
import type { Budget } from "../policies/budget/Budget.js";
import type { Disposable } from "../policies/Listeners.js";
import type { Limiter } from "../policies/limit/Limiter.js";
import { OUTCOME_NAMES } from "../policies/Outcome.js";
import type { RetryPolicy } from "../policies/retry/RetryPolicy.js";

/** Metric attributes, as OpenTelemetry's `Attributes` accepts them. */
export type MetricAttributesLike = Record<string, string | number | boolean>;

/** What an observable callback receives: OpenTelemetry's `ObservableResult`. */
export interface ObservableResultLike {
  observe(value: number, attributes?: MetricAttributesLike): void;
}

/** An observable instrument: OpenTelemetry's `ObservableCounter` or `ObservableGauge`. */
export interface ObservableLike {
  addCallback(callback: (result: ObservableResultLike) => void): void;
  removeCallback(callback: (result: ObservableResultLike) => void): void;
}

/**
 * The part of OpenTelemetry's `Meter` (from `@opentelemetry/api` 1.x) these metrics use. Declared here, not imported,
 * so the policies need `@opentelemetry/api` neither at run time nor to type-check: pass
 * `metrics.getMeter("my-service")` and TypeScript checks that it fits.
 */
export interface MeterLike {
  createObservableCounter(name: string, options?: { description?: string; unit?: string }): ObservableLike;
  createObservableGauge(name: string, options?: { description?: string; unit?: string }): ObservableLike;
}

/** The policies to observe (each optional) and how to name their metrics. */
export interface InstrumentOptions {
  retry?: RetryPolicy;
  budget?: Budget;
  breaker?: CircuitBreaker;
  limiter?: Limiter;
  /** First part of every metric name. Default `"resilience"` (`resilience.attempts`, ...). */
  prefix?: string;
  /** Attributes added to every observation, e.g. `{ "policy.name": "payments" }`. Default none. */
  attributes?: MetricAttributesLike;
}

/**
 * Hand this to `execute` or `guardedFetch` (`metrics` option) so attempts are counted; dispose it to remove the
 * callbacks from the meter.
 */
export interface PolicyMetrics extends Disposable {
  /** Counts one finished attempt with its Outcome code (execute calls it). */
  attempt(outcome: number): void;
}

const OUTCOME_OF_CODE: string[] = [];
for (const [name, code] of Object.entries(OUTCOME_NAMES)) OUTCOME_OF_CODE[code] = name;

/**
 * Registers OpenTelemetry observable instruments over the policies' counters (read when the SDK collects, so the
 * policies' hot paths do nothing more):
 *
 * | metric | kind | from |
 * |---|---|---|
 * | `<prefix>.attempts` {outcome} | counter | attempts `execute` made (with `metrics` set), by outcome name |
 * | `<prefix>.retries`, `<prefix>.give_ups` | counter | `retry.counters` |
 * | `<prefix>.rejections` {policy: budget, breaker, limiter} | counter | each policy's `counters.rejected` |
 * | `<prefix>.breaker.state` | gauge | 0 closed, 1 open, 2 half-open |
 * | `<prefix>.limiter.limit`, `<prefix>.limiter.inflight` | gauge | the limiter's current limit and calls in flight |
 * | `<prefix>.budget.available` | gauge | the budget's tokens |
 */
export function instrumentPolicies(meter: MeterLike, options: InstrumentOptions = {}): PolicyMetrics {
  const { retry, budget, breaker, limiter, prefix = "resilience" } = options;
  const base = options.attributes ?? {};
  const tagged = (extra: MetricAttributesLike): MetricAttributesLike => ({ ...base, ...extra });
  const attempts = new Float64Array(OUTCOME_OF_CODE.length);
  const outcomeAttrs = OUTCOME_OF_CODE.map((outcome) => tagged({ outcome }));
  const registered: [ObservableLike, (r: ObservableResultLike) => void][] = [];
  const observe = (
    kind: "counter" | "gauge",
    name: string,
    description: string,
    unit: string,
    callback: (r: ObservableResultLike) => void,
  ): void => {
    const opts = { description, unit };
    const instrument =
      kind === "counter"
        ? meter.createObservableCounter(`${prefix}.${name}`, opts)
        : meter.createObservableGauge(`${prefix}.${name}`, opts);
    instrument.addCallback(callback);
    registered.push([instrument, callback]);
  };

  observe("counter", "attempts", "Attempts made, by outcome", "{attempt}", (r) => {
    for (let code = 0; code < attempts.length; code++)
      if (attempts[code]! > 0) r.observe(attempts[code]!, outcomeAttrs[code]);
  });
  if (retry) {
    observe("counter", "retries", "Retries granted by the retry policy", "{retry}", (r) =>
      r.observe(retry.counters.retries, base),
    );
    observe("counter", "give_ups", "Requests the retry policy gave up on", "{request}", (r) =>
      r.observe(retry.counters.giveUps, base),
    );
  }
  const rejecters: [string, { counters: { rejected: number } }][] = [];
  if (budget) rejecters.push(["budget", budget]);
  if (breaker) rejecters.push(["breaker", breaker]);
  if (limiter) rejecters.push(["limiter", limiter]);
  if (rejecters.length > 0) {
    const attrs = rejecters.map(([policy]) => tagged({ policy }));
    observe("counter", "rejections", "Attempts refused by a policy", "{attempt}", (r) => {
      for (let i = 0; i < rejecters.length; i++) r.observe(rejecters[i]![1].counters.rejected, attrs[i]);
    });
  }
  if (breaker)
    observe("gauge", "breaker.state", "Circuit breaker state: 0 closed, 1 open, 2 half-open", "1", (r) =>
      r.observe(breaker.state, base),
    );
  if (limiter) {
    observe("gauge", "limiter.limit", "Current limit of the concurrency or rate limiter", "{call}", (r) =>
      r.observe(limiter.limit, base),
    );
    observe("gauge", "limiter.inflight", "Calls in flight under the limiter", "{call}", (r) =>
      r.observe(limiter.inflight, base),
    );
  }
  if (budget)
    observe("gauge", "budget.available", "Tokens left in the retry budget", "{token}", (r) =>
      r.observe(budget.available, base),
    );

  return {
    attempt(outcome: number): void {
      if (outcome >= 0 && outcome < attempts.length) attempts[outcome]!++;
    },
    dispose(): void {
      for (const [instrument, callback] of registered.splice(0)) instrument.removeCallback(callback);
    },
  };
}
