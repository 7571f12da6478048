/**
 * Cases for the sub-schemas that several fields share: distributions, backoffs, retry policies, budgets and breakers.
 * Each generator takes a site (where the shape sits in one base scenario) and returns a case for every leaf below it,
 * branch choices included (`<exponential>`), with values scaled to the site.
 */
import { at, type CaseTable, type Site } from "./FieldCase.js";

/** A field's value with more fields it needs to matter (`slowCalls` needs a `slowCallThreshold`). */
export interface WithContext {
  value: unknown;
  with: Record<string, unknown>;
}
/** `value` for a field, in a branch that also has `fields`. */
export const withCtx = (value: unknown, fields: Record<string, unknown>): WithContext => ({
  value,
  with: fields,
});
const isCtx = (v: unknown): v is WithContext =>
  typeof v === "object" && v !== null && "with" in v && "value" in v && Object.keys(v).length === 2;

type Branches = Record<string, { minimal: Record<string, unknown>; alter: Record<string, unknown> }>;

/** One case per branch (chosen over another branch) and per field of a branch (altered from the minimal form). */
export function unionCases(site: Site, branches: Branches): CaseTable {
  const out: CaseTable = {};
  const names = Object.keys(branches);
  names.forEach((name, i) => {
    const b = branches[name]!;
    const other = branches[names[(i + 1) % names.length]!]!.minimal;
    out[`${site.pattern}<${name}>`] = at(site, other, null, b.minimal);
    for (const [field, value] of Object.entries(b.alter)) {
      out[`${site.pattern}<${name}>.${field}`] = isCtx(value)
        ? at(site, { ...b.minimal, ...value.with }, field, value.value)
        : at(site, b.minimal, field, value);
    }
  });
  return out;
}

/** Distributions of durations around `m` seconds. */
export function distributionCases(site: Site, m: number): CaseTable {
  return unionCases(site, {
    constant: { minimal: { type: "constant", value: m }, alter: { value: 2 * m } },
    uniform: { minimal: { type: "uniform", min: 0, max: 2 * m }, alter: { min: m / 2, max: 3 * m } },
    exponential: { minimal: { type: "exponential", mean: m }, alter: { mean: 2 * m } },
    normal: { minimal: { type: "normal", mean: m, stddev: m / 4 }, alter: { mean: 2 * m, stddev: m } },
    lognormal: { minimal: { type: "lognormal", mean: m, cv: 0.5 }, alter: { mean: 2 * m, cv: 1.5 } },
    pareto: { minimal: { type: "pareto", min: m / 2, alpha: 2 }, alter: { min: m, alpha: 1.2 } },
    weibull: { minimal: { type: "weibull", scale: m, shape: 1.5 }, alter: { scale: 2 * m, shape: 0.7 } },
    empirical: {
      minimal: { type: "empirical", samples: [m / 2, m, 2 * m] },
      alter: { samples: [m, 2 * m, 4 * m] },
    },
  });
}

/** Backoff schedules from `d` seconds (a site where at least three delays in a row are drawn). */
export function backoffCases(site: Site, d: number): CaseTable {
  return unionCases(site, {
    none: { minimal: { type: "none" }, alter: {} },
    constant: { minimal: { type: "constant", delay: d }, alter: { delay: 2 * d, jitter: "full" } },
    linear: { minimal: { type: "linear", base: d }, alter: { base: 2 * d, cap: 1.5 * d, jitter: "full" } },
    exponential: {
      minimal: { type: "exponential", base: d },
      alter: { base: 2 * d, cap: d, multiplier: 3, jitter: "none" },
    },
    decorrelated: { minimal: { type: "decorrelated", base: d }, alter: { base: 2 * d, cap: 1.2 * d } },
    grpc: { minimal: { type: "grpc", initial: d }, alter: { initial: 2 * d, multiplier: 3, max: d } },
  });
}

