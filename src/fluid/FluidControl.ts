import { StampedeError } from "../core/StampedeError.js";
import type { OperatorEffectsPort } from "../metrics/Operators.js";
import type { AutomationAction } from "../spec/AutomationSpec.js";
import type { FaultSpec } from "../spec/FaultSpec.js";
import type { OperatorActionSpec } from "../spec/OperatorsSpec.js";
import type { FluidCaller } from "./FluidCaller.js";
import type { FluidLink } from "./FluidLink.js";
import type { FluidModel } from "./FluidModel.js";
import type { FluidService } from "./FluidService.js";

interface Timed {
  at: number;
  seq: number;
  fn: () => void;
}

interface Ramp {
  fleet: FluidCaller;
  from: number;
  start: number;
  over: number;
}

/** Capacity that trigger-marked automation took away from one entity (for `capacity.missing`). */
interface Held {
  declared: number;
  removed: number;
}

/**
 * The discrete side of the fluid engine: faults (combined per target like the event model's), automation, operators'
 * actions and ramps, on the fluid clock. Times are rounded to whole steps; actions at the same step run in time
 * order, then in the order they were scheduled.
 */
export class FluidControl implements OperatorEffectsPort {
  private readonly m: FluidModel;
  private readonly timed: Timed[] = [];
  private seq = 0;
  private readonly active = new Map<string, FaultSpec[]>();
  private readonly disabled = new Set<string>();
  private ramps: Ramp[] = [];
  /** The continuous parts' step (FluidModel's local step) and the clock's time, seconds, of the current step. */
  private n = 0;
  private t = 0;
  /** Trigger-held capacity per service and link (by name). */
  private readonly held = new Map<string, Held>();
  private readonly restartUntil = new Map<string, number>();

  constructor(m: FluidModel) {
    this.m = m;
    const s = m.scenario;
    for (const [name, f] of Object.entries(s.faults)) {
      this.scheduleAt(f.start, () => this.fault(f, true));
      this.scheduleAt(f.end, () => this.fault(f, false));
      void name;
    }
    for (const [name, a] of Object.entries(s.automation)) {
      this.scheduleAt(a.at, () => {
        if (!this.disabled.has(name)) this.automation(a.action, a.trigger, `automation.${name}.action`);
      });
    }
  }

