import { StampedeError } from "../core/StampedeError.js";
import type { AutomationAction } from "../spec/AutomationSpec.js";
import type { FaultSpec } from "../spec/FaultSpec.js";
import type { OperatorActionSpec } from "../spec/OperatorsSpec.js";
import { combineFaults } from "./combineFaults.js";
import type { Monitor } from "./Monitor.js";
import type { RestartSupervisor } from "./RestartSupervisor.js";
import type { World } from "./World.js";

/** A change that unfolds over time: a fleet's count (blocked or fixed clients) moving linearly to a target. */
interface Ramp {
  fleet: number;
  field: "blocked" | "fixed";
  from: number;
  to: number;
  start: number;
  over: number;
}

/**
 * Applies what operators, automation and faults do to the model: reroutes, blocks and gradual re-admission, rate
 * limits, added capacity, scaling, disabled automation, deployed client fixes, endpoint changes, restarts, faults.
 * Gradual changes advance at every metrics interval.
 */
export class OperatorEffects {
  private readonly w: World;
  private readonly monitor: Monitor | undefined;
  private ramps: Ramp[] = [];
  readonly disabledAutomation = new Set<string>();
  /** Called with every operator action as it is applied (the TriggerLedger hears capacity given back). */
  onApply: ((action: OperatorActionSpec) => void) | undefined;

  private readonly supervisor: RestartSupervisor | undefined;
  /** Faults in force, per target name, in start order. */
  private readonly activeFaults = new Map<string, FaultSpec[]>();

  constructor(w: World, monitor: Monitor | undefined, supervisor?: RestartSupervisor) {
    this.w = w;
    this.monitor = monitor;
    this.supervisor = supervisor;
  }

  /** Runs `fn` at time `at` (or now, when `at` has passed). */
  scheduleAt(at: number, fn: () => void): void {
    const now = this.w.sim.now();
    this.w.sim.schedule(at > now ? at - now : 0, fn);
  }

  private fleet(name: string, path: string): number {
    const i = this.w.fleets.findIndex((f) => f.name === name);
    if (i < 0) throw new StampedeError("E_MODEL", `unknown fleet '${name}'`, { path });
    return i;
  }

  /** Applies an operator action now. */
  apply(action: OperatorActionSpec, path: string): void {
    this.onApply?.(action);
    const w = this.w;
    const now = w.sim.now();
    switch (action.type) {
      case "reroute": {
        const selectors = Array.isArray(action.traffic) ? action.traffic : [action.traffic];
        for (const sel of selectors) {
          let matched = false;
          if (sel === "monitoring") {
            if (this.monitor) {
              this.monitor.reroute(action.via);
              matched = true;
            }
          } else if ("dependency" in sel) {
            const [svc, key] = sel.dependency.split(".") as [string, string];
            const s = w.services[w.serviceIndex(svc)]!;
            for (const d of s.deps) {
              if (d.name !== key) continue;
              matched = true;
              d.link = w.routeLink(s.spec.network, w.services[d.service]!.spec.network, action.via, path);
            }
          } else {
            for (const f of w.fleets) {
              if ("class" in sel ? f.spec.trafficClass !== sel.class : f.name !== sel.fleet) continue;
              matched = true;
              f.setLink(w.routeLink(f.spec.network, w.services[f.service]!.spec.network, action.via, path));
            }
          }
          if (!matched)
            throw new StampedeError("E_MODEL", `no traffic matches the selector ${JSON.stringify(sel)}`, {
              path,
            });
        }
        return;
      }
      case "block": {
        const f = w.fleets[this.fleet(action.fleet, path)]!;
        this.ramps = this.ramps.filter((r) => !(r.fleet === f.index && r.field === "blocked"));
        f.blocked = Math.round(action.fraction * f.clients);
        return;
      }
      case "readmit": {
        const f = w.fleets[this.fleet(action.fleet, path)]!;
        this.ramp({
          fleet: f.index,
          field: "blocked",
          from: f.blocked,
          to: 0,
          start: now,
          over: action.over,
        });
        return;
      }
      case "rate-limit":
        w.fleets[this.fleet(action.fleet, path)]!.rateLimit = action.rate;
        return;
      case "add-capacity":
        w.links[w.linkIndexOf(action.link)]!.addDevices(action.devices);
        return;
      case "scale":
        w.services[w.serviceIndex(action.service)]!.setServers(action.servers);
        return;
      case "disable-automation":
        this.disabledAutomation.add(action.name);
        return;
      case "isolate":
        w.fleets[this.fleet(action.fleet, path)]!.site.isolate();
        return;
      case "reset-breakers":
        w.fleets[this.fleet(action.fleet, path)]!.site.resetBreakers();
        return;
      case "deploy-fix": {
        const f = w.fleets[this.fleet(action.fleet, path)]!;
        f.deployFix(action, path);
        this.ramp({
          fleet: f.index,
          field: "fixed",
          from: f.fixed,
          to: f.clients,
          start: now,
          over: action.over,
        });
        return;
      }
    }
  }

