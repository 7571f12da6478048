import type { DistributionSpec } from "../spec/DistributionSpec.js";
import type { Scenario } from "../spec/Scenario.js";

/** One thing the fluid engine cannot represent: the field (a dotted path) and why. */
export interface FluidRefusal {
  path: string;
  message: string;
}

const OPERATOR_ACTIONS = new Set([
  "reroute",
  "block",
  "readmit",
  "add-capacity",
  "scale",
  "disable-automation",
]);

/** Mean of a distribution the fluid engine can use as a service time, or NaN when it has none it can use. */
export function distributionMean(d: DistributionSpec): number {
  switch (d.type) {
    case "constant":
      return d.value;
    case "uniform":
      return (d.min + d.max) / 2;
    case "exponential":
    case "normal":
    case "lognormal":
      return d.mean;
    case "pareto":
      return d.alpha > 1 ? (d.alpha * d.min) / (d.alpha - 1) : Number.NaN;
    case "empirical":
      return d.samples.length > 0 ? d.samples.reduce((a, b) => a + b, 0) / d.samples.length : Number.NaN;
    default:
      return Number.NaN;
  }
}

/**
 * Squared coefficient of variation (variance / mean^2) of a service time, for the fluid queue's waiting time below
 * capacity (FluidService); NaN when the variance is not finite (pareto alpha <= 2) or there is no usable mean.
 */
export function distributionScv(d: DistributionSpec): number {
  const m = distributionMean(d);
  if (!(m > 0)) return Number.NaN;
  switch (d.type) {
    case "constant":
      return 0;
    case "uniform":
      return (d.max - d.min) ** 2 / 12 / (m * m);
    case "exponential":
      return 1;
    case "normal":
      return (d.stddev / m) ** 2;
    case "lognormal":
      return d.cv * d.cv;
    case "pareto":
      return d.alpha > 2 ? 1 / (d.alpha * (d.alpha - 2)) : Number.NaN;
    case "empirical": {
      let v = 0;
      for (const x of d.samples) v += (x - m) ** 2;
      return v / d.samples.length / (m * m);
    }
    default:
      return Number.NaN;
  }
}

function backoffRefusal(b: unknown, path: string, out: FluidRefusal[]): void {
  const t = (b as { type?: string } | undefined)?.type;
  if (t === "decorrelated")
    out.push({
      path,
      message: "decorrelated jitter depends on each client's previous delay: the fluid engine cannot bin it",
    });
}

/**
 * Everything in `s` that the fluid engine cannot represent, each with its field path and reason (docs/fluid.md keeps
 * the same list). An empty list means the scenario runs on the fluid engine; nothing is ever approximated silently.
 */
