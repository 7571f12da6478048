/**
 * Small base scenarios for the field mutation test: each exercises a part of the model (a storm through a NAT link
 * with monitoring, operators and dependents; retries, budgets and breakers against a failing service; minimum
 * capacity, cells, restarts and health checks; a look-aside cache), small enough that one run takes milliseconds.
 */
import type { RawScenario } from "../../src/scenario/index.js";

const common = { start: "2024-01-01T00:00:00Z", interval: "10s" } as const;

/** A reconnect and retry storm through a NAT link, with monitoring, operators and a dependent. */
const storm: RawScenario = {
  ...common,
  name: "storm",
  description: "clients behind a NAT link call an api that calls a db; an endpoint change and a db fault",
  duration: "10m",
  networks: { internal: {}, main: {}, dmz: {} },
  links: {
    nat: {
      between: ["internal", "main"],
      devices: 2,
      forwardRate: "100/s",
      setupRate: "12/s",
      buffer: 100,
      latency: "1ms",
    },
    edge: {
      between: ["dmz", "main"],
      devices: 1,
      forwardRate: "300/s",
      setupRate: "50/s",
      buffer: 50,
      latency: "2ms",
    },
  },
  services: {
    api: {
      network: "main",
      servers: 4,
      serviceTime: { type: "exponential", mean: "20ms" },
      queueLimit: 60,
      dependencies: { db: { service: "db", timeout: "500ms", retry: { maxAttempts: 2 } } },
    },
    db: {
      network: "dmz",
      servers: 3,
      serviceTime: { type: "exponential", mean: "10ms" },
      queueLimit: 30,
    },
  },
  fleets: {
    clients: {
      network: "internal",
      target: "api",
      clients: 30,
      load: { type: "open", rate: "0.4/s" },
      timeout: "1s",
      retry: { maxAttempts: 3, backoff: { type: "none" } },
      connection: { setupTimeout: "1s", reconnect: { type: "none" } },
    },
    batch: {
      network: "dmz",
      target: "api",
      clients: 4,
      load: { type: "closed", think: { type: "exponential", mean: "2s" } },
      timeout: "2s",
      retry: { maxAttempts: 2 },
    },
  },
  automation: {
    "scale-api": { at: "3m", action: { type: "change-endpoints", service: "api" } },
  },
  faults: {
    "db-errors": { target: "db", start: "3m", end: "6m", errorRate: 0.5 },
  },
  monitoring: { network: "main", sources: ["clients", "api"], alarms: { errorRatio: { for: "10s" } } },
  operators: {
    diagnosis: { visible: "1m", blind: "3m" },
    runbook: {
      "block-half": {
        after: "diagnosis",
        delay: "30s",
        do: { type: "block", fleet: "clients", fraction: 0.5 },
      },
      "let-back": { after: "block-half", delay: "1m", do: { type: "readmit", fleet: "clients", over: "1m" } },
    },
  },
  dependents: {
    shop: { requires: [{ of: ["api"] }] },
  },
};

/** One fleet retrying against one service that fails for a while (errors and timeouts): policies at work. */
const retries: RawScenario = {
  ...common,
  name: "retries",
  description: "clients with retries against a service that errors and slows down",
  duration: "3m",
  networks: { app: {} },
  services: {
    svc: {
      network: "app",
      servers: 2,
      serviceTime: { type: "exponential", mean: "40ms" },
      queueLimit: 40,
      dependencies: {
        store: { service: "store", timeout: "300ms", retry: { maxAttempts: 3, backoff: { type: "none" } } },
      },
    },
    store: {
      network: "app",
      servers: 2,
      serviceTime: { type: "exponential", mean: "10ms" },
      queueLimit: 2,
    },
  },
  fleets: {
    users: {
      network: "app",
      target: "svc",
      clients: 20,
      load: { type: "open", rate: "1/s" },
      timeout: "500ms",
      retry: { maxAttempts: 4, backoff: { type: "constant", delay: "100ms" } },
    },
  },
  faults: {
    "svc-errors": { target: "svc", start: "30s", end: "1m", errorRate: 0.6 },
    "svc-slow": { target: "svc", start: "1m10s", end: "1m40s", capacityFactor: 0.3 },
    "store-errors": { target: "store", start: "2m", end: "2m40s", errorRate: 0.7 },
    "store-slow": { target: "store", start: "2m20s", end: "2m40s", capacityFactor: 0.05 },
  },
};

