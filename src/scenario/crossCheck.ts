/**
 * Checks that need the whole scenario: references between sections, routes, dependency and runbook cycles.
 * Works on the schema's output (paths are the same as in the file).
 */
import { didYouMean, knownNames } from "./closeNames.js";
import { findCycle } from "./findCycle.js";
import type { Problem } from "./Problem.js";
import { resolveRoute } from "./resolveRoute.js";
import type { TrafficSelector } from "./Scenario.js";
import type { FieldPath } from "./ScenarioSource.js";
import type { ParsedScenario } from "./schema/scenarioSchema.js";

/** Runbook `after` values that are not step names. */
export const RUNBOOK_EVENTS = ["detection", "diagnosis", "sustained", "sustained-diagnosis"] as const;
/** The traffic class of monitoring telemetry (for reroute actions). */
export const MONITORING_TRAFFIC = "monitoring";

/** Every problem that the schema alone cannot see; empty when the scenario is consistent. */
export function crossCheck(s: ParsedScenario): Problem[] {
  const out: Problem[] = [];
  const names = (section: object) => Object.keys(section);
  const ref = (kind: string, known: string[], value: string, path: FieldPath) => {
    if (!known.includes(value))
      out.push({
        path,
        message: `unknown ${kind} '${value}'${didYouMean(value, known) || knownNames(known)}`,
      });
  };
  const networks = names(s.networks);
  const links = names(s.links);
  const services = names(s.services);
  const fleets = names(s.fleets);
  const net = (v: string, path: FieldPath) => ref("network", networks, v, path);
  const link = (v: string, path: FieldPath) => ref("link", links, v, path);
  const service = (v: string, path: FieldPath) => ref("service", services, v, path);
  const fleet = (v: string, path: FieldPath) => ref("fleet", fleets, v, path);
  const via = (v: readonly string[] | undefined, path: FieldPath) =>
    v?.forEach((l, i) => {
      link(l, [...path, "via", i]);
    });
  const route = (
    from: string | undefined,
    to: string | undefined,
    v: readonly string[] | undefined,
    path: FieldPath,
  ) => {
    if (from === undefined || to === undefined || !networks.includes(from) || !networks.includes(to)) return;
    const r = resolveRoute(s.links, from, to, v);
    if (!r.ok) out.push({ path, message: r.message });
  };

  for (const [n, l] of Object.entries(s.links)) {
    l.between.forEach((b, i) => {
      net(b, ["links", n, "between", i]);
    });
    if (l.between[0] === l.between[1])
      out.push({ path: ["links", n, "between"], message: "a link joins two different networks" });
  }
  for (const [n, sv] of Object.entries(s.services)) {
    net(sv.network, ["services", n, "network"]);
    for (const [d, dep] of Object.entries(sv.dependencies)) {
      const p = ["services", n, "dependencies", d];
      service(dep.service, [...p, "service"]);
      via(dep.via, p);
      route(sv.network, s.services[dep.service]?.network, dep.via, [...p, "service"]);
    }
    if (sv.minServers !== undefined && sv.minServers > sv.servers)
      out.push({ path: ["services", n, "minServers"], message: `must be <= servers (${sv.servers})` });
    if (sv.cells !== undefined && sv.cells > sv.servers)
      out.push({ path: ["services", n, "cells"], message: `must be <= servers (${sv.servers})` });
    if (sv.healthCheck !== undefined && (sv.minServers !== undefined || sv.cells !== undefined))
      out.push({
        path: ["services", n, "healthCheck"],
        message: "cannot be combined with minServers or cells (a full restart already replaces the servers)",
      });
    if (sv.leases !== undefined) {
      const p = ["services", n, "leases"];
      ref("dependency", Object.keys(sv.dependencies), sv.leases.via, [...p, "via"]);
      if (sv.leases.resource !== undefined) service(sv.leases.resource, [...p, "resource"]);
      if (sv.processorSharing !== undefined)
        out.push({
          path: p,
          message: "cannot be combined with processorSharing (lease work holds a FIFO server)",
        });
    }
    if (sv.processorSharing !== undefined && sv.connectionCost !== undefined)
      out.push({
        path: ["services", n, "connectionCost"],
        message: "cannot be combined with processorSharing (handshakes hold a FIFO server)",
      });
    if (sv.processorSharing !== undefined && sv.cancelAbandoned && sv.cancelAt === "timeout")
      out.push({
        path: ["services", n, "processorSharing"],
        message:
          "cannot be combined with cancelAt: timeout (work shared by processor sharing is not cancelled mid-way); use cancelAt: start",
      });
    if (sv.cache !== undefined)
      ref("dependency", Object.keys(sv.dependencies), sv.cache.dependency, [
        "services",
        n,
        "cache",
        "dependency",
      ]);
  }
  const cycle = findCycle(services, (n) =>
    Object.values(s.services[n]?.dependencies ?? {}).map((d) => d.service),
  );
  if (cycle) {
    const [a, b] = cycle as [string, string];
    const entry = Object.entries(s.services[a]!.dependencies).find(([, d]) => d.service === b)![0];
    out.push({
      path: ["services", a, "dependencies", entry, "service"],
      message: `service dependencies form a cycle: ${cycle.join(" -> ")}`,
    });
  }
  const trafficClasses: string[] = [];
  for (const [n, f] of Object.entries(s.fleets)) {
    net(f.network, ["fleets", n, "network"]);
    service(f.target, ["fleets", n, "target"]);
    via(f.via, ["fleets", n]);
    route(f.network, s.services[f.target]?.network, f.via, ["fleets", n, f.via ? "via" : "target"]);
    const wd = f.connection?.whileDisconnected;
    if (wd !== undefined && wd !== "queue" && f.connection?.persistent !== true)
      out.push({
        path: ["fleets", n, "connection", "whileDisconnected"],
        message: `'${wd}' needs persistent connections (connection.persistent: true)`,
      });
    if (f.work !== undefined && f.load.type !== "closed")
      out.push({
        path: ["fleets", n, "work"],
        message:
          "fixed work needs a closed load (load: { type: closed, think }): each client makes its requests in turn",
      });
    if (f.pool !== undefined && f.connection?.persistent === true)
      out.push({
        path: ["fleets", n, "pool"],
        message:
          "a pool cannot be combined with persistent connections (connection.persistent: true keeps one connection per client); model pooled connections without connection, or the pool as clients",
      });
    if (f.connection?.budget !== undefined && f.connection.persistent !== true)
      out.push({
        path: ["fleets", n, "connection", "budget"],
        message: "a set-up budget needs persistent connections (connection.persistent: true)",
      });
    const sb = (f.connection?.budget as { type?: string } | undefined)?.type;
    if (sb === "envoy" || sb === "aws-adaptive")
      out.push({
        path: ["fleets", n, "connection", "budget", "type"],
        message:
          sb === "envoy"
            ? "an envoy budget limits concurrent retries, and a client has one set-up at a time: use grpc, ratio, finagle, aws-standard or sre-adaptive"
            : "an aws-adaptive throttle reacts only to throttled answers, which set-ups never get: use grpc, ratio, finagle, aws-standard or sre-adaptive",
      });
    if (wd === "fail" && f.retry.unbounded === true)
      out.push({
        path: ["fleets", n, "connection", "whileDisconnected"],
        message:
          "'fail' with unbounded retries could retry forever while the connection is down: bound retry.maxAttempts",
      });
    if (!trafficClasses.includes(f.trafficClass ?? n)) trafficClasses.push(f.trafficClass ?? n);
  }
  for (const [n, a] of Object.entries(s.automation)) {
    const p = ["automation", n, "action"];
    const act = a.action;
    if ("service" in act && act.service !== undefined) service(act.service, [...p, "service"]);
    if ("link" in act && act.link !== undefined) link(act.link, [...p, "link"]);
    if (act.type === "load") fleet(act.fleet, [...p, "fleet"]);
    if (act.type === "cache-loss" && s.services[act.service] !== undefined && !s.services[act.service]!.cache)
      out.push({ path: [...p, "service"], message: `service '${act.service}' has no cache` });
  }
  for (const [n, f] of Object.entries(s.faults)) {
    const p = ["faults", n, "target"];
    const known = [...services, ...links];
    if (services.includes(f.target) && links.includes(f.target))
      out.push({ path: p, message: `'${f.target}' is both a service and a link: rename one` });
    else ref("service or link", known, f.target, p);
    if (f.unresolvable !== undefined && !services.includes(f.target) && links.includes(f.target))
      out.push({
        path: ["faults", n, "unresolvable"],
        message: `needs a service as target: '${f.target}' is a link (links have no endpoint to resolve)`,
      });
  }
  if (s.monitoring) {
    const m = s.monitoring;
    net(m.network, ["monitoring", "network"]);
    via(m.via, ["monitoring"]);
    m.dependsOn?.forEach((d, i) => {
      service(d, ["monitoring", "dependsOn", i]);
    });
    m.sources.forEach((src, i) => {
      const p = ["monitoring", "sources", i];
      ref("fleet or service", [...fleets, ...services], src, p);
      const from = s.fleets[src]?.network ?? s.services[src]?.network;
      route(from, m.network, m.via, p);
    });
  }
  if (s.operators) checkRunbook(s, out, { ref, link, fleet, service, trafficClasses });
  for (const [n, d] of Object.entries(s.dependents))
    d.requires.forEach((g, i) => {
      g.of.forEach((r, j) => {
        service(r.service, ["dependents", n, "requires", i, "of", j]);
      });
    });
  s.verdict.goodputFleets?.forEach((f, i) => {
    fleet(f, ["verdict", "goodputFleets", i]);
  });
  return out;
}

