import type { Duration } from "../../core/parseDuration.js";
import { dur, num, typeOf } from "../config.js";
import { AdaptiveLifoQueue } from "./AdaptiveLifoQueue.js";
import { CoDelQueue } from "./CoDelQueue.js";
import { CriticalityQueue } from "./CriticalityQueue.js";
import { FifoQueue, LifoQueue } from "./FifoQueue.js";
import type { QueueType, RequestQueue } from "./RequestQueue.js";
import { RpcCoDelQueue } from "./RpcCoDelQueue.js";

/** Fields every queue has (seconds, counts). */
export interface QueueCommonConfig {
  /** Most requests held. Default Infinity (unbounded). */
  limit?: number;
}

/** Every queue config, discriminated by `type`; durations in seconds or strings such as `"5ms"`. */
export type QueueConfig =
  /** FIFO; `maxWait` drops requests that waited longer (default Infinity). */
  | (QueueCommonConfig & { type: "fifo"; maxWait?: Duration })
  /** LIFO; evicts the oldest when full; `maxWait` as for FIFO. */
  | (QueueCommonConfig & { type: "lifo"; maxWait?: Duration })
  /** FIFO, newest first under a standing queue (`target` 0.005 s for `interval` 0.1 s). */
  | (QueueCommonConfig & {
      type: "adaptive-lifo";
      target?: Duration;
      interval?: Duration;
      maxWait?: Duration;
    })
  /** CoDel RFC 8289: `target` default 0.005 s, `interval` default 0.1 s. */
  | (QueueCommonConfig & { type: "codel"; target?: Duration; interval?: Duration })
  /** Facebook's RPC CoDel: `shortTimeout` default 2 x target, `longTimeout` default `interval`. */
  | (QueueCommonConfig & {
      type: "rpc-codel";
      target?: Duration;
      interval?: Duration;
      shortTimeout?: Duration;
      longTimeout?: Duration;
    })
  /** Criticality-aware shedding; `maxWait` as for FIFO. */
  | (QueueCommonConfig & { type: "criticality"; maxWait?: Duration });

/** The queue types `makeQueue` knows. */
export const QUEUE_TYPES: readonly QueueType[] = [
  "fifo",
  "lifo",
  "adaptive-lifo",
  "codel",
  "rpc-codel",
  "criticality",
];

/** Builds a queue from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeQueue(config: QueueConfig, path = "queue"): RequestQueue {
  const type = typeOf(path, config, QUEUE_TYPES);
  const c = config as unknown as Record<string, unknown>;
  const inf = Number.POSITIVE_INFINITY;
  const limit = num(`${path}.limit`, c["limit"], {
    fallback: inf,
    min: 0,
    integer: true,
    allowInfinity: true,
  });
  const time = (key: string, fallback: number) =>
    dur(`${path}.${key}`, c[key], { fallback, min: 0, allowInfinity: true });
  const positive = (key: string, fallback: number) =>
    dur(`${path}.${key}`, c[key], { fallback, min: 0, exclusiveMin: true });
  switch (type) {
    case "fifo":
      return new FifoQueue(limit, time("maxWait", inf));
    case "lifo":
      return new LifoQueue(limit, time("maxWait", inf));
    case "adaptive-lifo":
      return new AdaptiveLifoQueue(
        limit,
        time("target", 0.005),
        positive("interval", 0.1),
        time("maxWait", inf),
      );
    case "codel":
      return new CoDelQueue(limit, time("target", 0.005), positive("interval", 0.1));
    case "rpc-codel": {
      const target = time("target", 0.005);
      const interval = positive("interval", 0.1);
      return new RpcCoDelQueue(
        limit,
        target,
        interval,
        time("shortTimeout", 2 * target),
        time("longTimeout", interval),
      );
    }
    case "criticality":
      return new CriticalityQueue(limit, time("maxWait", inf));
  }
}