/** Minimum capacity, cells, restarts, degradation and health checks on a two-tier service. */
const restarts: RawScenario = {
  ...common,
  name: "restarts",
  description: "a capacity removal takes an index below its minimum; it restarts while clients keep calling",
  duration: "12m",
  networks: { region: {} },
  services: {
    index: {
      network: "region",
      servers: 4,
      serviceTime: { type: "exponential", mean: "200ms" },
      queueLimit: 40,
      minServers: 3,
      restart: { base: "1m", perItem: "1ms", items: 60000 },
      degradation: { perQueued: 0.01, coldFactor: 2, warmup: "3m" },
    },
    placement: {
      network: "region",
      servers: 3,
      serviceTime: { type: "exponential", mean: "150ms" },
      queueLimit: 40,
      dependencies: { index: { service: "index", timeout: "1s" } },
    },
  },
  fleets: {
    readers: {
      network: "region",
      target: "index",
      clients: 20,
      load: { type: "open", rate: "0.5/s" },
      timeout: "2s",
      retry: { maxAttempts: 2 },
    },
    writers: {
      network: "region",
      target: "placement",
      clients: 10,
      load: { type: "open", rate: "0.5/s" },
      timeout: "2s",
      retry: { maxAttempts: 2 },
    },
  },
  automation: {
    "remove-index": { at: "2m", action: { type: "remove-capacity", service: "index", servers: 2 } },
  },
};

/** A look-aside cache in front of a store; its keys are lost at 2 min. */
const cache: RawScenario = {
  ...common,
  name: "cache",
  description: "a web tier with a look-aside cache in front of its database loses its cache",
  duration: "5m",
  networks: { app: {} },
  services: {
    web: {
      network: "app",
      servers: 2,
      serviceTime: { type: "exponential", mean: "10ms" },
      queueLimit: 60,
      cache: { dependency: "db", keys: 200, ttl: "1m" },
      dependencies: { db: { service: "db", timeout: "500ms" } },
    },
    db: {
      network: "app",
      servers: 1,
      serviceTime: { type: "exponential", mean: "40ms" },
      queueLimit: 40,
      cache: { dependency: "disk", keys: 100, ttl: "1m" },
      dependencies: { disk: { service: "disk", timeout: "500ms" } },
    },
    disk: {
      network: "app",
      servers: 1,
      serviceTime: { type: "exponential", mean: "20ms" },
      queueLimit: 40,
    },
  },
  fleets: {
    users: {
      network: "app",
      target: "web",
      clients: 20,
      load: { type: "open", rate: "1/s" },
      timeout: "1s",
      retry: { maxAttempts: 2 },
    },
  },
  automation: {
    flush: { at: "2m", action: { type: "cache-loss", service: "web" } },
  },
};

/** The base scenarios by name. */
/**
 * A manager holding 60 leases on the 10 hosts of a service, renewed through a store whose endpoint resolves to nothing
 * for 2 minutes: the leases lapse and their re-establishment (2 servers, 0.3 s each, 10 s timeout: 9 s of work for
 * the 60, close to the timeout) is queued on the manager; re-queued with a backoff it recovers.
 */
const leases: RawScenario = {
  ...common,
  name: "leases",
  description: "a manager's host leases lapse while its store is unreachable",
  duration: "8m",
  networks: { dc: {} },
  services: {
    store: { network: "dc", servers: 4, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 100 },
    other: { network: "dc", servers: 4, serviceTime: { type: "constant", value: "1ms" }, queueLimit: 100 },
    manager: {
      network: "dc",
      servers: 2,
      serviceTime: { type: "exponential", mean: "10ms" },
      queueLimit: 10_000,
      dependencies: {
        store: { service: "store", timeout: "1s" },
        other: { service: "other", timeout: "1s" },
      },
      leases: {
        count: 60,
        ttl: { type: "exponential", mean: "20s" },
        renewEvery: "5s",
        via: "store",
        resource: "hosts",
        work: { type: "exponential", mean: "300ms" },
        timeout: "10s",
        requeue: { type: "exponential", base: "2s", cap: "30s", jitter: "full" },
      },
    },
    hosts: {
      network: "dc",
      servers: 10,
      serviceTime: { type: "exponential", mean: "100ms" },
      queueLimit: 50,
    },
  },
  fleets: {
    launches: {
      network: "dc",
      target: "hosts",
      clients: 50,
      load: { type: "open", rate: "0.2/s" },
      timeout: "2s",
      retry: { maxAttempts: 1 },
    },
    managed: {
      network: "dc",
      target: "manager",
      clients: 10,
      load: { type: "open", rate: "0.5/s" },
      timeout: "2s",
      retry: { maxAttempts: 1 },
    },
  },
  faults: { "empty-record": { target: "store", start: "1m", end: "3m", unresolvable: true } },
};

export const BASES = { storm, retries, restarts, cache, leases } as const;
export type BaseName = keyof typeof BASES;
