/**
 * A validated, resolved scenario: what the loader (YAML/JSON/`defineScenario`) produces and what the model builds
 * from. Every duration is in seconds and every rate per second (the file says `250ms`, `1200/s`; the loader converts).
 * Entities are maps keyed by name so every field has an address (`fleets.internal-clients.retry.backoff`).
 *
 * Policy configs (retry, backoff, budget, breaker, limiter, queue) are the policies library's own config unions, so a
 * scenario can choose any policy the library has.
 *
 * spec/ holds these types, one file per entity, below model/ and metrics/ (which build from them) and above policies/
 * and engine/ (whose config and Distribution types they name); scenario/Scenario.ts re-exports them all.
 */
import type { AutomationSpec } from "./AutomationSpec.js";
import type { DependentSpec } from "./DependentSpec.js";
import type { FaultSpec } from "./FaultSpec.js";
import type { FleetSpec } from "./FleetSpec.js";
import type { LinkSpec } from "./LinkSpec.js";
import type { MonitoringSpec } from "./MonitoringSpec.js";
import type { NetworkSpec } from "./NetworkSpec.js";
import type { OperatorsSpec } from "./OperatorsSpec.js";
import type { ServiceSpec } from "./ServiceSpec.js";
import type { VerdictSpec } from "./VerdictSpec.js";

/** A note that labels a number as a fact (with its source) or an assumption. `path` points at the field it is about. */
export interface Note {
  text: string;
  source?: string;
  path?: string;
}

export interface VariantSpec {
  description: string;
  /** Overrides by field path, applied to the raw scenario before validation (like `--set path=value`). */
  set: Record<string, unknown>;
}

/** What the loader applied to the file to get this scenario (recorded for reports and determinism checks). */
export interface ScenarioOrigin {
  /** The file it was read from, or null for `defineScenario`. */
  file: string | null;
  /** The variant applied, or null. */
  variant: string | null;
  /** `--set` overrides applied after the variant, as given (`path -> value text`). */
  overrides: Record<string, string>;
  /** Scale factor applied by `scaleScenario` (1 = none). */
  scale: number;
}

/** The resolved scenario (see the file comment): what the model is built from. */
export interface Scenario {
  name: string;
  description: string;
  /** Wall-clock start, ISO 8601 with offset (`2021-12-07T07:00:00-08:00`); outputs count seconds from it. */
  start: string;
  /** Default run length, seconds. */
  duration: number;
  /** Metrics interval, seconds. Default 10. */
  interval: number;
  networks: Record<string, NetworkSpec>;
  links: Record<string, LinkSpec>;
  services: Record<string, ServiceSpec>;
  fleets: Record<string, FleetSpec>;
  automation: Record<string, AutomationSpec>;
  faults: Record<string, FaultSpec>;
  monitoring?: MonitoringSpec;
  operators?: OperatorsSpec;
  dependents: Record<string, DependentSpec>;
  verdict: VerdictSpec;
  variants: Record<string, VariantSpec>;
  notes: { facts: Note[]; assumptions: Note[] };
  /** How this scenario was obtained (file, variant, overrides, scale). Set by the loader. */
  origin?: ScenarioOrigin;
}
