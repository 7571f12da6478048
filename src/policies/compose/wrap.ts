import { Outcome } from "../Outcome.js";
import type { Gate } from "./Gate.js";

/**
 * Composes gates, outermost first (cockatiel's `wrap`): `allow()` asks each in order and stops at the first refusal,
 * handing back the permits the earlier ones gave (`record(CANCELLED, 0)`); `record` reports to every gate, innermost
 * first. The result is itself a Gate, so wraps nest.
 */
export function wrap(...gates: Gate[]): Gate {
  const n = gates.length;
  return {
    allow(): boolean {
      for (let i = 0; i < n; i++) {
        if (!gates[i]!.allow()) {
          for (let j = i - 1; j >= 0; j--) gates[j]!.record(Outcome.CANCELLED, 0);
          return false;
        }
      }
      return true;
    },
    record(outcome: number, latency: number): void {
      for (let i = n - 1; i >= 0; i--) gates[i]!.record(outcome, latency);
    },
  };
}
