/**
 * Cases for the scenario's own fields (top level, links, services, fleets, dependents, verdict), each on the base
 * that exercises it. Shared shapes (distributions, policies) come from `shapeCases.ts`.
 */
import type { CaseTable, FieldCase } from "./FieldCase.js";
import {
  backoffCases,
  breakerCases,
  budgetCases,
  distributionCases,
  retryCases,
  unionCases,
} from "./shapeCases.js";

const storm = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "storm",
  set,
  ...(prep ? { prep } : {}),
});
const retries = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "retries",
  set,
  ...(prep ? { prep } : {}),
});
const restarts = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "restarts",
  set,
  ...(prep ? { prep } : {}),
});
const leases = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "leases",
  set,
  ...(prep ? { prep } : {}),
});
const cache = (set: FieldCase["set"], prep?: FieldCase["prep"]): FieldCase => ({
  base: "cache",
  set,
  ...(prep ? { prep } : {}),
});

/** Setups fail in the storm (too little setup capacity for a reconnect wave): reconnect backoffs matter. */
const SETUPS_FAIL = { "links.nat.setupRate": "2/s" };
/** The restarts base with placement supervised too (minimum capacity, restart, its own removal). */
const PLACEMENT_SUPERVISED = {
  "services.placement.minServers": 2,
  "services.placement.restart": { base: "30s" },
  "automation.remove-placement": {
    at: "2m",
    action: { type: "remove-capacity", service: "placement", servers: 2 },
  },
};

export const TOP_CASES: CaseTable = {
  start: storm({ start: "2024-06-01T12:00:00+02:00" }),
  duration: storm({ duration: "8m" }),
  interval: storm({ interval: "5s" }),
};

export const LINK_CASES: CaseTable = {
  // Swapping the networks two links join moves the traffic whose route is derived from them.
  "links.*.between": storm({
    "links.nat.between": ["dmz", "main"],
    "links.edge.between": ["internal", "main"],
  }),
  "links.*.devices": storm({ "links.nat.devices": 3 }),
  "links.*.forwardRate": storm({ "links.nat.forwardRate": "30/s" }),
  "links.*.setupRate": storm({ "links.nat.setupRate": "3/s" }),
  "links.*.buffer": storm({ "links.nat.buffer": 5 }, SETUPS_FAIL),
  "links.*.latency<scalar>": storm({ "links.nat.latency": "20ms" }),
  // A dropped setup is sent again within its timeout instead of waiting for it (setups fail in this case).
  "links.*.setupRetransmit": storm({ "links.nat.setupRetransmit": "200ms" }, SETUPS_FAIL),
  // Requests no longer wait behind setups in the devices' buffer (setups fail and fill it in this case).
  "links.*.queues": storm({ "links.nat.queues": "separate" }, SETUPS_FAIL),
  ...distributionCases({ pattern: "links.*.latency", path: "links.nat.latency", base: "storm" }, 0.005),
};

