import { StampedeError } from "../core/StampedeError.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { Simulation } from "../engine/Simulation.js";
import type { BackoffConfig } from "../policies/backoff/Backoff.js";
import { makeBackoff } from "../policies/backoff/Backoff.js";
import type { BudgetConfig } from "../policies/budget/makeBudget.js";
import { makeBudget } from "../policies/budget/makeBudget.js";
import { makeRetryPolicy, type RetryConfig } from "../policies/retry/RetryPolicy.js";
import type { FleetSpec, Scenario } from "../scenario/Scenario.js";
import { AttemptPool } from "./AttemptPool.js";
import { DeviceGroup, DROPPED } from "./DeviceGroup.js";
import type { FleetPolicies } from "./FleetPolicies.js";
import { FleetRuntime } from "./FleetRuntime.js";
import { makeDistribution } from "./makeDistribution.js";
import { makeServiceQueue } from "./makeServiceQueue.js";
import { OWNER_FLEET, RequestPool } from "./RequestPool.js";
import { ServiceRuntime } from "./ServiceRuntime.js";

/** Event kinds of the cloud model, registered once per Simulation. */
export interface ModelKinds {
  arrival: number;
  think: number;
  requestTimeout: number;
  retry: number;
  setupResult: number;
  reconnect: number;
  arrive: number;
  response: number;
  serviceDone: number;
}

/**
 * The cloud model's entities on one Simulation: device groups (links), services, fleets, and the pools of requests
 * and attempts they share. It owns routing (`transmit`) and dispatches events to the entity they concern.
 */
export class World {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly requests = new RequestPool();
  readonly attempts = new AttemptPool();
  readonly links: DeviceGroup[] = [];
  readonly services: ServiceRuntime[] = [];
  readonly fleets: FleetRuntime[] = [];
  readonly kinds: ModelKinds;
  private readonly linkIndex = new Map<string, number>();
  private readonly serviceIndexes = new Map<string, number>();

  constructor(scenario: Scenario, sim: Simulation) {
    this.sim = sim;
    this.scenario = scenario;
    const f = this.fleets;
    const s = this.services;
    const at = this.attempts;
    const req = this.requests;
    this.kinds = {
      arrival: sim.register((fl) => f[fl]!.onArrival(), "arrival"),
      think: sim.register((fl, c) => f[fl]!.newRequest(c), "think"),
      requestTimeout: sim.register((r) => {
        if (req.ownerKind[r] === OWNER_FLEET) f[req.owner[r]!]!.onTimeout(r);
        else s[at.service[req.owner[r]!]!]!.onDependencyTimeout(r);
      }, "request-timeout"),
      retry: sim.register((r, cause) => {
        if (req.ownerKind[r] === OWNER_FLEET) f[req.owner[r]!]!.onRetry(r, cause);
        else s[at.service[req.owner[r]!]!]!.startDependencyAttempt(r, cause);
      }, "retry"),
      setupResult: sim.register((fl, p) => f[fl]!.onSetupResult(p), "setup-result"),
      reconnect: sim.register((fl, c) => f[fl]!.onReconnect(c), "reconnect"),
      arrive: sim.register((a) => s[at.service[a]!]!.onArrive(a), "arrive"),
      response: sim.register((a) => {
        const r = at.request[a]!;
        if (req.ownerKind[r] === OWNER_FLEET) f[req.owner[r]!]!.onResponse(a);
        else s[at.service[req.owner[r]!]!]!.onDependencyResponse(a);
      }, "response"),
      serviceDone: sim.register((sv, a) => s[sv]!.onDone(a), "service-done"),
    };
    for (const [name, spec] of Object.entries(scenario.links)) {
      this.linkIndex.set(name, this.links.length);
      this.links.push(new DeviceGroup(name, spec, sim.rng(`link/${name}`), sim.rng(`link/${name}/latency`)));
    }
    for (const [name, spec] of Object.entries(scenario.services)) {
      this.serviceIndexes.set(name, s.length);
      s.push(
        new ServiceRuntime(
          this,
          s.length,
          name,
          spec,
          makeServiceQueue(spec.queue, spec.queueLimit, `services.${name}.queue`),
        ),
      );
    }
    for (const svc of s) {
      for (const [depName, dep] of Object.entries(svc.spec.dependencies)) {
        const target = this.serviceIndex(dep.service);
        const path = `services.${svc.name}.dependencies.${depName}`;
        svc.deps.push({
          name: depName,
          service: target,
          link: this.routeLink(svc.spec.network, s[target]!.spec.network, dep.via, path),
          hard: dep.hard,
          timeout: dep.timeout,
          lane: sim.lane(dep.timeout),
          retry: dep.retry
            ? makeRetryPolicy(dep.retry as RetryConfig, sim, sim.rng(`${path}/retry`))
            : undefined,
        });
      }
    }
    for (const [name, spec] of Object.entries(scenario.fleets)) {
      f.push(new FleetRuntime(this, f.length, name, spec, this.fleetPolicies(name, spec)));
    }
  }

