import type { BackoffConfig } from "../policies/backoff/Backoff.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import type { RetryConfig } from "../policies/retry/RetryPolicy.js";

/**
 * Which traffic a reroute moves: `monitoring` (telemetry), `{ class }` (every fleet whose `trafficClass` is it),
 * `{ fleet }` (one fleet) or `{ dependency: "SERVICE.KEY" }` (one dependency call of a service).
 */
export type TrafficSelector = "monitoring" | { class: string } | { fleet: string } | { dependency: string };

export type OperatorActionSpec =
  | { type: "reroute"; traffic: TrafficSelector | TrafficSelector[]; via: string[] }
  | { type: "block"; fleet: string; fraction: number }
  | { type: "readmit"; fleet: string; over: number }
  | { type: "rate-limit"; fleet: string; rate: number }
  | { type: "add-capacity"; link: string; devices: number }
  | { type: "scale"; service: string; servers: number }
  | { type: "disable-automation"; name: string }
  /** Holds every circuit breaker of the fleet open (its clients refuse locally) until `reset-breakers`. */
  | { type: "isolate"; fleet: string }
  /** Closes every circuit breaker of the fleet and forgets its history. */
  | { type: "reset-breakers"; fleet: string }
  | {
      type: "deploy-fix";
      fleet: string;
      retry?: RetryConfig;
      reconnect?: BackoffConfig;
      budget?: BudgetConfig;
      over: number;
    };

export interface OperatorStepSpec {
  /**
   * What starts the clock of this step: detection, diagnosis, `sustained` (the first metrics interval wholly after
   * every fault ended in which an impact is still seen: the outage outlived its trigger), `sustained-diagnosis`
   * (diagnosis accrued afresh from `sustained`, at the same rates), or the completion of another step (by name).
   * Exactly one of `after` and `at`.
   */
  after?: string;
  /**
   * A fixed time instead: seconds from the start, or a clock time `HH:MM[:SS]` on the start's clock (its first
   * occurrence at or after the start). Such a step is carried out whatever monitoring shows.
   */
  at?: number | string;
  /** Delay after that, seconds (labelled as an assumption in notes). */
  delay: number;
  do: OperatorActionSpec;
}

export interface OperatorsSpec {
  /**
   * Diagnosis (knowing the cause) accrues while operators look: it needs `visible` seconds of time with fresh
   * monitoring, or `blind` seconds with stale monitoring, or a mix in proportion.
   */
  diagnosis: { visible: number; blind: number };
  runbook: Record<string, OperatorStepSpec>;
}
