import type { Clock } from "../../core/Clock.js";
import { Backoff } from "../backoff/Backoff.js";
import { configError, dur, num, typeOf, windowFields } from "../config.js";
import type { BreakerConfig } from "./BreakerConfig.js";
import { type BreakerWindow, ConsecutiveWindow, CountWindow, TimeWindow } from "./BreakerWindow.js";

/** A breaker config, validated and with its defaults filled in (times in seconds). */
export interface BreakerSettings {
  type: BreakerConfig["type"];
  /** Default Infinity (no slow-call rule). */
  slowCallThreshold: number;
  /** Half-open probes P, default 1. */
  probes: number;
  /** Probe lease in seconds, default 10. */
  probeLease: number;
  /** Open wait in seconds when `openFor` is a number (default 30); 0 when it is a backoff. */
  waitFixed: number;
  waitBackoff: Backoff | undefined;
  /** Half-open verdict: reopen when failing probes / results >= this (consecutive mode: any failure). */
  failureRatio: number;
  /** Half-open verdict on slow probes (Infinity: no slow rule). */
  slowRatio: number;
  /** The closed-state window. */
  window: BreakerWindow;
}

/** Validates a breaker config. Throws `E_POLICY_CONFIG` with the field's path (under `path`) on invalid input. */
export function readBreakerSettings(config: BreakerConfig, clock: Clock, path: string): BreakerSettings {
  const type = typeOf(path, config, ["consecutive", "count", "time"] as const);
  const c = config as unknown as Record<string, unknown>;
  const slowCallThreshold = dur(`${path}.slowCallThreshold`, c["slowCallThreshold"], {
    fallback: Number.POSITIVE_INFINITY,
    min: 0,
    allowInfinity: true,
  });
  const probes = num(`${path}.probes`, c["probes"], { fallback: 1, min: 1, max: 10_000, integer: true });
  const probeLease = dur(`${path}.probeLease`, c["probeLease"], { fallback: 10, min: 0, exclusiveMin: true });
  const openFor = c["openFor"] ?? 30;
  let waitFixed = 0;
  let waitBackoff: Backoff | undefined;
  if (typeof openFor === "number" || typeof openFor === "string")
    waitFixed = dur(`${path}.openFor`, openFor, { min: 0 });
  else if (typeof openFor === "object" && openFor !== null)
    waitBackoff = Backoff.from(openFor as never, `${path}.openFor`);
  else configError(`${path}.openFor`, "must be seconds or a backoff config");
  const common = { type, slowCallThreshold, probes, probeLease, waitFixed, waitBackoff };
  if (type === "consecutive") {
    const failures = num(`${path}.failures`, c["failures"], { min: 1, integer: true });
    const slow = num(`${path}.slowCalls`, c["slowCalls"], {
      fallback: Number.POSITIVE_INFINITY,
      min: 1,
      integer: true,
      allowInfinity: true,
    });
    // Half-open: any failing (or slow, when a slow rule exists) probe reopens.
    return {
      ...common,
      failureRatio: Number.MIN_VALUE,
      slowRatio: Number.isFinite(slow) ? Number.MIN_VALUE : Number.POSITIVE_INFINITY,
      window: new ConsecutiveWindow(failures, slow),
    };
  }
  const ratio = (key: string, fallback: number) =>
    num(`${path}.${key}`, c[key], { fallback, min: 0, exclusiveMin: true, max: 1 });
  const failureRatio = ratio("failureRatio", 0.5);
  const slowRatio = ratio("slowRatio", 1);
  if (type === "count") {
    const size = num(`${path}.size`, c["size"], { min: 1, max: 1_000_000, integer: true });
    const min = num(`${path}.minimumCalls`, c["minimumCalls"], { fallback: size, min: 1, integer: true });
    return {
      ...common,
      failureRatio,
      slowRatio,
      window: new CountWindow(size, min, failureRatio, slowRatio),
    };
  }
  const { span, buckets } = windowFields(path, c, { buckets: 10 });
  const min = num(`${path}.minimumCalls`, c["minimumCalls"], { fallback: 10, min: 1, integer: true });
  const window = new TimeWindow(clock, span, buckets, min, failureRatio, slowRatio);
  return { ...common, failureRatio, slowRatio, window };
}
