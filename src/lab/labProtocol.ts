/**
 * The messages between the lab's parent process (runLab) and its children (the service and the client processes),
 * over the children's IPC channel. Every duration here is already compressed (wall seconds), every rate per wall
 * second.
 */
import type { BackoffConfig, RetryConfig } from "@stampede-sim/policies";
import type { DistributionSpec } from "../spec/DistributionSpec.js";

/** What a client process runs: clients `[first, first + count)` of one fleet. */
export interface ClientsJob {
  fleet: string;
  first: number;
  count: number;
  seed: number;
  /** One proxy frontend port per device; client i uses `ports[i % ports.length]` (connections are sticky). */
  ports: number[];
  /** Wall seconds: the per-attempt timeout, the setup timeout (also the TCP connect timeout). */
  timeout: number;
  setupTimeout: number;
  think: DistributionSpec;
  retry: RetryConfig;
  reconnect: BackoffConfig;
  /** Wall milliseconds between two interval reports. */
  reportMs: number;
  /** Connection set-ups per wall second this process starts during the warm-up. */
  warmupRate: number;
  /** Time compression (durations divided by it): distributions are drawn in scenario seconds and divided. */
  speed: number;
}

/** The counters a client process reports for one interval (counts, and latencies of successes in wall seconds). */
export interface ClientCounts {
  firstAttempts: number;
  attempts: number;
  setupAttempts: number;
  setupOk: number;
  successes: number;
  timeouts: number;
  errors: number;
  latencies: number[];
}

export type ParentToChild = { type: "go" } | { type: "change-endpoints" } | { type: "stop" };

export type ChildToParent =
  | { type: "ready" }
  | { type: "counts"; counts: ClientCounts; lagP99Ms: number; driftMs: number; cpuSeconds: number }
  | { type: "failure"; code: string; message: string };

/** What the service process runs. */
export interface ServiceJob {
  servers: number;
  queueLimit: number;
  serviceTime: DistributionSpec;
  seed: number;
  speed: number;
}

export function emptyCounts(): ClientCounts {
  return {
    firstAttempts: 0,
    attempts: 0,
    setupAttempts: 0,
    setupOk: 0,
    successes: 0,
    timeouts: 0,
    errors: 0,
    latencies: [],
  };
}
