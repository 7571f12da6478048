/** Cases for what happens to the system: automation, faults, monitoring and the operators' runbook. */
import type { CaseTable, FieldCase } from "./FieldCase.js";
import { backoffCases, budgetCases, retryCases, unionCases } from "./shapeCases.js";

const storm = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "storm",
  set,
  ...(prep ? { prep } : {}),
});

/** batch keeps persistent connections to db across the edge link (so an endpoint change of db tears them down). */
const BATCH_ON_DB = {
  "fleets.batch.target": "db",
  "fleets.batch.connection": { setupTimeout: "1s", reconnect: { type: "none" } },
};
const auto = { pattern: "automation.*.action", path: "automation.scale-api.action", base: "storm" } as const;

export const AUTOMATION_CASES: CaseTable = {
  "automation.*.at": storm({ "automation.scale-api.at": "2m" }),
  "automation.*.trigger": storm({ "automation.scale-api.trigger": false }),
  ...unionCases(
    { ...auto, prep: BATCH_ON_DB },
    {
      "change-endpoints": {
        minimal: { type: "change-endpoints", service: "api" },
        alter: {
          service: "db",
          fraction: 0.3,
          over: "1m",
          shape: { with: { over: "1m" }, value: "ramp" },
        },
      },
      scale: { minimal: { type: "scale", service: "api", servers: 1 }, alter: { service: "db", servers: 3 } },
      restart: {
        minimal: { type: "restart", service: "api", duration: "30s" },
        alter: { service: "db", duration: "1m" },
      },
      load: {
        minimal: { type: "load", fleet: "clients", factor: 2 },
        alter: { fleet: "batch", factor: 0.5 },
      },
    },
  ),
  "automation.*.action<remove-capacity>": storm({
    [auto.path]: { type: "remove-capacity", link: "nat", devices: 1 },
  }),
  "automation.*.action<remove-capacity>.link": storm(
    { [auto.path]: { type: "remove-capacity", link: "nat", devices: 1 } },
    { [auto.path]: { type: "remove-capacity", link: "edge", devices: 1 } },
  ),
  "automation.*.action<remove-capacity>.devices": storm(
    { [`${auto.path}.devices`]: 2 },
    { [auto.path]: { type: "remove-capacity", link: "nat", devices: 1 } },
  ),
  "automation.*.action<remove-capacity>.service": storm(
    { [auto.path]: { type: "remove-capacity", service: "api", servers: 2 } },
    { [auto.path]: { type: "remove-capacity", link: "nat", devices: 1 } },
  ),
  "automation.*.action<remove-capacity>.servers": storm(
    { [`${auto.path}.servers`]: 3 },
    {
      [auto.path]: { type: "remove-capacity", service: "api", servers: 1 },
      "services.api.serviceTime": { type: "exponential", mean: "100ms" },
    },
  ),
  "automation.*.action<cache-loss>": {
    base: "cache",
    prep: { "automation.flush.action": { type: "load", fleet: "users", factor: 1.2 } },
    set: { "automation.flush.action": { type: "cache-loss", service: "web" } },
  },
  "automation.*.action<cache-loss>.service": {
    base: "cache",
    set: { "automation.flush.action.service": "db" },
  },
  "automation.*.action<cache-loss>.hottest": {
    base: "cache",
    set: { "automation.flush.action.hottest": 0.2 },
  },
};

export const FAULT_CASES: CaseTable = {
  "faults.*.target": storm({ "faults.db-errors.target": "api" }),
  "faults.*.start": storm({ "faults.db-errors.start": "4m" }),
  "faults.*.end": storm({ "faults.db-errors.end": "5m" }),
  "faults.*.errorRate": storm({ "faults.db-errors.errorRate": 0.2 }),
  "faults.*.addedLatency": storm({ "faults.db-errors.addedLatency": "200ms" }),
  "faults.*.capacityFactor": storm({ "faults.db-errors.capacityFactor": 0.1 }),
  "faults.*.partition": storm({ "faults.db-errors.partition": true }),
  // api's endpoint resolves to nothing during the endpoint change: the clients' new set-ups fail at once.
  "faults.*.unresolvable": storm({
    "faults.empty-record": { target: "api", start: "3m", end: "4m", unresolvable: true },
  }),
  "faults.*.trigger": storm({ "faults.db-errors.trigger": false }),
};

