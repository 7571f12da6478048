/**
 * The fluid side of the field mutation test: each case's base is made acceptable to the fluid engine first
 * (FLUID_PREP: the least change that removes what the base has and the fluid refuses), then the case runs on the fluid
 * engine, or must be refused by checkFluid with a refusal that names the field (or the object that holds it).
 */
import { runScenario } from "../../src/experiments/runScenario.js";
import { checkFluid, type FluidRefusal } from "../../src/fluid/checkFluid.js";
import { defineScenario, type RawScenario } from "../../src/scenario/index.js";
import type { BaseName } from "./bases.js";
import type { FieldCase } from "./FieldCase.js";
import { rawWith, type Settings } from "./runCase.js";

/** Per base, what makes it run on the fluid engine (applied before the case's own prep and set). */
export const FLUID_PREP: Record<BaseName, Settings> = {
  // The api's db calls retry once (a dependency retry): the fluid engine has single-attempt dependency calls.
  // and the batch fleet is a closed loop: here an open one.
  storm: {
    "services.api.dependencies.db.retry": undefined,
    "fleets.batch.load": { type: "open", rate: "0.5/s" },
  },
  retries: { "services.svc.dependencies.store.retry": undefined },
  // Minimum capacity, full restarts and cold starts are refused.
  restarts: {
    "services.index.minServers": undefined,
    "services.index.restart": undefined,
    "services.index.degradation.coldFactor": undefined,
  },
  // Caches are refused: the base keeps its three tiers without them.
  cache: { "services.web.cache": undefined, "services.db.cache": undefined, "automation.flush": undefined },
  // Leases are refused (every case of this base is about them); the DNS fault becomes a partition.
  leases: { "faults.empty-record": { target: "store", start: "1m", end: "3m", partition: true } },
};

/**
 * The storm base's db fault at an error rate that puts the db out on the fluid run (a success ratio below
 * `verdict.outageRatio`, 0.5): at the base's 0.5 the fluid ratio sits exactly on it, and only the event engine's noise
 * takes it under. What reads the db's outage (monitoring's `dependsOn`) then acts from 3 m to 6 m.
 */
const DB_OUT = { "faults.db-errors.errorRate": 0.8 } as const;
/** Monitoring stores its data in the db: telemetry is lost while the db is out, so monitoring goes stale. */
const MONITORING_LOST = { ...DB_OUT, "monitoring.dependsOn": ["db"] } as const;
/** The storm base's verdict close to its thresholds (entityCases' `judged`). */
const JUDGED = {
  "verdict.metastableAfter": "1m",
  "verdict.recoveredFor": "1m",
  "verdict.metastableRatio": 0.9,
} as const;

/**
 * Cases replaced on the fluid side: the event engine's case relies on noise or an outage the fluid run of that case
 * never shows, so the fluid side gets a context where the field acts on a mean-field run (same leaf, same `set`).
 */
export const FLUID_CASES: Record<string, FieldCase> = {
  // The db goes out, so telemetry stored in it is lost: the dashboards go stale and the metric alarm never fires.
  "monitoring.dependsOn": { base: "storm", prep: DB_OUT, set: { "monitoring.dependsOn": ["db"] } },
  // Telemetry is lost from 3 m to 6 m: stale after 15 s, monitoring is blind 45 s sooner than with the default 60 s.
  "monitoring.staleAfter": { base: "storm", prep: MONITORING_LOST, set: { "monitoring.staleAfter": "15s" } },
  // No metric alarm (threshold 1) and telemetry lost from 3 m: the no-data alarm detects after 30 s, the default
  // 5 min never comes before telemetry returns.
  "monitoring.alarms.noData.after": {
    base: "storm",
    prep: { ...MONITORING_LOST, "monitoring.alarms.errorRatio.threshold": 1 },
    set: { "monitoring.alarms.noData.after": "30s" },
  },
  // Detected by the no-data alarm (30 s) while monitoring is blind (stale after 10 s): the diagnosis accrues at the
  // blind rate. Blind for 30 s, it is diagnosed at 4 min and the block anchored on it runs; blind for the base's 3 min,
  // it is diagnosed after the fault ended, on a healthy system, and the block is skipped.
  "operators.diagnosis.blind": {
    base: "storm",
    prep: {
      ...MONITORING_LOST,
      "monitoring.staleAfter": "10s",
      "monitoring.alarms.noData.after": "30s",
      "operators.runbook.block-half.after": "diagnosis",
    },
    set: { "operators.diagnosis.blind": "30s" },
  },
  // The fluid goodput before the trigger is flat, so the baseline window's length cannot matter; a load drop at 1 m
  // (not a trigger) makes the last minute before the trigger (3 m) differ from the default window (all 3 minutes).
  "verdict.baselineWindow": {
    base: "storm",
    prep: {
      ...JUDGED,
      "automation.early-drop": {
        at: "1m",
        trigger: false,
        action: { type: "load", fleet: "clients", factor: 0.8 },
      },
    },
    set: { "verdict.baselineWindow": "1m" },
  },
  // The fluid goodput after the storm is flat, so the metastable window's length cannot matter; a load drop inside
  // the default window (8m30s) but outside a 10 s one makes it count.
  "verdict.metastableWindow": {
    base: "storm",
    prep: {
      ...JUDGED,
      "automation.late-drop": { at: "8m30s", action: { type: "load", fleet: "clients", factor: 0.5 } },
    },
    set: { "verdict.metastableWindow": "10s" },
  },
};

/** The case the fluid side runs for `leaf` (FLUID_CASES first). */
export function fluidCaseOf(leaf: string, cases: Record<string, FieldCase>): FieldCase | undefined {
  return FLUID_CASES[leaf] ?? cases[leaf];
}

/** Steps per smallest timeout in this test (the engine's default is 10). */
export const FLUID_TEST_BINS = 2;

/** The fluid outcome of a raw scenario: refused (with the refusals) or the run as one string. */
export type FluidOutcome = { refused: FluidRefusal[] } | { run: string };

export function fluidOutcome(raw: RawScenario, until?: number): FluidOutcome {
  const scenario = defineScenario(raw);
  const refused = checkFluid(scenario);
  if (refused.length > 0) return { refused };
  // Two steps per smallest timeout: the test asks whether a field reaches the result, not how accurately.
  const options = {
    engine: "fluid" as const,
    bins: FLUID_TEST_BINS,
    memoryInUse: () => 0,
    ...(until === undefined ? {} : { until }),
  };
  const { summary, series } = runScenario(scenario, options);
  const { timing: _t, scenarioHash: _h, ...rest } = summary;
  return { run: JSON.stringify([rest, series]) };
}

/**
 * The raw scenarios (before, after) of a case on the fluid side: base, FLUID_PREP, the case's prep, and its set. A
 * case that sets a field inside what FLUID_PREP removes (a closed load's think time, the cache-loss action) is not
 * valid on top of it: then both keep the base as it is (and are refused for what the case exercises).
 */
export function fluidRaws(c: FieldCase): [RawScenario, RawScenario] {
  const after = rawWith(c.base, FLUID_PREP[c.base], c.prep, c.set);
  try {
    defineScenario(after);
    return [rawWith(c.base, FLUID_PREP[c.base], c.prep), after];
  } catch {
    return [rawWith(c.base, c.prep), rawWith(c.base, c.prep, c.set)];
  }
}

/** True when the refusal's field is one of `paths` or holds one of them (or lies inside one). */
export function names(r: FluidRefusal, paths: readonly string[]): boolean {
  return paths.some((p) => p === r.path || p.startsWith(`${r.path}.`) || r.path.startsWith(`${p}.`));
}
