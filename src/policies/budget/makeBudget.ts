import type { Clock } from "../../core/Clock.js";
import type { Rng } from "../../core/Rng.js";
import { typeOf } from "../config.js";
import { type AwsAdaptiveConfig, AwsAdaptiveRateLimiter } from "./AwsAdaptiveRateLimiter.js";
import { type AwsStandardConfig, AwsStandardQuota } from "./AwsStandardQuota.js";
import type { Budget, BudgetType } from "./Budget.js";
import { type EnvoyBudgetConfig, EnvoyRetryBudget } from "./EnvoyRetryBudget.js";
import { type FinagleBudgetConfig, FinagleRetryBudget } from "./FinagleRetryBudget.js";
import { GrpcRetryThrottle, type GrpcThrottleConfig } from "./GrpcRetryThrottle.js";
import { RatioBudget, type RatioBudgetConfig } from "./RatioBudget.js";
import { type SreAdaptiveConfig, SreAdaptiveThrottle } from "./SreAdaptiveThrottle.js";
import { type NoBudgetConfig, UnlimitedBudget } from "./UnlimitedBudget.js";

/** Every budget config, discriminated by `type`. */
export type BudgetConfig =
  | NoBudgetConfig
  | GrpcThrottleConfig
  | AwsStandardConfig
  | EnvoyBudgetConfig
  | RatioBudgetConfig
  | FinagleBudgetConfig
  | SreAdaptiveConfig
  | AwsAdaptiveConfig;

/** The budget types `makeBudget` knows. */
export const BUDGET_TYPES: readonly BudgetType[] = [
  "none",
  "grpc",
  "aws-standard",
  "envoy",
  "ratio",
  "finagle",
  "sre-adaptive",
  "aws-adaptive",
];

/** Builds a budget from a plain config. Throws `E_POLICY_CONFIG` (with the field's path) on invalid input. */
export function makeBudget(config: BudgetConfig, clock: Clock, rng: Rng, path = "budget"): Budget {
  const type = typeOf(path, config, BUDGET_TYPES);
  switch (type) {
    case "none":
      return new UnlimitedBudget();
    case "grpc":
      return new GrpcRetryThrottle(config as GrpcThrottleConfig, path);
    case "aws-standard":
      return new AwsStandardQuota(config as AwsStandardConfig, path);
    case "envoy":
      return new EnvoyRetryBudget(config as EnvoyBudgetConfig, path);
    case "ratio":
      return new RatioBudget(config as RatioBudgetConfig, clock, path);
    case "finagle":
      return new FinagleRetryBudget(config as FinagleBudgetConfig, clock, path);
    case "sre-adaptive":
      return new SreAdaptiveThrottle(config as SreAdaptiveConfig, clock, rng, path);
    case "aws-adaptive":
      return new AwsAdaptiveRateLimiter(config as AwsAdaptiveConfig, clock, path);
  }
}
