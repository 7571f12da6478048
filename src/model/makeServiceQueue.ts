import type { Clock } from "../core/Clock.js";
import { StampedeError } from "../core/StampedeError.js";
import { DequeQueue } from "./DequeQueue.js";
import type { ServiceQueue } from "./ServiceQueue.js";

/** Builds a service's queue discipline from its config (`{ type: fifo }` when absent). */
export function makeServiceQueue(config: unknown, clock: Clock, path: string): ServiceQueue {
  void clock;
  const type = config === undefined ? "fifo" : (config as { type?: unknown }).type;
  if (type === "fifo") return new DequeQueue(false);
  if (type === "lifo") return new DequeQueue(true);
  throw new StampedeError("E_MODEL", `queue discipline '${String(type)}' is not supported here`, { path });
}
