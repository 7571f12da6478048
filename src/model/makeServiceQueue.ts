import { makeQueue, type QueueConfig } from "../policies/queue/makeQueue.js";
import type { RequestQueue } from "../policies/queue/RequestQueue.js";

/**
 * Builds a service's queue discipline from the policies library (`{ type: fifo }` when absent), bounded by the
 * service's `queueLimit` unless the discipline sets its own `limit`.
 */
export function makeServiceQueue(config: unknown, queueLimit: number, path: string): RequestQueue {
  const base = (config ?? { type: "fifo" }) as QueueConfig & { limit?: number };
  return makeQueue({ ...base, limit: base.limit ?? queueLimit } as QueueConfig, path);
}
