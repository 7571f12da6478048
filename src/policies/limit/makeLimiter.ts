import type { Clock } from "../../core/Clock.js";
import type { Duration } from "../../core/parseDuration.js";
import type { Rng } from "../../core/Rng.js";
import { configError, dur, num, typeOf } from "../config.js";
import { AimdLimit } from "./AimdLimit.js";
import { Bulkhead } from "./Bulkhead.js";
import { Gradient2Limit } from "./Gradient2Limit.js";
import type { Limiter, LimiterType } from "./Limiter.js";
import { TokenBucket } from "./TokenBucket.js";
import { VegasLimit } from "./VegasLimit.js";

/** Every limiter config, discriminated by `type`; durations in seconds or strings such as `"500ms"`, rates per second. */
export type LimiterConfig =
  /** At most `maxConcurrent` calls; `maxQueue` waiters (default 0). */
  | { type: "bulkhead"; maxConcurrent: number; maxQueue?: number }
  /** `rate` tokens per second, bucket of `burst` tokens (default: one second of tokens, at least 1). */
  | { type: "token-bucket"; rate: number; burst?: number }
  /** Defaults: initialLimit 20, minLimit 1, maxLimit 1000, backoffRatio 0.9, timeout Infinity (s). */
  | {
      type: "aimd";
      initialLimit?: number;
      minLimit?: number;
      maxLimit?: number;
      backoffRatio?: number;
      timeout?: Duration;
    }
  /** Defaults: initialLimit 20, maxLimit 1000, smoothing 1, probeMultiplier 30. */
  | { type: "vegas"; initialLimit?: number; maxLimit?: number; smoothing?: number; probeMultiplier?: number }
  /** Defaults: initialLimit 20, minLimit 20, maxLimit 200, smoothing 0.2, queueSize 4, longWindow 600, rttTolerance 1.5. */
  | {
      type: "gradient2";
      initialLimit?: number;
      minLimit?: number;
      maxLimit?: number;
      smoothing?: number;
      queueSize?: number;
      longWindow?: number;
      rttTolerance?: number;
    };

/** The limiter types `makeLimiter` knows. */
export const LIMITER_TYPES: readonly LimiterType[] = [
  "bulkhead",
  "token-bucket",
  "aimd",
  "vegas",
  "gradient2",
];

/** Builds a limiter from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeLimiter(config: LimiterConfig, clock: Clock, rng: Rng, path = "limiter"): Limiter {
  const type = typeOf(path, config, LIMITER_TYPES);
  const c = config as unknown as Record<string, unknown>;
  const int = (key: string, fallback?: number, min = 1) =>
    num(
      `${path}.${key}`,
      c[key],
      fallback === undefined ? { min, integer: true } : { fallback, min, integer: true },
    );
  const real = (key: string, fallback: number, min: number, max?: number) =>
    num(`${path}.${key}`, c[key], max === undefined ? { fallback, min } : { fallback, min, max });
  const limits = (initial: number, min: number, max: number) => {
    const mn = int("minLimit", min);
    const mx = int("maxLimit", max);
    if (mx < mn) configError(`${path}.maxLimit`, `must be >= minLimit (${mn}), got ${mx}`);
    const init = int("initialLimit", Math.min(mx, Math.max(mn, initial)));
    if (init < mn || init > mx)
      configError(`${path}.initialLimit`, `must be within [${mn}, ${mx}], got ${init}`);
    return [init, mn, mx] as const;
  };
  switch (type) {
    case "bulkhead":
      return new Bulkhead(int("maxConcurrent"), int("maxQueue", 0, 0));
    case "token-bucket": {
      const rate = num(`${path}.rate`, c["rate"], { min: 0 });
      return new TokenBucket(clock, rate, real("burst", Math.max(1, rate), 0));
    }
    case "aimd": {
      const [init, mn, mx] = limits(20, 1, 1000);
      const ratio = num(`${path}.backoffRatio`, c["backoffRatio"], {
        fallback: 0.9,
        min: 0,
        max: 1,
        exclusiveMin: true,
      });
      const timeout = dur(`${path}.timeout`, c["timeout"], {
        fallback: Number.POSITIVE_INFINITY,
        min: 0,
        allowInfinity: true,
      });
      return new AimdLimit(init, mn, mx, ratio, timeout);
    }
    case "vegas": {
      const [init, , mx] = limits(20, 1, 1000);
      return new VegasLimit(rng, init, mx, real("smoothing", 1, 0, 1), real("probeMultiplier", 30, 1));
    }
    case "gradient2": {
      const [init, mn, mx] = limits(20, 20, 200);
      return new Gradient2Limit(
        init,
        mn,
        mx,
        real("smoothing", 0.2, 0, 1),
        real("queueSize", 4, 0),
        real("longWindow", 600, 1),
        real("rttTolerance", 1.5, 1),
      );
    }
  }
}