/** api fails outright for two minutes (its dependents see it out). */
const API_DOWN = { "faults.api-down": { target: "api", start: "2m", end: "4m", errorRate: 1 } };
const svc = "services.svc";
/** In the retries base: a second, sheddable fleet on svc. */
const SHEDDABLE_BULK = {
  "fleets.bulk": {
    network: "app",
    target: "svc",
    clients: 10,
    load: { type: "open", rate: "1/s" },
    timeout: "500ms",
    retry: { maxAttempts: 2 },
    criticality: "sheddable",
  },
};
const lease = "services.manager.leases";
/** The leases base: the manager's leases lapse while store is unreachable (1m to 3m) and are re-established. */
const LEASE_CASES: CaseTable = {
  "services.*.leases.count": leases({ [`${lease}.count`]: 30 }),
  "services.*.leases.renewEvery": leases({ [`${lease}.renewEvery`]: "15s" }),
  "services.*.leases.via": leases({ [`${lease}.via`]: "other" }),
  "services.*.leases.resource": leases({ [`${lease}.resource`]: "manager" }),
  "services.*.leases.timeout": leases({ [`${lease}.timeout`]: "3s" }),
  // lapsed leases wait for store instead of running (and wasting) jobs during its outage
  "services.*.leases.waitForVia": leases({ [`${lease}.waitForVia`]: true }),
  ...distributionCases({ pattern: "services.*.leases.ttl", path: `${lease}.ttl`, base: "leases" }, 20),
  ...distributionCases({ pattern: "services.*.leases.work", path: `${lease}.work`, base: "leases" }, 0.3),
  ...backoffCases({ pattern: "services.*.leases.requeue", path: `${lease}.requeue`, base: "leases" }, 2),
  // A small backlog (3 jobs) drops re-establishments (throttled), which the adaptive throttles react to.
  ...budgetCases({
    pattern: "services.*.leases.budget",
    path: `${lease}.budget`,
    base: "leases",
    prep: { "services.manager.queueLimit": 3 },
  }),
  // retryCost prices retries after throttles (drops by the full backlog): timeouts made cheap, so that jobs keep coming.
  "services.*.leases.budget<aws-standard>.retryCost": leases(
    { [`${lease}.budget.retryCost`]: 50 },
    {
      "services.manager.queueLimit": 3,
      [`${lease}.budget`]: { type: "aws-standard", quota: 100, timeoutRetryCost: 1 },
    },
  ),
};
export const SERVICE_CASES: CaseTable = {
  "services.*.network": storm({ "services.db.network": "main" }),
  "services.*.servers": storm({ "services.api.servers": 1 }),
  "services.*.queueLimit": retries({ [`${svc}.queueLimit`]: 3 }),
  "services.*.cancelAbandoned": retries({ [`${svc}.cancelAbandoned`]: true }),
  "services.*.cancelAt": retries({ [`${svc}.cancelAt`]: "timeout" }, { [`${svc}.cancelAbandoned`]: true }),
  "services.*.processorSharing.concurrency": retries(
    { [`${svc}.processorSharing.concurrency`]: 1 },
    { [`${svc}.processorSharing`]: {} },
  ),
  ...unionCases(
    { pattern: "services.*.queue", path: `${svc}.queue`, base: "retries" },
    {
      fifo: { minimal: { type: "fifo" }, alter: { maxWait: 0.05 } },
      lifo: { minimal: { type: "lifo" }, alter: { maxWait: 0.05 } },
      "adaptive-lifo": {
        minimal: { type: "adaptive-lifo" },
        alter: { target: 0.05, interval: 0.5, maxWait: 0.05 },
      },
      codel: { minimal: { type: "codel" }, alter: { target: 0.05, interval: 0.5 } },
      "rpc-codel": {
        minimal: { type: "rpc-codel" },
        alter: { target: 0.05, interval: 0.5, shortTimeout: 0.02, longTimeout: 0.05 },
      },
    },
  ),
  // A criticality queue orders by the fleets' criticality: a sheddable fleet shares the service with users.
  "services.*.queue<criticality>": retries({ [`${svc}.queue`]: { type: "criticality" } }, SHEDDABLE_BULK),
  "services.*.queue<criticality>.maxWait": retries(
    { [`${svc}.queue.maxWait`]: 0.05 },
    { ...SHEDDABLE_BULK, [`${svc}.queue`]: { type: "criticality" } },
  ),
  "services.*.degradation.perQueued": restarts({ "services.index.degradation.perQueued": 0.1 }),
  "services.*.degradation.maxFactor": restarts({ "services.index.degradation.maxFactor": 1.1 }),
  "services.*.degradation.coldFactor": restarts({ "services.index.degradation.coldFactor": 5 }),
  "services.*.degradation.warmup": restarts({ "services.index.degradation.warmup": "8m" }),
  "services.*.cache.dependency": cache(
    { "services.web.cache.dependency": "db2" },
    { "services.web.dependencies.db2": { service: "disk", timeout: "500ms" } },
  ),
  "services.*.cache.keys": cache({ "services.web.cache.keys": 2000 }),
  "services.*.cache.zipf": cache({ "services.web.cache.zipf": 0.3 }),
  "services.*.cache.ttl": cache({ "services.web.cache.ttl": "5s" }),
  "services.*.cache.coalesce": cache({ "services.web.cache.coalesce": true }),
  "services.*.dependencies.*.service": storm(
    { "services.api.dependencies.db.service": "db2" },
    {
      "services.db2": {
        network: "dmz",
        servers: 1,
        serviceTime: { type: "exponential", mean: "30ms" },
        queueLimit: 5,
      },
    },
  ),
  "services.*.dependencies.*.hard": retries({ [`${svc}.dependencies.store.hard`]: false }),
  "services.*.dependencies.*.timeout": retries({ [`${svc}.dependencies.store.timeout`]: "15ms" }),
  // Processor sharing keeps many calls in flight on 2 servers: a pool of 1 per server (2 in all) makes them wait.
  "services.*.dependencies.*.pool.size": retries(
    { [`${svc}.dependencies.store.pool.size`]: 1 },
    { [`${svc}.processorSharing`]: {}, [`${svc}.dependencies.store.pool`]: { size: 100 } },
  ),
  // Every request of the retries base's svc writes one key: conflicts within the window fail (and are retried).
  "services.*.contention.keys": retries(
    { [`${svc}.contention.keys`]: 50 },
    { [`${svc}.contention`]: { keys: 1, conflictWindow: "50ms" } },
  ),
  "services.*.contention.conflictWindow": retries(
    { [`${svc}.contention.conflictWindow`]: "5ms" },
    { [`${svc}.contention`]: { keys: 1, conflictWindow: "50ms" } },
  ),
  // A stock of 10 units runs out within seconds of the retries base's load; 500 units last longer.
  "services.*.stock.units": retries({ [`${svc}.stock.units`]: 500 }, { [`${svc}.stock`]: { units: 10 } }),
  "services.*.dependencies.*.via": storm({ "services.api.dependencies.db.via": [] }),
  ...retryCases(
    { pattern: "services.*.dependencies.*.retry", path: `${svc}.dependencies.store.retry`, base: "retries" },
    0.05,
    0.01,
  ),
  ...budgetCases({
    pattern: "services.*.dependencies.*.budget",
    path: `${svc}.dependencies.store.budget`,
    base: "retries",
  }),
  ...breakerCases(
    {
      pattern: "services.*.dependencies.*.breaker",
      path: `${svc}.dependencies.store.breaker`,
      base: "retries",
    },
    0.01,
  ),
  "services.*.minServers": restarts({ "services.index.minServers": 2 }),
  "services.*.restart.base": restarts({ "services.index.restart.base": "3m" }),
  "services.*.restart.perItem": restarts({ "services.index.restart.perItem": "3ms" }),
  "services.*.restart.items": restarts({ "services.index.restart.items": 10000 }),
  "services.*.restart.waitForDependencies": restarts(
    { "services.placement.restart.waitForDependencies": false },
    PLACEMENT_SUPERVISED,
  ),
  "services.*.cells": restarts({ "services.index.cells": 2 }),
  "services.*.healthCheck.failAfter": restarts(
    { "services.placement.healthCheck.failAfter": "3m" },
    { "services.placement.healthCheck": { failAfter: "1m", replace: "30s" } },
  ),
  "services.*.healthCheck.replace": restarts(
    { "services.placement.healthCheck.replace": "2m" },
    { "services.placement.healthCheck": { failAfter: "1m", replace: "30s" } },
  ),
  "services.*.healthCheck.concurrent": restarts(
    { "services.placement.healthCheck.concurrent": 3 },
    { "services.placement.healthCheck": { failAfter: "1m", replace: "30s" } },
  ),
  "services.*.healthCheck.minHealthy": restarts(
    { "services.placement.healthCheck.minHealthy": 1 },
    { "services.placement.healthCheck": { failAfter: "1m", replace: "30s", concurrent: 2 } },
  ),
  // A control-plane service's outage spares the dependents that rely on its data plane.
  "services.*.plane": storm(
    { "services.api.plane": "control" },
    { ...API_DOWN, "dependents.shop.requires.0.of.0": { service: "api", plane: "data" } },
  ),
  ...distributionCases(
    { pattern: "services.*.serviceTime", path: `${svc}.serviceTime`, base: "retries" },
    0.04,
  ),
  // The storm base's clients reconnect to api through the NAT after the endpoint change at 3m.
  ...distributionCases(
    { pattern: "services.*.connectionCost", path: "services.api.connectionCost", base: "storm" },
    0.05,
  ),
  ...distributionCases({ pattern: "services.*.errorTime", path: `${svc}.errorTime`, base: "retries" }, 0.05),
  ...LEASE_CASES,
};