  private fleetPolicies(name: string, spec: FleetSpec): FleetPolicies {
    const sim = this.sim;
    const retry = makeRetryPolicy(spec.retry as RetryConfig, sim, sim.rng(`fleet/${name}/retry`));
    const reconnectConfig = (spec.connection?.reconnect ?? { type: "none" }) as BackoffConfig;
    const policies: FleetPolicies = {
      retry,
      reconnect: makeBackoff(reconnectConfig, `fleets.${name}.connection.reconnect`),
    };
    if (spec.budget !== undefined) {
      const config = spec.budget as BudgetConfig;
      const rng = sim.rng(`fleet/${name}/budget`);
      policies.budgetFor = () => makeBudget(config, sim, rng, `fleets.${name}.budget`);
    }
    return policies;
  }

  serviceIndex(name: string): number {
    const i = this.serviceIndexes.get(name);
    if (i === undefined) throw new StampedeError("E_MODEL", `unknown service '${name}'`);
    return i;
  }

  linkIndexOf(name: string): number {
    const i = this.linkIndex.get(name);
    if (i === undefined) throw new StampedeError("E_MODEL", `unknown link '${name}'`);
    return i;
  }

  /**
   * The link crossed from network `from` to network `to`: none (-1) within one network, else the link whose
   * `between` joins them; `via` overrides (`[]` = no link). Routes cross at most one device group.
   */
  routeLink(from: string, to: string, via: string[] | undefined, path: string): number {
    if (via !== undefined) {
      if (via.length === 0) return -1;
      if (via.length > 1) {
        throw new StampedeError("E_MODEL", "routes cross at most one device group (link) in this model", {
          path,
        });
      }
      return this.linkIndexOf(via[0]!);
    }
    if (from === to) return -1;
    for (const [name, spec] of Object.entries(this.scenario.links)) {
      const [a, b] = spec.between;
      if ((a === from && b === to) || (a === to && b === from)) return this.linkIndex.get(name)!;
    }
    throw new StampedeError("E_MODEL", `no link joins networks '${from}' and '${to}'`, { path });
  }

  distribution(spec: Parameters<typeof makeDistribution>[0]): Distribution {
    return makeDistribution(spec);
  }

  /**
   * Sends attempt `a` towards its service across `link` (-1: none) on `device` (-1: pick one). The device's
   * completion time is known at once, so the attempt's arrival is scheduled directly; a dropped attempt (buffer full,
   * fault, operator policing when `admitted` is false) simply never arrives and its caller times out.
   */
  transmit(a: number, link: number, device: number, admitted: boolean): void {
    const at = this.attempts;
    const now = this.sim.now();
    if (link < 0) {
      // Same network: no device, no latency; the service sees the attempt at once (it only schedules events).
      at.back[a] = 0;
      this.services[at.service[a]!]!.onArrive(a);
      return;
    }
    const dev = this.links[link]!;
    if (!admitted) {
      at.netRelease(a);
      return;
    }
    const lat = dev.crossing();
    const done = dev.enqueue(device >= 0 ? device : dev.pickDevice(), now, false, at.deadline[a]!, lat);
    if (done === DROPPED) {
      at.netRelease(a);
      return;
    }
    at.back[a] = dev.latencyDistributed ? dev.crossing() : lat;
    this.sim.at(done + lat, this.kinds.arrive, a, 0);
  }
}