  scheduleAt(at: number, fn: () => void): void {
    this.timed.push({ at, seq: this.seq++, fn });
    this.timed.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Runs the actions due at the start of step n (time t). */
  beforeStep(n: number, t: number): void {
    this.n = n;
    this.t = t;
    this.runScheduled(t);
  }

  /** Time of the next scheduled action, seconds (Infinity when none). */
  get nextAt(): number {
    return this.timed.length > 0 ? this.timed[0]!.at : Number.POSITIVE_INFINITY;
  }

  runScheduled(t: number): void {
    const half = this.m.dt / 2;
    while (this.timed.length > 0 && this.timed[0]!.at < t + half) this.timed.shift()!.fn();
  }

  private service(name: string, path: string): FluidService {
    const s = this.m.services.find((x) => x.name === name);
    if (s === undefined) throw new StampedeError("E_MODEL", `unknown service '${name}'`, { path });
    return s;
  }

  private link(name: string, path: string): FluidLink {
    const l = this.m.links.find((x) => x.name === name);
    if (l === undefined) throw new StampedeError("E_MODEL", `unknown link '${name}'`, { path });
    return l;
  }

  private fleet(name: string, path: string): FluidCaller {
    const f = this.m.callers.slice(0, this.m.fleetCount).find((x) => x.name === name);
    if (f === undefined) throw new StampedeError("E_MODEL", `unknown fleet '${name}'`, { path });
    return f;
  }

  private fault(f: FaultSpec, on: boolean): void {
    const list = this.active.get(f.target) ?? [];
    if (on) list.push(f);
    else list.splice(list.indexOf(f), 1);
    this.active.set(f.target, list);
    let keep = 1;
    let cf = 1;
    let lat = 0;
    let part = false;
    for (const x of list) {
      keep *= 1 - (x.errorRate ?? 0);
      cf *= x.capacityFactor ?? 1;
      lat += x.addedLatency ?? 0;
      part ||= x.partition === true;
    }
    const s = this.m.services.find((x) => x.name === f.target);
    if (s !== undefined) {
      s.errorRate = 1 - keep;
      s.capacityFactor = cf;
      s.addedLatency = lat;
      s.partitioned = part;
      return;
    }
    const l = this.link(f.target, "faults");
    l.dropRate = 1 - keep;
    l.capacityFactor = cf;
    l.addedLatency = lat;
    l.partitioned = part;
  }

  private hold(name: string, declared: number, removed: number): void {
    const h = this.held.get(name) ?? { declared, removed: 0 };
    h.removed = Math.max(0, h.removed + removed);
    this.held.set(name, h);
  }

  private automation(a: AutomationAction, trigger: boolean, path: string): void {
    const n = this.n;
    switch (a.type) {
      case "change-endpoints": {
        for (const c of this.m.callers.slice(0, this.m.fleetCount))
          if (c.service.name === a.service) c.teardown(n, a.fraction ?? 1);
        return;
      }
      case "scale": {
        const s = this.service(a.service, path);
        if (trigger && a.servers < s.servers) this.hold(s.name, s.spec.servers, s.servers - a.servers);
        s.setServers(a.servers);
        return;
      }
      case "remove-capacity": {
        if (a.link !== undefined) {
          const l = this.link(a.link, path);
          const d = Math.min(a.devices ?? 0, l.devices);
          if (trigger) this.hold(l.name, l.spec.devices, d);
          const lost = l.removeDevices(d);
          const li = this.m.links.indexOf(l) + 1;
          for (const s of this.m.services) if (s.lanes[li] !== undefined) s.lanes[li]!.scale(1 - lost);
          for (const c of this.m.callers) if (c.link === l) c.resetAll(n, lost);
        }
        if (a.service !== undefined) {
          const s = this.service(a.service, path);
          const k = Math.min(a.servers ?? 0, s.servers);
          if (trigger) this.hold(s.name, s.spec.servers, k);
          s.setServers(s.servers - k);
        }
        return;
      }
      case "restart": {
        const s = this.service(a.service, path);
        s.downUntil = this.t + a.duration;
        if (trigger) this.restartUntil.set(s.name, s.downUntil);
        return;
      }
      case "load": {
        this.fleet(a.fleet, path).loadFactor = a.factor;
        return;
      }
      case "cache-loss":
        throw new StampedeError("E_FLUID", "caches are not in the fluid engine", { path });
    }
  }

  /** Applies an operator's runbook action (the event model's OperatorEffects.apply, for the actions it supports). */
  apply(action: OperatorActionSpec, path: string): void {
    const m = this.m;
    const now = this.t;
    switch (action.type) {
      case "reroute": {
        const selectors = Array.isArray(action.traffic) ? action.traffic : [action.traffic];
        for (const sel of selectors) {
          let matched = false;
          if (sel === "monitoring") {
            const mon = m.monitor;
            if (mon !== undefined) {
              const net = m.scenario.monitoring!.network;
              mon.reroute(m.monitorNetworks.map((from) => m.route(from, net, action.via, path)));
              matched = true;
            }
          } else if ("dependency" in sel) {
            const [svc, key] = sel.dependency.split(".") as [string, string];
            const s = this.service(svc, path);
            for (const d of s.deps) {
              if (d.name !== key) continue;
              matched = true;
              this.moveCaller(
                d.caller,
                m.route(s.spec.network, d.caller.service.spec.network, action.via, path),
              );
            }
          } else {
            const fleets = Object.entries(m.scenario.fleets);
            fleets.forEach(([name, f], i) => {
              if ("class" in sel ? f.trafficClass !== sel.class : name !== sel.fleet) return;
              matched = true;
              const c = m.callers[i]!;
              this.moveCaller(c, m.route(f.network, c.service.spec.network, action.via, path));
            });
          }
          if (!matched)
            throw new StampedeError("E_MODEL", `no traffic matches the selector ${JSON.stringify(sel)}`, {
              path,
            });
        }
        return;
      }
      case "block": {
        const f = this.fleet(action.fleet, path);
        this.ramps = this.ramps.filter((r) => r.fleet !== f);
        f.setBlocked(Math.round(action.fraction * f.clients));
        return;
      }
      case "readmit": {
        const f = this.fleet(action.fleet, path);
        this.ramps = this.ramps.filter((r) => r.fleet !== f);
        this.ramps.push({ fleet: f, from: f.blockedClients, start: now, over: action.over });
        this.advanceRamps(now);
        return;
      }
      case "add-capacity": {
        const l = this.link(action.link, path);
        l.devices += action.devices;
        const h = this.held.get(l.name);
        if (h !== undefined) h.removed = Math.max(0, h.removed - action.devices);
        return;
      }
      case "scale": {
        const s = this.service(action.service, path);
        const h = this.held.get(s.name);
        if (h !== undefined && action.servers > s.servers)
          h.removed = Math.max(0, h.removed - (action.servers - s.servers));
        s.setServers(action.servers);
        return;
      }
      case "disable-automation":
        this.disabled.add(action.name);
        return;
      default:
        throw new StampedeError(
          "E_FLUID",
          `the operator action '${action.type}' is not in the fluid engine`,
          {
            path,
          },
        );
    }
  }

  private moveCaller(c: FluidCaller, link: FluidLink | null): void {
    if (link === c.link) return;
    c.link = link;
    c.lane = this.m.laneOf(c.service, link);
    c.resetAll(this.n);
  }

  /** Advances gradual changes (readmission) to `now`, at every metrics interval. */
  advanceRamps(now: number): void {
    if (this.ramps.length === 0) return;
    this.ramps = this.ramps.filter((r) => {
      const p = r.over <= 0 ? 1 : Math.min(1, (now - r.start) / r.over);
      r.fleet.setBlocked(Math.round(r.from * (1 - p)));
      return p < 1;
    });
  }

  /**
   * `capacity.missing` at `now`: the largest share of a service's or link's declared capacity that trigger-marked
   * automation and faults hold away (removed or scaled-away servers and devices not given back, capped by what is
   * actually missing; a trigger fault's capacity factor, error rate or partition while on; a trigger restart's down
   * time).
   */
  missing(now: number): number {
    let worst = 0;
    for (const s of this.m.services) {
      const h = this.held.get(s.name);
      if (h !== undefined && h.declared > 0)
        worst = Math.max(worst, Math.min(h.removed, Math.max(0, h.declared - s.servers)) / h.declared);
      if ((this.restartUntil.get(s.name) ?? Number.NEGATIVE_INFINITY) > now) worst = 1;
    }
    for (const l of this.m.links) {
      const h = this.held.get(l.name);
      if (h !== undefined && h.declared > 0)
        worst = Math.max(worst, Math.min(h.removed, Math.max(0, h.declared - l.devices)) / h.declared);
    }
    for (const list of this.active.values())
      for (const f of list) {
        if (!f.trigger) continue;
        const share = f.partition ? 1 : Math.max(1 - (f.capacityFactor ?? 1), f.errorRate ?? 0);
        worst = Math.max(worst, share);
      }
    return Math.min(1, worst);
  }
}
