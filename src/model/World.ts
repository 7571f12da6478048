import { StampedeError } from "../core/StampedeError.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import type { Simulation } from "../engine/Simulation.js";
import type { Scenario } from "../spec/Scenario.js";
import { AttemptPool } from "./AttemptPool.js";
import type { CallSite } from "./CallSite.js";
import { DependencyCall } from "./DependencyCall.js";
import { DeviceGroup, DROPPED } from "./DeviceGroup.js";
import { FleetRuntime } from "./FleetRuntime.js";
import { LeaseHolder } from "./LeaseHolder.js";
import { makeDistribution } from "./makeDistribution.js";
import { makeServiceQueue } from "./makeServiceQueue.js";
import { RequestPool } from "./RequestPool.js";
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
  /** A processor-sharing service's next completion (target: the service). */
  psDone: number;
  /** A connection setup reached a service with a `connectionCost` (target: the fleet, payload: its setup tag). */
  handshakeArrive: number;
  /** A service finished a connection handshake (target: the service, payload: its handshake slot). */
  handshakeDone: number;
  /** Lease renewal tick of a service with `leases` (target: the service). */
  leaseTick: number;
  /** A lease re-establishment job's timeout (target: the service, payload: epoch-tagged lease). */
  leaseTimeout: number;
  /** A lease re-establishment's re-queue backoff ended (target: the service, payload: epoch-tagged lease). */
  leaseRequeue: number;
  /** A server finished a lease re-establishment job (target: the service, payload: its job slot). */
  leaseDone: number;
  /**
   * A dropped connection setup is sent again (`links.<l>.setupRetransmit`; target: the fleet, payload: its
   * epoch-tagged client).
   */
  setupRetransmit: number;
}

/**
 * The cloud model's entities on one Simulation: device groups (links), services, fleets, and the pools of requests
 * and attempts they share. It owns routing (`transmit`) and dispatches events to the entity they concern. Every
 * caller (a fleet, a service dependency, any new kind) runs its calls through a CallSite registered in `callers`, like
 * an event kind: a request's timeout, retry and response events go to `callers[requests.site[r]]`.
 */