/** `fleets.*.connection.budget` cases: per budget type, the NAT context in which that type's parameters matter. */
function setupBudgetCases(): CaseTable {
  const site = (prep: Record<string, unknown>) => ({
    pattern: "fleets.*.connection.budget",
    path: "fleets.clients.connection.budget",
    base: "storm" as const,
    prep,
  });
  const few = budgetCases(site(SETUPS_FAIL));
  const shallow = budgetCases(site({ "links.nat.setupRate": "3/s", "links.nat.buffer": 5 }));
  const fast = budgetCases(
    site({
      "links.nat.setupRate": "6/s",
      "links.nat.buffer": 5,
      "fleets.clients.connection.setupTimeout": "300ms",
    }),
  );
  const out: CaseTable = {};
  for (const leaf of Object.keys(few)) {
    out[leaf] = leaf.includes("<grpc>")
      ? shallow[leaf]!
      : leaf.includes("<finagle>")
        ? fast[leaf]!
        : few[leaf]!;
  }
  // Their neighbours in the union (envoy, aws-adaptive) are refused for set-ups: switch from another type.
  for (const [type, from] of [
    ["aws-standard", { type: "grpc", maxTokens: 10, tokenRatio: 0.1 }],
    ["sre-adaptive", { type: "ratio", ratio: 0.3, minRetriesPerSecond: 0 }],
  ] as const) {
    const leaf = `fleets.*.connection.budget<${type}>`;
    out[leaf] = { ...few[leaf]!, prep: { ...few[leaf]!.prep, "fleets.clients.connection.budget": from } };
  }
  // A window of retries: 0.5 retries/s per client, 2 s or 10 s wide; a client tries once per setup timeout (1 s).
  const perSecond = { type: "ratio", ratio: 0, minRetriesPerSecond: 0.5 };
  out["fleets.*.connection.budget<ratio>.window"] = {
    base: "storm",
    prep: { ...SETUPS_FAIL, "fleets.clients.connection.budget": { ...perSecond, window: 10 } },
    set: { "fleets.clients.connection.budget.window": 2 },
  };
  out["fleets.*.connection.budget<ratio>.buckets"] = {
    base: "storm",
    prep: { ...SETUPS_FAIL, "fleets.clients.connection.budget": { ...perSecond, window: 10 } },
    set: { "fleets.clients.connection.budget.buckets": 2 },
  };
  return out;
}

