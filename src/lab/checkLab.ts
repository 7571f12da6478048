import type { Scenario } from "../spec/Scenario.js";

/** One scenario field the lab cannot run in real processes: the field (a dotted path) and why. */
export interface LabRefusal {
  path: string;
  message: string;
}

/**
 * What the lab refuses (docs/lab.md, "What the lab runs"): everything but persistent-connection, closed-loop fleets
 * through device groups into dependency-free FIFO services, with `change-endpoints` automation. Each refusal names the
 * field. `somaxconn` is the kernel's cap on an accept backlog (net.core.somaxconn): a larger buffer cannot be honoured.
 */
export function checkLab(scenario: Scenario, somaxconn: number): LabRefusal[] {
  const out: LabRefusal[] = [];
  const no = (path: string, what: string) =>
    out.push({ path, message: `the lab cannot run ${what} (stampede lab; see docs/lab.md)` });
  for (const [name, l] of Object.entries(scenario.links)) {
    if (l.buffer > somaxconn)
      out.push({
        path: `links.${name}.buffer`,
        message: `buffer ${l.buffer} is larger than the kernel's net.core.somaxconn (${somaxconn}): the accept backlog cannot hold it (raise somaxconn or lower the buffer)`,
      });
    if (l.latency !== 0) no(`links.${name}.latency`, "a device latency");
    if (l.queues === "shared")
      no(
        `links.${name}.queues`,
        "setups and requests in one shared buffer (HAProxy's accept backlog holds only new connections: queues: separate)",
      );
  }
  const fleets = Object.entries(scenario.fleets);
  if (fleets.length !== 1) no("fleets", `${fleets.length} fleets (exactly one is supported)`);
  const target = fleets[0]?.[1].target;
  for (const [name, f] of fleets) {
    const p = `fleets.${name}`;
    if (f.load.type !== "closed") no(`${p}.load`, "an open-loop load (only closed loops)");
    if (f.connection === undefined || !f.connection.persistent)
      no(`${p}.connection`, "a fleet without persistent connections");
    if (f.budget !== undefined) no(`${p}.budget`, "a retry budget");
    if (f.breaker !== undefined) no(`${p}.breaker`, "a circuit breaker");
    if (f.timeoutDistribution !== undefined) no(`${p}.timeoutDistribution`, "drawn timeouts");
    if (f.retryDelay !== undefined) no(`${p}.retryDelay`, "drawn retry delays");
    if (f.persistence !== undefined) no(`${p}.persistence`, "retrial persistence");
    if (f.via !== undefined && f.via.length > 1) no(`${p}.via`, "a route through more than one device group");
    const wd = f.connection?.whileDisconnected;
    if (f.connection?.persistent && wd !== "wait")
      no(
        `${p}.connection.whileDisconnected`,
        `requests that ${wd === "fail" ? "fail at once" : "time out"} while their connection is down (its clients hold them and start the timeout when they are sent: whileDisconnected: wait)`,
      );
  }
  const links = Object.keys(scenario.links);
  if (links.length !== 1) no("links", `${links.length} device groups (exactly one is supported)`);
  for (const [name, s] of Object.entries(scenario.services)) {
    const p = `services.${name}`;
    if (name !== target) no(p, "a service no fleet calls");
    if (Object.keys(s.dependencies).length > 0) no(`${p}.dependencies`, "service dependencies");
    if (s.queue.type !== "fifo") no(`${p}.queue`, `the ${s.queue.type} queue discipline (only fifo)`);
    if (s.cancelAbandoned) no(`${p}.cancelAbandoned`, "cancellation of abandoned work");
    if (s.degradation !== undefined) no(`${p}.degradation`, "capacity degradation");
    if (s.cache !== undefined) no(`${p}.cache`, "a cache");
    if (s.minServers !== undefined) no(`${p}.minServers`, "a minimum capacity");
    if (s.restart !== undefined) no(`${p}.restart`, "restarts");
    if (s.cells !== undefined && s.cells !== 1) no(`${p}.cells`, "cells");
    if (s.healthCheck !== undefined) no(`${p}.healthCheck`, "health checks");
    if (s.errorTime !== undefined) no(`${p}.errorTime`, "an error time");
  }
  for (const [name, a] of Object.entries(scenario.automation)) {
    if (a.action.type !== "change-endpoints") no(`automation.${name}.action`, `a ${a.action.type} action`);
    else if (a.action.fraction !== undefined && a.action.fraction !== 1)
      no(`automation.${name}.action.fraction`, "a partial endpoint change");
  }
  for (const name of Object.keys(scenario.faults)) no(`faults.${name}`, "faults");
  if (scenario.monitoring !== undefined) no("monitoring", "monitoring");
  if (scenario.operators !== undefined) no("operators", "operators");
  for (const name of Object.keys(scenario.dependents)) no(`dependents.${name}`, "dependents");
  return out;
}