/** Detection only through the slow channel (no alarm ever fires). */
const NO_ALARMS = {
  "monitoring.alarms": { errorRatio: { threshold: 0.3, for: "1h" }, noData: { after: "1h" } },
};
export const MONITORING_CASES: CaseTable = {
  "monitoring.network": storm(
    { "monitoring.network": "internal" },
    { "links.nat.setupRate": "2/s", "monitoring.sources": ["api"] },
  ),
  "monitoring.sources": storm({ "monitoring.sources": ["batch"] }),
  "monitoring.interval": storm({ "monitoring.interval": "30s" }),
  "monitoring.timeout": storm({ "monitoring.timeout": "1ms" }, { "links.nat.latency": "2ms" }),
  "monitoring.via": storm({ "monitoring.via": [] }, { "links.nat.setupRate": "2/s" }),
  "monitoring.dependsOn": storm({ "monitoring.dependsOn": ["db"] }),
  "monitoring.staleAfter": storm({ "monitoring.staleAfter": "15s" }, { "monitoring.dependsOn": ["db"] }),
  "monitoring.alarms.errorRatio.threshold": storm({ "monitoring.alarms.errorRatio.threshold": 0.6 }),
  "monitoring.alarms.errorRatio.for": storm({ "monitoring.alarms.errorRatio.for": "2m" }),
  "monitoring.alarms.noData.after": storm(
    { "monitoring.alarms.noData.after": "30s" },
    { "monitoring.dependsOn": ["db"], "monitoring.alarms.errorRatio.threshold": 1 },
  ),
  "monitoring.slowChannel.delay": storm({ "monitoring.slowChannel.delay": "10s" }, NO_ALARMS),
};

const step = "operators.runbook.block-half";
const site = { pattern: "operators.runbook.*.do", path: `${step}.do`, base: "storm" } as const;
/** Breakers on both fleets, which open during the db errors. */
const BREAKERS = {
  "fleets.clients.breaker": { type: "consecutive", failures: 2, openFor: 20 },
  "fleets.batch.breaker": { type: "consecutive", failures: 2, openFor: 20 },
};
/** An automation action after the operators act (for disable-automation). */
const LATE = {
  "automation.late-load": { at: "8m", trigger: false, action: { type: "load", fleet: "clients", factor: 3 } },
};
const reroute = (traffic: unknown) => ({ type: "reroute", traffic, via: [] });
const fix = { type: "deploy-fix", fleet: "clients", retry: { maxAttempts: 1 } };
/** In the retries base: operators deploy a fix that keeps retrying as soon as they detect the errors. */
const RETRIES_FIX = {
  monitoring: { network: "app", sources: ["users"], alarms: { errorRatio: { for: "10s" } } },
  operators: {
    diagnosis: { visible: "1m", blind: "1m" },
    runbook: {
      fix: { after: "detection", do: { type: "deploy-fix", fleet: "users", retry: { maxAttempts: 4 } } },
    },
  },
};
/** Setups fail under a reconnect wave after the fix is deployed (so the fix's reconnect backoff matters). */
const RECONNECTS = {
  "links.nat.setupRate": "3/s",
  [`${step}.delay`]: "0s",
  // A second endpoint change after the fix: every client reconnects with the fixed backoff, from its first delay.
  "automation.again": { at: "6m", trigger: false, action: { type: "change-endpoints", service: "api" } },
};