  /** Applies an automation action now (unless operators disabled it). */
  automate(name: string, action: AutomationAction): void {
    if (this.disabledAutomation.has(name)) return;
    const w = this.w;
    switch (action.type) {
      case "change-endpoints": {
        const s = w.serviceIndex(action.service);
        const over = action.over ?? 0;
        for (const f of w.fleets)
          if (f.service === s)
            f.teardownAll(
              action.fraction ?? 1,
              w.sim.rng(`automation/${name}/clients/${f.name}`),
              over > 0
                ? {
                    over,
                    shape: action.shape ?? "uniform",
                    rng: w.sim.rng(`automation/${name}/spread/${f.name}`),
                  }
                : undefined,
            );
        return;
      }
      case "scale":
        w.services[w.serviceIndex(action.service)]!.setServers(action.servers);
        return;
      case "remove-capacity":
        if (action.link !== undefined && action.devices !== undefined) {
          w.removeLinkDevices(w.linkIndexOf(action.link), action.devices);
        }
        if (action.service !== undefined && action.servers !== undefined) {
          const i = w.serviceIndex(action.service);
          const svc = w.services[i]!;
          if (this.supervisor?.manages(i)) this.supervisor.removeCapacity(i, action.servers);
          else svc.setServers(svc.servers - action.servers);
        }
        return;
      case "restart":
        w.services[w.serviceIndex(action.service)]!.restart(action.duration);
        return;
      case "cache-loss":
        w.services[w.serviceIndex(action.service)]!.cache?.evictHottest(action.hottest);
        return;
      case "load":
        w.fleets[this.fleet(action.fleet, `automation.${name}.action.fleet`)]!.loadFactor = action.factor;
        return;
    }
  }

  /**
   * Starts (`on` true) or ends a fault. The faults active on a target combine, whatever their order: error rates as
   * independent failures (1 - prod(1 - errorRate)), capacity factors multiply, added latencies add, and the target is
   * partitioned while any of them partitions it. Ending one fault leaves the others in force.
   */
  fault(spec: FaultSpec, on: boolean): void {
    const w = this.w;
    let list = this.activeFaults.get(spec.target);
    if (list === undefined) {
      list = [];
      this.activeFaults.set(spec.target, list);
    }
    if (on) list.push(spec);
    else {
      const i = list.indexOf(spec);
      if (i >= 0) list.splice(i, 1);
    }
    const c = combineFaults(list);
    const svcIndex = w.services.findIndex((s) => s.name === spec.target);
    if (svcIndex >= 0) {
      const s = w.services[svcIndex]!;
      s.errorRate = c.errorRate;
      s.addedLatency = c.addedLatency;
      s.capacityFactor = c.capacityFactor;
      s.partitioned = c.partition;
      s.unresolvable = c.unresolvable;
      s.setServers(s.servers);
      return;
    }
    const l = w.links[w.linkIndexOf(spec.target)]!;
    l.dropRate = c.errorRate;
    l.addedLatency = c.addedLatency;
    l.costFactor = 1 / c.capacityFactor;
    l.partitioned = c.partition;
  }

  private ramp(r: Ramp): void {
    this.ramps = this.ramps.filter((x) => !(x.fleet === r.fleet && x.field === r.field));
    this.ramps.push(r);
    this.advance(this.w.sim.now());
  }

  /** Advances gradual changes to time `now` (called at every interval and when a ramp starts). */
  advance(now: number): void {
    if (this.ramps.length === 0) return;
    this.ramps = this.ramps.filter((r) => {
      const progress = r.over <= 0 ? 1 : Math.min(1, (now - r.start) / r.over);
      this.w.fleets[r.fleet]![r.field] = Math.round(r.from + (r.to - r.from) * progress);
      return progress < 1;
    });
  }
}
