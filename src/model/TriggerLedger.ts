import type { AutomationAction } from "../spec/AutomationSpec.js";
import type { FaultSpec } from "../spec/FaultSpec.js";
import type { Scenario } from "../spec/Scenario.js";
import type { World } from "./World.js";

/** One active trigger fault's effect on its target. */
interface ActiveFault {
  spec: FaultSpec;
}

/**
 * What trigger-marked automation and faults took away, per service and device group, for the `capacity.missing`
 * series (CapacityGauge) and so the verdict's `sustained` test. It records only:
 * - servers and devices removed by a trigger `remove-capacity`, and servers scaled away by a trigger `scale` (below
 *   the declared count); later `scale` and `add-capacity` actions (operators or automation) give them back;
 * - a trigger `restart` action's down time and the cold start that follows it;
 * - for a supervised service (`minServers`/`cells`) hit by a trigger `remove-capacity`, the cells that the removal
 *   took down and their full restart (a direct consequence of the removal);
 * - the capacity factor, error rate and partition of each trigger fault while it is on.
 * Restarts of other origin, health checks and host replacement are never recorded: capacity lost to them is the
 * outage's own doing, which is what a self-sustaining failure is made of. The ledger only listens; it never changes
 * the model.
 */
export class TriggerLedger {
  /** Servers of each service removed by triggers and not given back. */
  readonly removedServers: Float64Array;
  /** Devices of each link removed by triggers and not given back. */
  readonly removedDevices: Float64Array;
  /** End of the latest trigger `restart` of each service (seconds), or -Infinity. */
  readonly restartEnd: Float64Array;
  /** Supervised services whose cells a trigger removal took down. */
  readonly supervisedHit: Uint8Array;
  private readonly serviceFaults: ActiveFault[][];
  private readonly linkFaults: ActiveFault[][];
  private readonly automationTrigger: ReadonlyMap<string, boolean>;

  constructor(
    private readonly w: World,
    scenario: Scenario,
  ) {
    this.removedServers = new Float64Array(w.services.length);
    this.removedDevices = new Float64Array(w.links.length);
    this.restartEnd = new Float64Array(w.services.length).fill(Number.NEGATIVE_INFINITY);
    this.supervisedHit = new Uint8Array(w.services.length);
    this.serviceFaults = w.services.map(() => []);
    this.linkFaults = w.links.map(() => []);
    this.automationTrigger = new Map(Object.entries(scenario.automation).map(([n, a]) => [n, a.trigger]));
  }

  /** Automation `name` ran `action` now (call only when it took effect, not when operators disabled it). */
  automated(name: string, action: AutomationAction): void {
    if (this.automationTrigger.get(name) !== true) {
      this.restored(action);
      return;
    }
    const w = this.w;
    switch (action.type) {
      case "remove-capacity":
        if (action.link !== undefined && action.devices !== undefined)
          this.removedDevices[w.linkIndexOf(action.link)]! += action.devices;
        if (action.service !== undefined && action.servers !== undefined) {
          const i = w.serviceIndex(action.service);
          this.removedServers[i]! += action.servers;
          const spec = w.services[i]!.spec;
          if (spec.minServers !== undefined || spec.cells !== undefined) this.supervisedHit[i] = 1;
        }
        return;
      case "scale": {
        const i = w.serviceIndex(action.service);
        this.removedServers[i] = Math.max(0, w.services[i]!.spec.servers - action.servers);
        return;
      }
      case "restart": {
        const i = w.serviceIndex(action.service);
        this.restartEnd[i] = w.sim.now() + action.duration;
        return;
      }
      default:
        return;
    }
  }

  /** Operators applied an action that may give trigger-removed capacity back (`scale`, `add-capacity`). */
  restored(action: {
    type: string;
    service?: string;
    servers?: number;
    link?: string;
    devices?: number;
  }): void {
    const w = this.w;
    if (action.type === "scale" && action.service !== undefined && action.servers !== undefined) {
      const i = w.serviceIndex(action.service);
      const deficit = Math.max(0, w.services[i]!.spec.servers - action.servers);
      this.removedServers[i] = Math.min(this.removedServers[i]!, deficit);
    } else if (action.type === "add-capacity" && action.link !== undefined && action.devices !== undefined) {
      const l = w.linkIndexOf(action.link);
      this.removedDevices[l] = Math.max(0, this.removedDevices[l]! - action.devices);
    }
  }

  /** Fault `spec` started (`on`) or ended. Only trigger faults are recorded. */
  fault(spec: FaultSpec, on: boolean): void {
    if (!spec.trigger) return;
    const s = this.w.services.findIndex((x) => x.name === spec.target);
    const list = s >= 0 ? this.serviceFaults[s]! : this.linkFaults[this.w.linkIndexOf(spec.target)]!;
    if (on) list.push({ spec });
    else {
      const k = list.findIndex((f) => f.spec === spec);
      if (k >= 0) list.splice(k, 1);
    }
  }

  /** Share (0..1) of service `i`'s capacity left by its active trigger faults (capacity x (1 - error), 0 if cut). */
  serviceFaultShare(i: number): number {
    return faultShare(this.serviceFaults[i]!);
  }

  /** Share (0..1) of link `i`'s capacity left by its active trigger faults. */
  linkFaultShare(i: number): number {
    return faultShare(this.linkFaults[i]!);
  }
}

function faultShare(list: readonly ActiveFault[]): number {
  let share = 1;
  for (const { spec } of list) {
    if (spec.partition === true) return 0;
    share *=
      Math.min(1, Math.max(0, spec.capacityFactor ?? 1)) *
      Math.min(1, Math.max(0, 1 - (spec.errorRate ?? 0)));
  }
  return share;
}
