import { makeBudget } from "../budget/makeBudget.js";
import type { BudgetCase } from "./budgetConformance.js";

/** Every budget type, sized in units of the driver's clock. */
export const budgetCases: BudgetCase[] = [
  {
    name: "none",
    make: (d) => makeBudget({ type: "none" }, d.clock, d.rng("b")),
    gatesFirstAttempts: false,
    canReject: false,
    recoveryUnits: 0,
  },
  {
    name: "grpc",
    make: (d) => makeBudget({ type: "grpc", maxTokens: 10, tokenRatio: 0.1 }, d.clock, d.rng("b")),
    gatesFirstAttempts: false,
    canReject: true,
    recoveryUnits: 0,
  },
  {
    name: "aws-standard",
    make: (d) => makeBudget({ type: "aws-standard" }, d.clock, d.rng("b")),
    gatesFirstAttempts: false,
    canReject: true,
    recoveryUnits: 0,
  },
  {
    name: "envoy",
    make: (d) => makeBudget({ type: "envoy" }, d.clock, d.rng("b")),
    gatesFirstAttempts: false,
    canReject: true,
    recoveryUnits: 0,
  },
  {
    name: "ratio",
    make: (d) =>
      makeBudget(
        { type: "ratio", ratio: 0.2, minRetriesPerSecond: 2 / d.unit, window: 10 * d.unit, buckets: 10 },
        d.clock,
        d.rng("b"),
      ),
    gatesFirstAttempts: false,
    canReject: true,
    recoveryUnits: 11,
  },
  {
    name: "finagle",
    make: (d) =>
      makeBudget(
        { type: "finagle", ttl: 10 * d.unit, minRetriesPerSec: 2 / d.unit, percentCanRetry: 0.2 },
        d.clock,
        d.rng("b"),
      ),
    gatesFirstAttempts: false,
    canReject: true,
    recoveryUnits: 11,
  },
  {
    name: "sre-adaptive",
    make: (d) => makeBudget({ type: "sre-adaptive", window: 10 * d.unit, buckets: 10 }, d.clock, d.rng("b")),
    gatesFirstAttempts: true,
    canReject: true,
    recoveryUnits: 11,
  },
  {
    name: "aws-adaptive",
    make: (d) => makeBudget({ type: "aws-adaptive", minRate: 2 / d.unit }, d.clock, d.rng("b")),
    gatesFirstAttempts: true,
    canReject: true,
    recoveryUnits: 3,
  },
];
