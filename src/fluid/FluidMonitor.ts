import type { OperatorMonitor } from "../metrics/Operators.js";
import type { MonitoringSpec } from "../spec/MonitoringSpec.js";
import type { FluidLink } from "./FluidLink.js";

/** A monitored source: its error ratio over the last completed interval (NaN without traffic). */
export interface FluidSource {
  errorRatio(): number;
}

/**
 * Monitoring on the fluid clock, with the event model's rules (docs/model.md, Monitoring): emission k at exactly
 * (k + 1) x interval; each source's telemetry is one forwarded job on the link of its route, lost when the devices
 * drop more than half of what is offered (the fluid admits shares, a single job either passes or not) or when it
 * would arrive after `timeout`; dashboards see only what arrived.
 */
export class FluidMonitor implements OperatorMonitor {
  readonly spec: MonitoringSpec;
  metricAlarmAt = Number.NaN;
  private readonly sources: FluidSource[];
  links: (FluidLink | null)[];
  private readonly lastSeen: Float64Array;
  private readonly badSince: Float64Array;
  private readonly pendingAt: Float64Array;
  private readonly pendingEmitted: Float64Array;
  private readonly pendingRatio: Float64Array;
  private dependsOn: number[];
  private emissions = 0;

  constructor(
    spec: MonitoringSpec,
    sources: FluidSource[],
    links: (FluidLink | null)[],
    dependsOn: number[],
  ) {
    this.spec = spec;
    this.sources = sources;
    this.links = links;
    this.dependsOn = dependsOn;
    const n = sources.length;
    this.lastSeen = new Float64Array(n);
    this.badSince = new Float64Array(n).fill(Number.NaN);
    this.pendingAt = new Float64Array(n).fill(Number.NaN);
    this.pendingEmitted = new Float64Array(n);
    this.pendingRatio = new Float64Array(n);
  }

  /** Moves telemetry to other routes (operators' reroute of monitoring), off the services it depended on. */
  reroute(links: (FluidLink | null)[]): void {
    this.links = links;
    this.dependsOn = [];
  }

  /** Next emission time, seconds. */
  get nextEmission(): number {
    return (this.emissions + 1) * this.spec.interval;
  }

  /** Emits telemetry at `now` (an emission time); `serviceOut` is the services' out flags. */
  emit(now: number, serviceOut: Uint8Array): void {
    this.emissions++;
    for (const d of this.dependsOn) if (serviceOut[d] === 1) return;
    for (let i = 0; i < this.sources.length; i++) {
      const ratio = this.sources[i]!.errorRatio();
      const link = this.links[i]!;
      if (link === null) {
        this.arrive(i, now, ratio, now);
        continue;
      }
      if (link.admit < 0.5) {
        link.offer(1, false, this.spec.timeout, link.crossing);
        continue;
      }
      const travel = link.delay + link.cost(false) + link.crossing;
      link.offer(1, false, this.spec.timeout, link.crossing);
      if (travel > this.spec.timeout) continue;
      if (!Number.isNaN(this.pendingAt[i]!))
        this.arrive(i, this.pendingEmitted[i]!, this.pendingRatio[i]!, now);
      this.pendingAt[i] = now + travel;
      this.pendingEmitted[i] = now;
      this.pendingRatio[i] = ratio;
    }
  }

  /** Earliest pending telemetry arrival, seconds (Infinity when none). */
  get nextDelivery(): number {
    let at = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.pendingAt.length; i++) {
      const a = this.pendingAt[i]!;
      if (!Number.isNaN(a) && a < at) at = a;
    }
    return at;
  }

  /** Delivers the telemetry that arrived by `now`. */
  deliver(now: number): void {
    for (let i = 0; i < this.sources.length; i++) {
      const at = this.pendingAt[i]!;
      if (!Number.isNaN(at) && at <= now + 1e-9) {
        this.pendingAt[i] = Number.NaN;
        this.arrive(i, this.pendingEmitted[i]!, this.pendingRatio[i]!, at);
      }
    }
  }

  private arrive(i: number, emitted: number, ratio: number, at: number): void {
    if (emitted <= this.lastSeen[i]!) return;
    this.lastSeen[i] = emitted;
    const alarm = this.spec.alarms.errorRatio;
    if (ratio > alarm.threshold) {
      if (Number.isNaN(this.badSince[i]!)) this.badSince[i] = emitted;
      if (emitted - this.badSince[i]! >= alarm.for && Number.isNaN(this.metricAlarmAt))
        this.metricAlarmAt = at;
    } else this.badSince[i] = Number.NaN;
  }

  staleness(now: number): number {
    let oldest = now;
    for (let i = 0; i < this.sources.length; i++) if (this.lastSeen[i]! < oldest) oldest = this.lastSeen[i]!;
    return now - oldest;
  }

  blind(now: number): boolean {
    return this.staleness(now) > this.spec.staleAfter;
  }

  impacted(): boolean {
    const t = this.spec.alarms.errorRatio.threshold;
    for (const s of this.sources) if (s.errorRatio() > t) return true;
    return false;
  }
}