const users = "fleets.users";
const ONOFF = { type: "onoff", on: "10s", off: "10s" };
const MMPP = { type: "mmpp", factors: [0.5, 2], sojourns: ["10s", "10s"] };
export const FLEET_CASES: CaseTable = {
  "fleets.*.network": storm({ "fleets.batch.network": "main" }),
  "fleets.*.target": storm({ "fleets.batch.target": "db" }),
  "fleets.*.clients": storm({ "fleets.clients.clients": 20 }),
  "fleets.*.load<open>": storm({ "fleets.batch.load": { type: "open", rate: "0.5/s" } }),
  "fleets.*.load<open>.rate": storm({ "fleets.clients.load.rate": "0.8/s" }),
  "fleets.*.load<closed>": storm({
    "fleets.clients.load": { type: "closed", think: { type: "exponential", mean: "2s" } },
  }),
  ...distributionCases(
    { pattern: "fleets.*.load<closed>.think", path: "fleets.batch.load.think", base: "storm" },
    2,
  ),
  "fleets.*.timeout": retries({ [`${users}.timeout`]: "1s" }),
  ...retryCases({ pattern: "fleets.*.retry", path: `${users}.retry`, base: "retries" }, 0.1, 0.2),
  ...budgetCases({ pattern: "fleets.*.budget", path: `${users}.budget`, base: "retries" }),
  ...breakerCases({ pattern: "fleets.*.breaker", path: `${users}.breaker`, base: "retries" }, 0.1),
  "fleets.*.connection.persistent": storm({ "fleets.clients.connection.persistent": false }),
  // The endpoint change at 3m and the failing setups leave clients disconnected while requests keep coming.
  "fleets.*.connection.whileDisconnected": storm(
    { "fleets.clients.connection.whileDisconnected": "fail" },
    SETUPS_FAIL,
  ),
  // After the endpoint change set-ups fail at the NAT and are repeated at once, many times per client; each budget type
  // in a context where its parameters decide how many go out (a client has one set-up at a time, so the contexts differ).
  ...setupBudgetCases(),
  "fleets.*.connection.setupTimeout": storm(
    { "fleets.clients.connection.setupTimeout": "100ms" },
    SETUPS_FAIL,
  ),
  ...backoffCases(
    {
      pattern: "fleets.*.connection.reconnect",
      path: "fleets.clients.connection.reconnect",
      base: "storm",
      prep: SETUPS_FAIL,
    },
    0.5,
  ),
  ...distributionCases(
    { pattern: "fleets.*.timeoutDistribution", path: `${users}.timeoutDistribution`, base: "retries" },
    0.5,
  ),
  ...distributionCases({ pattern: "fleets.*.retryDelay", path: `${users}.retryDelay`, base: "retries" }, 0.1),
  "fleets.*.persistence.error<list>": retries({ [`${users}.persistence.error`]: [1, 0.3] }),
  "fleets.*.persistence.error<scalar>": retries({ [`${users}.persistence.error`]: 0.3 }),
  "fleets.*.persistence.timeout<list>": retries({ [`${users}.persistence.timeout`]: [1, 0.3] }),
  "fleets.*.persistence.timeout<scalar>": retries({ [`${users}.persistence.timeout`]: 0.3 }),
  "fleets.*.trafficClass": storm(
    { "fleets.clients.trafficClass": "bulk" },
    {
      "fleets.batch.trafficClass": "bulk",
      "operators.runbook.move": {
        after: "detection",
        do: { type: "reroute", traffic: { class: "bulk" }, via: [] },
      },
    },
  ),
  // Slow answers during the faults overlap a client's requests: one connection per client makes them wait.
  "fleets.*.pool.size": retries({ [`${users}.pool.size`]: 1 }, { [`${users}.pool`]: { size: 100 } }),
  // Arrival processes of the retries base's open-loop users (20 clients at 1/s).
  "fleets.*.load<open>.arrivals<scalar>": retries({ [`${users}.load.arrivals`]: "paced" }),
  "fleets.*.load<open>.arrivals<onoff>": retries({ [`${users}.load.arrivals`]: ONOFF }),
  "fleets.*.load<open>.arrivals<onoff>.on": retries(
    { [`${users}.load.arrivals.on`]: "5s" },
    { [`${users}.load.arrivals`]: ONOFF },
  ),
  "fleets.*.load<open>.arrivals<onoff>.off": retries(
    { [`${users}.load.arrivals.off`]: "5s" },
    { [`${users}.load.arrivals`]: ONOFF },
  ),
  "fleets.*.load<open>.arrivals<mmpp>": retries({ [`${users}.load.arrivals`]: MMPP }),
  "fleets.*.load<open>.arrivals<mmpp>.factors": retries(
    { [`${users}.load.arrivals.factors`]: [1, 3] },
    { [`${users}.load.arrivals`]: MMPP },
  ),
  "fleets.*.load<open>.arrivals<mmpp>.sojourns": retries(
    { [`${users}.load.arrivals.sojourns`]: ["5s", "20s"] },
    { [`${users}.load.arrivals`]: MMPP },
  ),
  // The storm base's closed-loop batch clients (think 2 s, 10 minutes): 5 requests each, or 50.
  "fleets.*.work.requests": storm(
    { "fleets.batch.work.requests": 5 },
    { "fleets.batch.work": { requests: 50 } },
  ),
  "fleets.*.via": storm({ "fleets.clients.via": [] }),
  "fleets.*.criticality": retries(
    { "fleets.users.criticality": "sheddable" },
    { ...SHEDDABLE_BULK, [`${svc}.queue`]: { type: "criticality" } },
  ),
};

