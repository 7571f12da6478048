import * as z from "zod";
import { parseDuration } from "../../core/parseDuration.js";
import { parseRate } from "../../core/parseRate.js";
import { DURATION_WITH_UNIT_PATTERN, RATE_PATTERN } from "./units.js";

const DURATION_WITH_UNIT = new RegExp(DURATION_WITH_UNIT_PATTERN);
const RATE = new RegExp(RATE_PATTERN);

/**
 * Converts the unit strings of a policy config to the library's units, recursively: a duration with a unit
 * (`250ms`, `1m`) becomes seconds, a rate (`100/s`) becomes per second. Other values are kept as they are.
 */
export function convertPolicyUnits(value: unknown): unknown {
  if (typeof value === "string") {
    if (RATE.test(value)) return parseRate(value);
    if (DURATION_WITH_UNIT.test(value)) return parseDuration(value);
    return value;
  }
  if (Array.isArray(value)) return value.map(convertPolicyUnits);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convertPolicyUnits(v);
    return out;
  }
  return value;
}

/**
 * A policy configuration (retry, backoff, budget, breaker, limiter, queue) as the policies library's config object,
 * with durations allowed as strings (`250ms`) and rates as `100/s`; the library itself validates the fields when the
 * model builds the policy. `what` names the policy in messages and the JSON Schema.
 */
export function policyConfig(what: string) {
  return z
    .record(z.string(), z.unknown(), { error: `expected a ${what} config object (policies library)` })
    .meta({
      description: `${what} configuration of the policies library; durations as 250ms/10s/1m or seconds, rates as 100/s.`,
    })
    .transform((v) => convertPolicyUnits(v) as Record<string, unknown>);
}