/** A retry policy whose calls fail often; `d`: its backoff scale, seconds; `t`: a timeout shorter than the call's. */
export function retryCases(site: Site, d: number, t: number): CaseTable {
  const within = { maxAttempts: 4, backoff: { type: "constant", delay: d } };
  return {
    [`${site.pattern}.maxAttempts`]: at(site, within, "maxAttempts", 2),
    [`${site.pattern}.unbounded`]: at(site, within, null, {
      ...within,
      maxAttempts: Infinity,
      unbounded: true,
    }),
    [`${site.pattern}.retryOn`]: at(site, within, "retryOn", ["timeout"]),
    [`${site.pattern}.attemptTimeout`]: at(site, within, "attemptTimeout", t),
    [`${site.pattern}.deadline`]: at(site, within, "deadline", 1.5 * d),
    ...backoffCases(
      {
        ...site,
        pattern: `${site.pattern}.backoff`,
        path: `${site.path}.backoff`,
        prep: { ...site.prep, [site.path]: within },
      },
      d,
    ),
  };
}

/** Retry budgets and throttles at a site where many retries are sent. */
export function budgetCases(site: Site): CaseTable {
  return unionCases(site, {
    none: { minimal: { type: "none" }, alter: {} },
    grpc: {
      minimal: { type: "grpc", maxTokens: 10, tokenRatio: 0.1 },
      alter: { maxTokens: 4, tokenRatio: 0.5 },
    },
    "aws-standard": {
      minimal: { type: "aws-standard", quota: 50 },
      alter: { quota: 20, retryCost: 10, timeoutRetryCost: 2, noRetryIncrement: 5 },
    },
    envoy: {
      minimal: { type: "envoy", budgetPercent: 20, minRetryConcurrency: 0 },
      alter: { budgetPercent: 100, minRetryConcurrency: 3 },
    },
    ratio: {
      minimal: { type: "ratio", ratio: 0.3, minRetriesPerSecond: 0 },
      alter: { ratio: 0.5, minRetriesPerSecond: 5, window: 2, buckets: 2 },
    },
    finagle: {
      minimal: { type: "finagle", minRetriesPerSec: 1, percentCanRetry: 0.1 },
      alter: { ttl: 2, minRetriesPerSec: 5, percentCanRetry: 0.5 },
    },
    "sre-adaptive": { minimal: { type: "sre-adaptive" }, alter: { k: 1.1, window: 10, buckets: 5 } },
    "aws-adaptive": {
      minimal: { type: "aws-adaptive" },
      alter: { beta: 0.3, scale: 2, minRate: 50, smooth: 0.2 },
    },
  });
}

/** Circuit breakers at a site with bursts of failures and slow calls (`slow`: a call duration counted slow). */
export function breakerCases(site: Site, slow: number): CaseTable {
  // The slow-call rule needs a threshold and a count or a ratio; a probe lease shorter than a call expires first.
  const common = { probes: 3, probeLease: 0.002 };
  const ratio = {
    minimumCalls: 2,
    failureRatio: 0.9,
    slowRatio: withCtx(0.3, { slowCallThreshold: slow }),
    slowCallThreshold: withCtx(slow, { slowRatio: 0.3 }),
  };
  const out = unionCases(site, {
    consecutive: {
      minimal: { type: "consecutive", failures: 5 },
      alter: {
        failures: 2,
        slowCalls: withCtx(2, { slowCallThreshold: slow }),
        slowCallThreshold: withCtx(slow, { slowCalls: 2 }),
        ...common,
      },
    },
    count: { minimal: { type: "count", size: 30, openFor: 1 }, alter: { size: 4, ...common, ...ratio } },
    time: {
      minimal: { type: "time", window: 5, openFor: 1 },
      alter: { window: 1, buckets: withCtx(1, { window: 20 }), ...common, ...ratio },
    },
  });
  for (const [type, minimal] of [
    ["consecutive", { type: "consecutive", failures: 5 }],
    ["count", { type: "count", size: 30 }],
    ["time", { type: "time", window: 5 }],
  ] as const) {
    const p = `${site.pattern}<${type}>.openFor`;
    out[`${p}<scalar>`] = at(site, minimal, "openFor", 5);
    Object.assign(
      out,
      backoffCases(
        { ...site, pattern: p, path: `${site.path}.openFor`, prep: { ...site.prep, [site.path]: minimal } },
        2,
      ),
    );
  }
  return out;
}