export const DEPENDENT_CASES: CaseTable = {
  "dependents.*.illustrative": storm({ "dependents.shop.illustrative": true }),
  "dependents.*.requires[].k": storm(
    { "dependents.shop.requires.0.k": 2 },
    { "dependents.shop.requires.0.of": ["api", "db"] },
  ),
  "dependents.*.requires[].of[]<object>": storm({ "dependents.shop.requires.0.of.0": { service: "db" } }),
  "dependents.*.requires[].of[]<object>.service": storm(
    { "dependents.shop.requires.0.of.0.service": "db" },
    { "dependents.shop.requires.0.of.0": { service: "api" } },
  ),
  "dependents.*.requires[].of[]<object>.kind": storm(
    { "dependents.shop.requires.0.of.0.kind": "soft" },
    { "dependents.shop.requires.0.of.0": { service: "api" }, ...API_DOWN },
  ),
  "dependents.*.requires[].of[]<object>.plane": storm(
    { "dependents.shop.requires.0.of.0.plane": "data" },
    { "dependents.shop.requires.0.of.0": { service: "api" }, "services.api.plane": "control", ...API_DOWN },
  ),
  "dependents.*.requires[].of[]<scalar>": storm(
    { "dependents.shop.requires.0.of.0": "db" },
    { "dependents.shop.requires.0.of.0": { service: "api" } },
  ),
};