export class World {
  readonly sim: Simulation;
  readonly scenario: Scenario;
  readonly requests = new RequestPool();
  readonly attempts = new AttemptPool();
  readonly links: DeviceGroup[] = [];
  readonly services: ServiceRuntime[] = [];
  readonly fleets: FleetRuntime[] = [];
  /** Call sites by id (`requests.site[r]`). */
  readonly callers: CallSite[] = [];
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
    const calls = this.callers;
    this.kinds = {
      arrival: sim.register((fl) => f[fl]!.onArrival(), "arrival"),
      think: sim.register((fl, c) => f[fl]!.newRequest(c), "think"),
      requestTimeout: sim.register((r) => calls[req.site[r]!]!.onTimeout(r), "request-timeout"),
      retry: sim.register((r, cause) => calls[req.site[r]!]!.onRetry(r, cause), "retry"),
      setupResult: sim.register((fl, p) => f[fl]!.onSetupResult(p), "setup-result"),
      reconnect: sim.register((fl, c) => f[fl]!.onReconnect(c), "reconnect"),
      arrive: sim.register((a) => this.arrive(a), "arrive"),
      response: sim.register((a) => calls[req.site[at.request[a]!]!]!.onResponse(a), "response"),
      serviceDone: sim.register((sv, a) => s[sv]!.onDone(a), "service-done"),
      psDone: sim.register((sv) => s[sv]!.onPsDone(), "ps-done"),
      handshakeArrive: sim.register((fl, tag) => f[fl]!.onHandshakeArrive(tag), "handshake-arrive"),
      handshakeDone: sim.register((sv, slot) => s[sv]!.onHandshakeDone(slot), "handshake-done"),
      leaseTick: sim.register((sv) => s[sv]!.leases!.onTick(), "lease-tick"),
      leaseTimeout: sim.register((sv, tag) => s[sv]!.leases!.onTimeout(tag), "lease-timeout"),
      leaseRequeue: sim.register((sv, tag) => s[sv]!.leases!.onRequeue(tag), "lease-requeue"),
      leaseDone: sim.register((sv, slot) => s[sv]!.leases!.onDone(slot), "lease-done"),
      setupRetransmit: sim.register((fl, tag) => f[fl]!.onSetupRetransmit(tag), "setup-retransmit"),
    };
    for (const [name, spec] of Object.entries(scenario.links)) {
      this.linkIndex.set(name, this.links.length);
      this.links.push(
        new DeviceGroup(name, spec, sim.rng(`link/${name}/drops`), sim.rng(`link/${name}/latency`)),
      );
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
        svc.deps.push(new DependencyCall(this, svc, depName, dep));
      }
    }
    for (const svc of s)
      if (svc.spec.leases !== undefined) svc.leases = new LeaseHolder(this, svc, svc.spec.leases);
    for (const [name, spec] of Object.entries(scenario.fleets)) {
      f.push(new FleetRuntime(this, f.length, name, spec));
    }
  }

  /**
   * The criticality (policies `Criticality`, 0 most critical) of attempt `a`: its call site's, or for a dependency
   * call the criticality of the attempt it is made for, up to the fleet that started the chain.
   */
  criticalityOf(a: number): number {
    const req = this.requests;
    for (;;) {
      const r = this.attempts.request[a]!;
      const c = this.callers[req.site[r]!]!.config.criticality;
      if (c !== undefined) return c;
      a = req.client[r]!;
    }
  }

  /** Registers a call site and returns its id (what `requests.site[r]` holds for its requests). */
  registerCaller(site: CallSite): number {
    this.callers.push(site);
    return this.callers.length - 1;
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
   * Sends attempt `a` towards its service across `link` (-1: none) on `device` (picked by the caller from its own
   * stream). The device's completion time is known at once, so the attempt's arrival is scheduled directly; a dropped
   * attempt (buffer full, fault, operator policing when `admitted` is false) simply never arrives and its caller times
   * out. So does one whose device is removed while it is buffered there (see `arrive`).
   */
  transmit(a: number, link: number, device: number, admitted: boolean): void {
    const at = this.attempts;
    const now = this.sim.now();
    // Operator policing (block, rate limit) drops the attempt at the route's ingress: the first device, or the
    // service's door when caller and service share a network (no device on the route).
    if (!admitted) {
      at.netRelease(a);
      return;
    }
    if (link < 0) {
      // Same network: no device, no latency; the service sees the attempt at once (it only schedules events).
      at.back[a] = 0;
      this.services[at.service[a]!]!.onArrive(a);
      return;
    }
    const dev = this.links[link]!;
    const lat = dev.crossing();
    const done = dev.enqueue(device, now, false, at.deadline[a]!, lat);
    if (done === DROPPED) {
      at.netRelease(a);
      return;
    }
    at.back[a] = dev.latencyDistributed ? dev.crossing() : lat;
    at.link[a] = link;
    at.device[a] = device;
    at.devEpoch[a] = dev.epoch[device]!;
    this.sim.postAt(done + lat, this.kinds.arrive, a, 0);
  }

  /** Attempt `a` left its device and reached its service, unless the device was removed meanwhile (work lost). */
  private arrive(a: number): void {
    const at = this.attempts;
    const link = at.link[a]!;
    if (link >= 0 && !this.links[link]!.alive(at.device[a]!, at.devEpoch[a]!)) {
      at.netRelease(a);
      return;
    }
    this.services[at.service[a]!]!.onArrive(a);
  }

  /**
   * Removes `n` devices of link `link` (automation `remove-capacity`): work buffered on them is lost and the
   * connections pinned to them are torn down and must be set up again.
   */
  removeLinkDevices(link: number, n: number): void {
    const keep = this.links[link]!.removeDevices(n);
    for (const f of this.fleets) f.devicesRemoved(link, keep);
  }
}
