/**
 * Zod building blocks for the scenario format's units: durations (`250ms`, `1h30m`, or a number of seconds), rates
 * (`1200/s`, or a number per second), counts, fractions and entity names. Each parses the raw form and produces the
 * resolved number; the JSON Schema (input side) describes the raw form so editors accept `10s`.
 */
import * as z from "zod";
import { parseDuration } from "../../core/parseDuration.js";
import { parseRate } from "../../core/parseRate.js";

const NUM = String.raw`\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const UNIT = "(?:us|ms|s|min|m|h|d)";
const WITH_UNIT = String.raw`(?:${NUM}\s*${UNIT}\s*)+`;
/** JSON Schema pattern of a duration string: `250ms`, `10s`, `30m`, `7h`, `1h30m`, or bare seconds `1.5`. */
export const DURATION_PATTERN = String.raw`^\s*(?:${NUM}|${WITH_UNIT})$`;
/** A duration string with at least one unit (`250ms`, `1h30m`), as opposed to a bare number. */
export const DURATION_WITH_UNIT_PATTERN = String.raw`^\s*${WITH_UNIT}$`;
/** JSON Schema pattern of a rate string: `1200/s`, `30/m`, `100/10s`. */
export const RATE_PATTERN = String.raw`^\s*${NUM}\s*/\s*(?:${UNIT}|(?:${NUM}\s*${UNIT}\s*)+)\s*$`;
/** Entity names: letters, digits, `_` and `-` (no dots: a name is one segment of a field path). */
export const NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]*$";

const DURATION_HINT = "a duration such as 250ms, 10s, 30m, 7h or 1h30m, or a number of seconds";
const RATE_HINT = "a rate such as 1200/s or 30/m, or a number per second";

type Bound = "nonnegative" | "positive";

function check(bound: Bound, v: number): string | undefined {
  if (bound === "positive" && v <= 0) return `must be > 0, got ${v}`;
  return undefined;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A duration in seconds (`positive` rejects 0). Raw form: a duration string or a number of seconds. */
export function duration(bound: Bound = "nonnegative") {
  return bound === "positive" ? POSITIVE_DURATION : DURATION;
}

function makeDuration(bound: Bound) {
  return z
    .union([z.number(), z.string().meta({ pattern: DURATION_PATTERN })], {
      error: `expected ${DURATION_HINT}`,
    })
    .meta({ description: `Duration: ${DURATION_HINT}.` })
    .transform((v, ctx) => {
      let s: number;
      try {
        s = parseDuration(v);
      } catch (e) {
        ctx.issues.push({ code: "custom", message: message(e), input: v });
        return z.NEVER;
      }
      const bad = check(bound, s);
      if (bad) {
        ctx.issues.push({ code: "custom", message: bad, input: v });
        return z.NEVER;
      }
      return s;
    });
}

const DURATION = makeDuration("nonnegative");
const POSITIVE_DURATION = makeDuration("positive");

/** A rate per second (`positive` rejects 0). Raw form: a rate string or a number per second. */
export function rate(bound: Bound = "positive") {
  return bound === "positive" ? POSITIVE_RATE : RATE;
}

function makeRate(bound: Bound) {
  return z
    .union([z.number(), z.string().meta({ pattern: RATE_PATTERN })], { error: `expected ${RATE_HINT}` })
    .meta({ description: `Rate: ${RATE_HINT}.` })
    .transform((v, ctx) => {
      let r: number;
      try {
        r = parseRate(v);
      } catch (e) {
        ctx.issues.push({ code: "custom", message: message(e), input: v });
        return z.NEVER;
      }
      const bad = check(bound, r);
      if (bad) {
        ctx.issues.push({ code: "custom", message: bad, input: v });
        return z.NEVER;
      }
      return r;
    });
}

const RATE = makeRate("nonnegative");
const POSITIVE_RATE = makeRate("positive");

/** A whole number >= `min` (default 1). */
export function count(min = 1, max = MAX_COUNT) {
  return z
    .number({ error: "expected a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, {
      error: (iss) => `must be >= ${min}, got ${String(iss.input)}`,
    })
    .max(max, {
      error: (iss) => `must be <= ${max.toLocaleString("en-US")}, got ${String(iss.input)}`,
    });
}

/** A finite number > 0. */
export function positive() {
  return z
    .number({ error: "expected a number" })
    .gt(0, { error: (iss) => `must be > 0, got ${String(iss.input)}` });
}

/** A number in [0, 1] (a probability or a share). */
export function fraction() {
  return z
    .number({ error: "expected a number between 0 and 1" })
    .min(0, { error: (iss) => `must be between 0 and 1, got ${String(iss.input)}` })
    .max(1, { error: (iss) => `must be between 0 and 1, got ${String(iss.input)}` });
}

/** Names that are properties of every JavaScript object: refused as entity names so no key reaches a prototype. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(
  Object.getOwnPropertyNames(Object.prototype).concat(["prototype"]),
);

/** Largest count of anything (servers, devices, buffer slots, cache keys): typed arrays index it with int32. */
export const MAX_COUNT = 1_000_000_000;
/** Most clients in one fleet (scale more, with --scale and --allow-large, if you must). */
export const MAX_CLIENTS = 10_000_000;
/** Longest scenario duration, seconds (366 days). */
export const MAX_DURATION = 366 * 86_400;

/** An entity name (a key of `fleets`, `services`, ...); `__proto__`, `constructor`, `toString`, ... are refused. */
export function name() {
  return z
    .string()
    .regex(new RegExp(NAME_PATTERN), {
      error: "names use letters, digits, '_' and '-' only (no dots or spaces)",
    })
    .refine((n) => !RESERVED_NAMES.has(n), { error: (iss) => `'${String(iss.input)}' is a reserved name` });
}

/** A map of entities keyed by name. */
export function named<T extends z.ZodType>(value: T) {
  return z.record(name(), value);
}
