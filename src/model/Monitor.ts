import type { Rng } from "../core/Rng.js";
import type { MonitoringSpec } from "../spec/MonitoringSpec.js";
import { DROPPED } from "./DeviceGroup.js";
import type { World } from "./World.js";

/** What each monitored source reports: its error ratio over the last metrics interval. */
export interface MonitoredSource {
  name: string;
  network: string;
  /** Error ratio (0..1) of the source over the last completed interval; NaN when it saw no traffic. */
  errorRatio(): number;
}

/** Smallest ring of per-emission error ratios, in emissions. */
const MIN_RING = 64;

/**
 * Monitoring: every `interval` each source emits telemetry that travels a route like any traffic (it is a forwarded
 * job on the devices it crosses, with a timeout). Dashboards and alarms see only the data that arrived, so when the
 * devices are congested the monitor goes stale (blind). Out-of-band monitoring is just a route that avoids them.
 */
export class Monitor {
  readonly spec: MonitoringSpec;
  private readonly w: World;
  private readonly sources: MonitoredSource[];
  private readonly links: Int32Array;
  /** Emission time of the newest telemetry that arrived, per source. */
  private readonly lastSeen: Float64Array;
  /** Emission time since which the arrived data says the source is bad, per source (NaN when good). */
  private readonly badSince: Float64Array;
  /**
   * Error ratio at each emission, per source, in a ring indexed by emission number. An emission arrives at most
   * `timeout` after it was sent, so at most floor(timeout / interval) + 1 emissions are in flight: the ring holds
   * that many and more (`ring`), so a late arrival never reads a newer emission's ratio.
   */
  private readonly ratios: Float64Array;
  /** Ring length, in emissions: max(64, floor(timeout / interval) + 2). */
  readonly ring: number;
  private emissions = 0;
  /** Device picks of telemetry (`link/pick/monitoring`). */
  private readonly pickRng: Rng;
  private readonly emitKind: number;
  private readonly arriveKind: number;
  /** Services the monitoring system stores its data in (`dependsOn`); emptied by a reroute. */
  private dependsOn: number[] = [];
  private serviceOut: Uint8Array | undefined;
  /** First time the metric alarm condition held for `for` seconds on arrived data, or NaN. */
  metricAlarmAt = Number.NaN;

  constructor(w: World, spec: MonitoringSpec, sources: MonitoredSource[]) {
    this.pickRng = w.sim.rng("link/pick/monitoring");
    this.w = w;
    this.spec = spec;
    this.sources = sources;
    this.links = new Int32Array(sources.length);
    sources.forEach((s, i) => {
      this.links[i] = w.routeLink(s.network, spec.network, spec.via, `monitoring.sources[${i}]`);
    });
    this.lastSeen = new Float64Array(sources.length);
    this.badSince = new Float64Array(sources.length).fill(Number.NaN);
    this.ring = Math.max(MIN_RING, Math.floor(spec.timeout / spec.interval) + 2);
    this.ratios = new Float64Array(sources.length * this.ring);
    this.emitKind = w.sim.register(() => this.emit(), "telemetry-emit");
    this.arriveKind = w.sim.register((src, p) => this.arrive(src, p), "telemetry-arrive");
  }

  /**
   * Makes telemetry depend on services (`spec.dependsOn`): while one of them is out (`serviceOut[i]` is 1, the
   * model's per-interval outage state), emitted telemetry is lost.
   */
  dependOn(serviceIndexes: number[], serviceOut: Uint8Array): void {
    this.dependsOn = serviceIndexes;
    this.serviceOut = serviceOut;
  }

  /** Schedules emission number 0 at `interval`; emission k runs at exactly `(k + 1) * interval` (no float drift). */
  start(): void {
    this.w.sim.postAt(this.spec.interval, this.emitKind, 0, 0);
  }

  /**
   * Moves the telemetry onto another route (operators' reroute), off the services it depended on. `via` = [] is
   * out-of-band.
   */
  reroute(via: string[]): void {
    this.dependsOn = [];
    this.sources.forEach((s, i) => {
      this.links[i] = this.w.routeLink(s.network, this.spec.network, via, "operators.reroute");
    });
  }

  private emit(): void {
    const w = this.w;
    const now = w.sim.now();
    const k = this.emissions++;
    let lost = false;
    for (const d of this.dependsOn) if (this.serviceOut![d] === 1) lost = true;
    for (let i = 0; i < this.sources.length && !lost; i++) {
      this.ratios[i * this.ring + (k % this.ring)] = this.sources[i]!.errorRatio();
      const link = this.links[i]!;
      if (link < 0) {
        this.arrive(i, k);
        continue;
      }
      const dev = w.links[link]!;
      const lat = dev.crossing();
      const deadline = now + this.spec.timeout;
      const done = dev.enqueue(dev.pickDevice(this.pickRng), now, false, deadline, lat);
      if (done !== DROPPED && done + lat <= deadline) w.sim.postAt(done + lat, this.arriveKind, i, k);
    }
    w.sim.postAt((k + 2) * this.spec.interval, this.emitKind, 0, 0);
  }

  /** Telemetry of emission number `k` from source `i` arrived. */
  private arrive(i: number, k: number): void {
    const emitted = (k + 1) * this.spec.interval;
    if (emitted <= this.lastSeen[i]!) return;
    this.lastSeen[i] = emitted;
    const ratio = this.ratios[i * this.ring + (k % this.ring)]!;
    const alarm = this.spec.alarms.errorRatio;
    if (ratio > alarm.threshold) {
      if (Number.isNaN(this.badSince[i]!)) this.badSince[i] = emitted;
      if (emitted - this.badSince[i]! >= alarm.for && Number.isNaN(this.metricAlarmAt)) {
        this.metricAlarmAt = this.w.sim.now();
      }
    } else {
      this.badSince[i] = Number.NaN;
    }
  }

  /** Age of the stalest source's newest data, seconds. */
  staleness(now: number): number {
    let oldest = now;
    for (let i = 0; i < this.sources.length; i++) if (this.lastSeen[i]! < oldest) oldest = this.lastSeen[i]!;
    return now - oldest;
  }

  /** True while monitoring is blind (data older than `staleAfter`). */
  blind(now: number): boolean {
    return this.staleness(now) > this.spec.staleAfter;
  }

  /** Ground truth (not what monitoring sees): is any source's error ratio above the alarm threshold? */
  impacted(): boolean {
    const t = this.spec.alarms.errorRatio.threshold;
    for (const s of this.sources) if (s.errorRatio() > t) return true;
    return false;
  }
}