type Ref = (v: string, path: FieldPath) => void;

function checkRunbook(
  s: ParsedScenario,
  out: Problem[],
  c: {
    ref: (kind: string, known: string[], v: string, path: FieldPath) => void;
    link: Ref;
    fleet: Ref;
    service: Ref;
    trafficClasses: string[];
  },
): void {
  const runbook = s.operators?.runbook ?? {};
  const steps = Object.keys(runbook);
  for (const [n, st] of Object.entries(runbook)) {
    const p = ["operators", "runbook", n];
    if ((RUNBOOK_EVENTS as readonly string[]).includes(n))
      out.push({
        path: p,
        message: `'${n}' is a runbook event (${RUNBOOK_EVENTS.join(", ")}), not a step name: rename the step`,
      });
    if (st.after === undefined) {
      // a fixed time (`at`): nothing to resolve
    } else if (st.after === n)
      out.push({ path: [...p, "after"], message: "a step cannot start after itself" });
    else c.ref("step or event", [...RUNBOOK_EVENTS, ...steps], st.after, [...p, "after"]);
    const a = st.do;
    const dp = [...p, "do"];
    switch (a.type) {
      case "reroute":
        checkTraffic(s, a.traffic, [...dp, "traffic"], c);
        a.via.forEach((l, i) => {
          c.link(l, [...dp, "via", i]);
        });
        break;
      case "add-capacity":
        c.link(a.link, [...dp, "link"]);
        break;
      case "scale":
        c.service(a.service, [...dp, "service"]);
        break;
      case "disable-automation":
        c.ref("automation", Object.keys(s.automation), a.name, [...dp, "name"]);
        break;
      default:
        c.fleet(a.fleet, [...dp, "fleet"]);
    }
  }
  const cycle = findCycle(steps, (n) => {
    const after = runbook[n]?.after;
    return after !== undefined && after !== n && steps.includes(after) ? [after] : [];
  });
  if (cycle)
    out.push({
      path: ["operators", "runbook", cycle[0]!, "after"],
      message: `runbook steps wait for each other in a cycle: ${cycle.join(" -> ")}`,
    });
}

/** Each selector of a reroute names something that exists: a traffic class, a fleet, or SERVICE.KEY. */
function checkTraffic(
  s: ParsedScenario,
  traffic: TrafficSelector | TrafficSelector[],
  path: FieldPath,
  c: {
    ref: (kind: string, known: string[], v: string, path: FieldPath) => void;
    fleet: Ref;
    service: Ref;
    trafficClasses: string[];
  },
): void {
  const one = (sel: TrafficSelector, p: FieldPath) => {
    if (sel === MONITORING_TRAFFIC) return;
    if ("class" in sel) c.ref("traffic class", c.trafficClasses, sel.class, [...p, "class"]);
    else if ("fleet" in sel) c.fleet(sel.fleet, [...p, "fleet"]);
    else {
      const [svc = "", key = ""] = sel.dependency.split(".");
      const spec = s.services[svc];
      if (spec === undefined) c.service(svc, [...p, "dependency"]);
      else c.ref(`dependency of '${svc}'`, Object.keys(spec.dependencies), key, [...p, "dependency"]);
    }
  };
  if (Array.isArray(traffic))
    traffic.forEach((sel, i) => {
      one(sel, [...path, i]);
    });
  else one(traffic, path);
}