/** A storm run whose verdict is determined and close to its thresholds (recovering while it is judged). */
const judged = (set: FieldCase["set"]) =>
  storm(set, {
    "verdict.metastableAfter": "1m",
    "verdict.recoveredFor": "1m",
    "verdict.metastableRatio": 0.9,
  });
export const VERDICT_CASES: CaseTable = {
  "verdict.goodputFleets": judged({ "verdict.goodputFleets": ["batch"] }),
  "verdict.baselineWindow": judged({ "verdict.baselineWindow": "1m" }),
  "verdict.recoveredRatio": judged({ "verdict.recoveredRatio": 0.3 }),
  "verdict.recoveredFor": judged({ "verdict.recoveredFor": "4m" }),
  "verdict.metastableRatio": storm(
    { "verdict.metastableRatio": 0.05 },
    { "verdict.metastableAfter": "1m", "verdict.recoveredFor": "1m", ...SETUPS_FAIL },
  ),
  "verdict.metastableAfter": judged({ "verdict.metastableAfter": "10s" }),
  "verdict.metastableWindow": judged({ "verdict.metastableWindow": "10s" }),
  "verdict.smoothing": judged({ "verdict.smoothing": "10s" }),
  "verdict.stableRatio": judged({ "verdict.stableRatio": 0.3 }),
  "verdict.outageRatio": judged({ "verdict.outageRatio": 0.99 }),
};