export const OPERATOR_CASES: CaseTable = {
  "operators.diagnosis.visible": storm(
    { "operators.diagnosis.visible": "3m" },
    { [`${step}.after`]: "diagnosis" },
  ),
  "operators.diagnosis.blind": storm(
    { "operators.diagnosis.blind": "30s" },
    { [`${step}.after`]: "diagnosis", "monitoring.dependsOn": ["db"], "monitoring.staleAfter": "10s" },
  ),
  "operators.runbook.*.after": storm(
    { [`${step}.after`]: "look" },
    {
      "operators.runbook.look": {
        after: "detection",
        delay: "2m",
        do: { type: "rate-limit", fleet: "batch", rate: "100/s" },
      },
    },
  ),
  "operators.runbook.*.delay": storm({ [`${step}.delay`]: "1m" }),
  "operators.runbook.*.at": storm({
    [step]: { at: "4m", delay: "30s", do: { type: "block", fleet: "clients", fraction: 0.5 } },
  }),
  ...unionCases(
    { ...site, prep: { ...BREAKERS, ...LATE } },
    {
      block: {
        minimal: { type: "block", fleet: "clients", fraction: 0.5 },
        alter: { fleet: "batch", fraction: 0.9 },
      },
      "rate-limit": {
        minimal: { type: "rate-limit", fleet: "clients", rate: "2/s" },
        alter: { fleet: "batch", rate: "5/s" },
      },
      "add-capacity": {
        minimal: { type: "add-capacity", link: "nat", devices: 1 },
        alter: { link: "edge", devices: 3 },
      },
      scale: { minimal: { type: "scale", service: "api", servers: 6 }, alter: { service: "db", servers: 1 } },
      "disable-automation": {
        minimal: { type: "disable-automation", name: "late-load" },
        alter: { name: "scale-api" },
      },
      isolate: { minimal: { type: "isolate", fleet: "clients" }, alter: { fleet: "batch" } },
      "reset-breakers": { minimal: { type: "reset-breakers", fleet: "clients" }, alter: { fleet: "batch" } },
      "deploy-fix": { minimal: fix, alter: { fleet: "batch", over: "1m" } },
      reroute: { minimal: reroute({ fleet: "clients" }), alter: { via: ["nat"] } },
    },
  ),
  "operators.runbook.*.do<readmit>": storm({
    "operators.runbook.let-back.do": { type: "readmit", fleet: "clients" },
  }),
  "operators.runbook.*.do<readmit>.fleet": storm({ "operators.runbook.let-back.do.fleet": "batch" }),
  "operators.runbook.*.do<readmit>.over": storm({ "operators.runbook.let-back.do.over": "3m" }),
  // Reroute selectors: each moves different traffic off the derived route (out of band, via []).
  "operators.runbook.*.do<reroute>.traffic<class>": storm(
    { [site.path]: reroute({ class: "clients" }) },
    { [site.path]: reroute({ fleet: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<class>.class": storm(
    { [`${site.path}.traffic.class`]: "clients" },
    { [site.path]: reroute({ class: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<fleet>": storm(
    { [site.path]: reroute({ fleet: "clients" }) },
    { [site.path]: reroute({ class: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<fleet>.fleet": storm(
    { [`${site.path}.traffic.fleet`]: "clients" },
    { [site.path]: reroute({ fleet: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<dependency>": storm(
    { [site.path]: reroute({ dependency: "api.db" }) },
    { [site.path]: reroute({ fleet: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<dependency>.dependency": storm(
    { [`${site.path}.traffic.dependency`]: "api.db" },
    {
      [site.path]: reroute({ dependency: "api.db2" }),
      "services.api.dependencies.db2": { service: "db", timeout: "1s", hard: false },
    },
  ),
  "operators.runbook.*.do<reroute>.traffic<scalar>": storm(
    { [site.path]: reroute("monitoring") },
    { [site.path]: reroute({ fleet: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>": storm(
    { [site.path]: reroute([{ fleet: "clients" }]) },
    { [site.path]: reroute({ fleet: "batch" }) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<class>": storm(
    { [site.path]: reroute([{ class: "clients" }]) },
    { [site.path]: reroute([{ fleet: "batch" }]) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<class>.class": storm(
    { [`${site.path}.traffic.0.class`]: "clients" },
    { [site.path]: reroute([{ class: "batch" }]) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<fleet>": storm(
    { [site.path]: reroute([{ fleet: "clients" }]) },
    { [site.path]: reroute([{ class: "batch" }]) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<fleet>.fleet": storm(
    { [`${site.path}.traffic.0.fleet`]: "clients" },
    { [site.path]: reroute([{ fleet: "batch" }]) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<dependency>": storm(
    { [site.path]: reroute([{ dependency: "api.db" }]) },
    { [site.path]: reroute([{ fleet: "batch" }]) },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<dependency>.dependency": storm(
    { [`${site.path}.traffic.0.dependency`]: "api.db" },
    {
      [site.path]: reroute([{ dependency: "api.db2" }]),
      "services.api.dependencies.db2": { service: "db", timeout: "1s", hard: false },
    },
  ),
  "operators.runbook.*.do<reroute>.traffic<list>[]<scalar>": storm(
    { [site.path]: reroute(["monitoring"]) },
    { [site.path]: reroute([{ fleet: "batch" }]) },
  ),
  ...retryCases(
    {
      pattern: "operators.runbook.*.do<deploy-fix>.retry",
      path: `${site.path}.retry`,
      base: "storm",
      prep: { [site.path]: fix },
    },
    0.2,
    0.05,
  ),
  ...backoffCases(
    {
      pattern: "operators.runbook.*.do<deploy-fix>.reconnect",
      path: `${site.path}.reconnect`,
      base: "storm",
      prep: { [site.path]: fix, ...RECONNECTS },
    },
    0.5,
  ),
  ...budgetCases({
    pattern: "operators.runbook.*.do<deploy-fix>.budget",
    path: "operators.runbook.fix.do.budget",
    base: "retries",
    prep: RETRIES_FIX,
  }),
};
