import type { DeviceGroup } from "./DeviceGroup.js";
import type { RestartSupervisor } from "./RestartSupervisor.js";
import type { ServiceRuntime } from "./ServiceRuntime.js";
import type { TriggerLedger } from "./TriggerLedger.js";
import type { World } from "./World.js";

/**
 * Measures how much of the scenario's declared capacity the trigger holds away, for the `capacity.missing` series
 * column and the verdict's `sustained` test. It only reads the model's state; it never changes it.
 *
 * Only capacity that trigger-marked automation and faults removed counts (see TriggerLedger): servers and devices they
 * removed, a trigger restart's down time and cold start, the cells a trigger removal took down and their restart, a
 * trigger fault's capacity factor, error rate or partition. Restarts of other origin, health checks and host
 * replacement never count. Each component's share of what the trigger removed is capped by what is actually there:
 * once capacity is back by any means (an operator's scale or added devices, a completed restart) it is not missing.
 *
 * The actual share of a service's declared capacity (`servers` in the scenario, after scaling) is the product of
 * - its servers now over the declared servers (servers removed, scaled down, out for replacement, or in cells that are
 *   down or restarting),
 *   and the share of its cells that are up;
 * - 0 while it is down as a whole (a `restart` action, or a supervised service below its floor or restarting);
 * - a fault's `capacityFactor`, `1 - errorRate`, and 0 under a partition;
 * - `1 / f` while it runs cold after a restart, with `f` the cold factor left (`degradation.coldFactor` decaying over
 *   `warmup`).
 * A device group's share is its devices over the declared devices, times a fault's `capacityFactor` (1 / cost
 *   factor), `1 - dropRate`, and 0 under a partition.
 * Each share is capped at 1 (capacity added beyond the declared value does not offset another component's loss).
 * Slowdown caused by the load itself (`degradation.perQueued`, work wasted on abandoned requests, a cold cache) is
 * not missing capacity: it is what a self-sustaining failure is made of.
 */
export class CapacityGauge {
  private readonly services: readonly ServiceRuntime[];
  private readonly links: readonly DeviceGroup[];
  /** Declared devices of each link. */
  private readonly devices: Float64Array;

  constructor(
    w: World,
    private readonly ledger: TriggerLedger,
    private readonly supervisor: RestartSupervisor | undefined,
  ) {
    this.services = w.services;
    this.links = w.links;
    this.devices = Float64Array.from(w.links, (l) => w.scenario.links[l.name]?.devices ?? l.devices);
  }

  /** Share (0..1) of service `s`'s declared capacity left by what the trigger removed (the ledger). */
  private triggerShare(s: ServiceRuntime, now: number): number {
    const L = this.ledger;
    const i = s.index;
    if (now < L.restartEnd[i]!) return 0;
    const declared = s.spec.servers;
    let share = declared > 0 ? clampShare(1 - L.removedServers[i]! / declared) : 1;
    const hit = L.supervisedHit[i] === 1;
    if (hit && this.supervisor !== undefined) share = Math.min(share, 1 - this.supervisor.downShare(i));
    share *= L.serviceFaultShare(i);
    // A cold start counts when it follows a trigger restart, or the restart of cells a trigger removal took down.
    if ((hit || s.coldSince === L.restartEnd[i]) && now >= s.coldSince) {
      const cold = s.coldFactor(now);
      if (cold > 1) share /= cold;
    }
    return share;
  }

  /**
   * The largest share of declared capacity that the trigger holds away, over every service and device group, at time
   * `now` (seconds): 0 when everything the trigger removed is back, 1 when the trigger left some service or device
   * group with none. Allocation-free.
   */
  missing(now: number): number {
    let worst = 0;
    for (const s of this.services) {
      const m = 1 - Math.max(this.triggerShare(s, now), serviceShare(s, now));
      if (m > worst) worst = m;
    }
    for (let i = 0; i < this.links.length; i++) {
      const declared = this.devices[i]!;
      const removed = declared > 0 ? clampShare(1 - this.ledger.removedDevices[i]! / declared) : 1;
      const trigger = removed * this.ledger.linkFaultShare(i);
      const m = 1 - Math.max(trigger, linkShare(this.links[i]!, declared));
      if (m > worst) worst = m;
    }
    return worst;
  }
}

function clampShare(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Share (0..1) of service `s`'s declared capacity available at time `now`. */
function serviceShare(s: ServiceRuntime, now: number): number {
  if (s.partitioned || now < s.downUntil) return 0;
  const declared = s.spec.servers;
  let share = declared > 0 ? clampShare(s.servers / declared) : 1;
  if (s.cellDown !== undefined) share = Math.min(share, 1 - s.downCells / s.cellDown.length);
  share *= clampShare(s.capacityFactor) * clampShare(1 - s.errorRate);
  // Counted from the start of the cold period only (a restart's down time ends as it begins).
  const cold = now >= s.coldSince ? s.coldFactor(now) : 1;
  if (cold > 1) share /= cold;
  return share;
}

/** Share (0..1) of device group `l`'s declared capacity (`declared` devices) available. */
function linkShare(l: DeviceGroup, declared: number): number {
  if (l.partitioned) return 0;
  const share = declared > 0 ? clampShare(l.devices / declared) : 1;
  return share * clampShare(1 / l.costFactor) * clampShare(1 - l.dropRate);
}
