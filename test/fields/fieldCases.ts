/**
 * The field mutation test's tables: a case for every non-metadata leaf of the scenario schema, the metadata
 * allow-list, and the known exceptions (each with its reason).
 */
import {
  DEPENDENT_CASES,
  FLEET_CASES,
  LINK_CASES,
  SERVICE_CASES,
  TOP_CASES,
  VERDICT_CASES,
} from "./entityCases.js";
import type { CaseTable } from "./FieldCase.js";
import { AUTOMATION_CASES, FAULT_CASES, MONITORING_CASES, OPERATOR_CASES } from "./operationCases.js";

export const CASES: CaseTable = {
  ...TOP_CASES,
  ...LINK_CASES,
  ...SERVICE_CASES,
  ...FLEET_CASES,
  ...AUTOMATION_CASES,
  ...FAULT_CASES,
  ...MONITORING_CASES,
  ...OPERATOR_CASES,
  ...DEPENDENT_CASES,
  ...VERDICT_CASES,
};

/** Leaves that are pure metadata: labels and prose for people, never read by the model. */
export const METADATA: Record<string, string> = {
  $schema: "an editor hint, ignored by stampede",
  format:
    "the file format's version: 2 (the only one read) or absent; 1 is refused with how to migrate (scenarioFormat.test.ts)",
  name: "the scenario's label (echoed as summary.scenario)",
  description: "prose",
  "networks.*<description>": "a network is a name: {} and null declare the same network",
  "networks.*<description>.description": "prose",
  "networks.*<scalar>": "a network is a name: null and {} declare the same network",
  "services.*.description": "prose",
  "fleets.*.description": "prose",
  "dependents.*.description": "prose",
  "variants.*.description": "prose shown by describe",
  "notes.facts[].text": "prose",
  "notes.facts[].source": "a citation",
  "notes.facts[].path": "which field a note is about",
  "notes.assumptions[].text": "prose",
  "notes.assumptions[].source": "a citation",
  "notes.assumptions[].path": "which field a note is about",
};

/** Leaves that change nothing in a plain run, each with the reason and where it is covered instead. */
export const KNOWN_EXCEPTIONS: Record<string, string> = {
  "variants.*.set.*":
    "a variant's overrides apply only when the variant is chosen (--variant); covered by src/scenario/loadScenario.test.ts and overrides.test.ts",
  ...Object.fromEntries(
    ["", ".budgetPercent", ".minRetryConcurrency"].map((f) => [
      `fleets.*.connection.budget<envoy>${f}`,
      "refused by validation (crossCheck): an envoy budget limits concurrent retries; a client has one set-up at a time",
    ]),
  ),
  ...Object.fromEntries(
    ["", ".beta", ".scale", ".minRate", ".smooth"].map((f) => [
      `fleets.*.connection.budget<aws-adaptive>${f}`,
      "refused by validation (crossCheck): an aws-adaptive throttle reacts only to throttled answers; set-ups get none",
    ]),
  ),
  "fleets.*.connection.budget<aws-standard>.retryCost":
    "a failed set-up is a timeout, priced by timeoutRetryCost (its case changes the run); retryCost prices error answers, which set-ups never get",
  "fleets.*.connection.budget<aws-standard>.noRetryIncrement":
    "refunds a first set-up that succeeds; a client's quota is below its maximum only after failed set-ups, and then its next success is a retry's (which refunds the retry cost instead)",
};

// A known exception has no case (the shape generators make one for every leaf of a shared shape).
for (const leaf of Object.keys(KNOWN_EXCEPTIONS)) delete CASES[leaf];
