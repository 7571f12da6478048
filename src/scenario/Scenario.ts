/**
 * The resolved scenario's types, re-exported from `spec/` (where they live so that model/ and metrics/, below this
 * layer, can read them). Import from here in scenario/ and above; from `../spec/*.js` below.
 */
export type { AutomationAction, AutomationSpec } from "../spec/AutomationSpec.js";
export type { CacheSpec } from "../spec/CacheSpec.js";
export type { DependencySpec } from "../spec/DependencySpec.js";
export type { DependencyRef, DependentSpec } from "../spec/DependentSpec.js";
export type { DistributionFactory, DistributionSpec } from "../spec/DistributionSpec.js";
export type { FaultSpec } from "../spec/FaultSpec.js";
export type { ConnectionSpec, FleetSpec, LoadSpec } from "../spec/FleetSpec.js";
export type { HealthCheckSpec } from "../spec/HealthCheckSpec.js";
export type { LinkSpec } from "../spec/LinkSpec.js";
export type { MonitoringSpec } from "../spec/MonitoringSpec.js";
export type { NetworkSpec } from "../spec/NetworkSpec.js";
export type {
  OperatorActionSpec,
  OperatorStepSpec,
  OperatorsSpec,
  TrafficSelector,
} from "../spec/OperatorsSpec.js";
export type { Note, Scenario, ScenarioOrigin, VariantSpec } from "../spec/Scenario.js";
export type { DegradationSpec, RestartSpec, ServiceSpec } from "../spec/ServiceSpec.js";
export type { VerdictSpec } from "../spec/VerdictSpec.js";