export function checkFluid(s: Scenario): FluidRefusal[] {
  const out: FluidRefusal[] = [];
  const no = (path: string, message: string) => out.push({ path, message });
  for (const [name, f] of Object.entries(s.fleets)) {
    const p = `fleets.${name}`;
    if (f.load.type === "closed") no(`${p}.load`, "closed loads (think times) are not in the fluid engine");
    if (f.budget !== undefined) no(`${p}.budget`, "retry budgets are not in the fluid engine");
    if (f.breaker !== undefined) no(`${p}.breaker`, "circuit breakers are not in the fluid engine");
    if (f.timeoutDistribution !== undefined)
      no(`${p}.timeoutDistribution`, "a distributed timeout cannot be binned by age: only a fixed timeout");
    if (f.retryDelay !== undefined)
      no(`${p}.retryDelay`, "retry delays drawn from a distribution are not in the fluid engine");
    const r = f.retry;
    if (r.unbounded === true || r.maxAttempts > 50)
      no(`${p}.retry.maxAttempts`, "the fluid engine keeps one class per attempt: at most 50 attempts");
    if (r.deadline !== undefined && Number.isFinite(r.deadline))
      no(`${p}.retry.deadline`, "an overall deadline is not in the fluid engine");
    if (r.attemptTimeout !== undefined && Number.isFinite(r.attemptTimeout))
      no(
        `${p}.retry.attemptTimeout`,
        "a retry attemptTimeout is not in the fluid engine (use the fleet's timeout)",
      );
    backoffRefusal(r.backoff, `${p}.retry.backoff`, out);
    if (f.connection?.persistent === true)
      backoffRefusal(f.connection.reconnect, `${p}.connection.reconnect`, out);
    if (f.via !== undefined && f.via.length > 1) no(`${p}.via`, "routes cross at most one device group");
    const wd = f.connection?.whileDisconnected;
    if (wd !== undefined && wd !== "queue")
      no(
        `${p}.connection.whileDisconnected`,
        `'${wd}' is not in the fluid engine: requests wait for their connection with their timeout running`,
      );
    if (f.pool !== undefined) no(`${p}.pool`, "connection pools are not in the fluid engine");
    if (f.work !== undefined) no(`${p}.work`, "fixed work (clients that stop) is not in the fluid engine");
    if (f.load.type === "open" && f.load.arrivals !== undefined && f.load.arrivals !== "poisson")
      no(`${p}.load.arrivals`, "only Poisson arrivals are in the fluid engine");
    if (f.connection?.budget !== undefined)
      no(`${p}.connection.budget`, "budgets on connection set-ups are not in the fluid engine");
  }
  for (const [name, l] of Object.entries(s.links)) {
    if (typeof l.latency !== "number")
      no(`links.${name}.latency`, "a distributed latency is not in the fluid engine (a constant only)");
    if (l.setupRetransmit !== undefined)
      no(
        `links.${name}.setupRetransmit`,
        "setup retransmission is not in the fluid engine (a dropped setup is silent)",
      );
    if (l.queues === "separate")
      no(
        `links.${name}.queues`,
        "separate setup and forwarding queues are not in the fluid engine (one shared buffer)",
      );
  }
  for (const [name, v] of Object.entries(s.services)) {
    const p = `services.${name}`;
    if (v.queue.type !== "fifo")
      no(`${p}.queue`, `the fluid queue is FIFO: a '${v.queue.type}' discipline is not in the fluid engine`);
    else if ((v.queue as { maxWait?: number }).maxWait !== undefined)
      no(`${p}.queue.maxWait`, "a queue maxWait is not in the fluid engine");
    if (Number.isNaN(distributionMean(v.serviceTime)))
      no(
        `${p}.serviceTime`,
        `the fluid engine needs a finite mean service time ('${v.serviceTime.type}' here)`,
      );
    else if (Number.isNaN(distributionScv(v.serviceTime)))
      no(
        `${p}.serviceTime`,
        `the fluid engine needs a service time with a finite variance (its queue's wait uses it; '${v.serviceTime.type}' here)`,
      );
    if (v.cancelAbandoned && v.cancelAt === "timeout")
      no(
        `${p}.cancelAt`,
        "cancelling abandoned work at the caller's timeout is not in the fluid engine (only cancelAt: start)",
      );
    if (v.cache !== undefined) no(`${p}.cache`, "caches are not in the fluid engine");
    if (v.minServers !== undefined)
      no(`${p}.minServers`, "minimum capacity and full restarts are not in the fluid engine");
    if (v.restart !== undefined) no(`${p}.restart`, "full restarts are not in the fluid engine");
    if (v.cells !== undefined && v.cells !== 1) no(`${p}.cells`, "cells are not in the fluid engine");
    if (v.errorTime !== undefined)
      no(`${p}.errorTime`, "a distributed error-answer time is not in the fluid engine");
    if (v.leases !== undefined)
      no(`${p}.leases`, "leases renewed through a dependency are not in the fluid engine");
    if (v.connectionCost !== undefined)
      no(`${p}.connectionCost`, "a server-side connection cost is not in the fluid engine");
    if (v.contention !== undefined)
      no(`${p}.contention`, "optimistic concurrency control (write conflicts) is not in the fluid engine");
    if (v.stock !== undefined)
      no(`${p}.stock`, "a finite stock (requests fail once it is empty) is not in the fluid engine");
    if (v.processorSharing !== undefined)
      no(`${p}.processorSharing`, "processor sharing is not in the fluid engine (its servers are FIFO)");
    if (v.degradation !== undefined && v.degradation.coldFactor !== 1)
      no(`${p}.degradation.coldFactor`, "cold starts are not in the fluid engine");
    for (const [key, d] of Object.entries(v.dependencies)) {
      const q = `${p}.dependencies.${key}`;
      if (d.retry !== undefined && d.retry.maxAttempts > 1)
        no(`${q}.retry`, "retries of dependency calls are not in the fluid engine");
      if (d.budget !== undefined) no(`${q}.budget`, "retry budgets are not in the fluid engine");
      if (d.breaker !== undefined) no(`${q}.breaker`, "circuit breakers are not in the fluid engine");
      if (d.pool !== undefined) no(`${q}.pool`, "connection pools are not in the fluid engine");
      if (d.via !== undefined && d.via.length > 1) no(`${q}.via`, "routes cross at most one device group");
    }
  }
  for (const [name, f] of Object.entries(s.faults)) {
    if (f.unresolvable !== undefined)
      no(
        `faults.${name}.unresolvable`,
        "DNS / endpoint faults are not in the fluid engine (it does not tell live connections from new ones)",
      );
  }
  for (const [name, a] of Object.entries(s.automation)) {
    if (a.action.type === "cache-loss") no(`automation.${name}.action`, "caches are not in the fluid engine");
    if (a.action.type === "change-endpoints" && (a.action.over ?? 0) > 0)
      no(`automation.${name}.action.over`, "tear-downs spread over a window are not in the fluid engine");
  }
  for (const [name, step] of Object.entries(s.operators?.runbook ?? {})) {
    if (!OPERATOR_ACTIONS.has(step.do.type))
      no(`operators.runbook.${name}.do`, `the operator action '${step.do.type}' is not in the fluid engine`);
  }
  return out;
}
