import { parseDuration } from "../core/parseDuration.js";
import { isStampedeError, StampedeError } from "../core/StampedeError.js";

/** Error code of every invalid policy configuration. */
export const E_POLICY_CONFIG = "E_POLICY_CONFIG";

/** Throws `E_POLICY_CONFIG` for `path` with `message`. */
export function configError(path: string, message: string): never {
  throw new StampedeError(E_POLICY_CONFIG, message, { path });
}

/**
 * Reads a number field: `value` if given, else `fallback` (when `fallback` is undefined the field is required).
 * Checks it is finite (or +Infinity when `allowInfinity`) and within [min, max]; `integer` demands an integer.
 */
export function num(
  path: string,
  value: unknown,
  opts: {
    fallback?: number | undefined;
    min?: number;
    max?: number;
    integer?: boolean;
    allowInfinity?: boolean;
    exclusiveMin?: boolean;
  } = {},
): number {
  const v = value === undefined ? opts.fallback : value;
  if (v === undefined) configError(path, "is required");
  if (typeof v !== "number" || Number.isNaN(v))
    configError(path, `must be a number, got ${JSON.stringify(v)}`);
  if (!Number.isFinite(v) && !(opts.allowInfinity && v === Number.POSITIVE_INFINITY))
    configError(path, `must be finite, got ${v}`);
  if (opts.integer && Number.isFinite(v) && !Number.isInteger(v))
    configError(path, `must be an integer, got ${v}`);
  if (opts.min !== undefined && (opts.exclusiveMin ? v <= opts.min : v < opts.min))
    configError(path, `must be ${opts.exclusiveMin ? ">" : ">="} ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) configError(path, `must be <= ${opts.max}, got ${v}`);
  return v;
}

/**
 * Reads a duration field in seconds: a number of seconds, or a string with units (`"500ms"`, `"2s"`, `"1m"`, read by
 * `parseDuration`), then the same checks and fallback as {@link num}. A string that is not a duration throws
 * `E_POLICY_CONFIG` at `path`.
 */
export function dur(path: string, value: unknown, opts: Parameters<typeof num>[2] = {}): number {
  if (typeof value !== "string") return num(path, value, opts);
  let seconds: number;
  try {
    seconds = parseDuration(value);
  } catch (e) {
    configError(path, isStampedeError(e) ? e.message : String(e));
  }
  return num(path, seconds, opts);
}

/** Reads an enumerated string field, with a default. */
export function oneOf<T extends string>(
  path: string,
  value: unknown,
  allowed: readonly T[],
  fallback?: T,
): T {
  const v = value === undefined ? fallback : value;
  if (v === undefined) configError(path, `is required: one of ${allowed.join(", ")}`);
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
    configError(path, `must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
  return v as T;
}

/** Checks that `config` is an object with a string `type` among `types`, and returns the type. */
export function typeOf<T extends string>(path: string, config: unknown, types: readonly T[]): T {
  if (typeof config !== "object" || config === null || Array.isArray(config))
    configError(path, `must be an object with a "type" (one of ${types.join(", ")})`);
  return oneOf(`${path}.type`, (config as { type?: unknown }).type, types);
}

/**
 * Reads a sliding window's fields: `window` (a Duration, > 0) and `buckets` (an integer in 1..10,000), with errors at
 * `${path}.window` and `${path}.buckets`. A default left undefined makes the field required.
 */
export function windowFields(
  path: string,
  config: { window?: unknown; buckets?: unknown },
  defaults: { window?: number; buckets: number },
): { span: number; buckets: number } {
  const span = dur(`${path}.window`, config.window, {
    fallback: defaults.window,
    min: 0,
    exclusiveMin: true,
  });
  const buckets = num(`${path}.buckets`, config.buckets, {
    fallback: defaults.buckets,
    min: 1,
    max: 10_000,
    integer: true,
  });
  return { span, buckets };
}
