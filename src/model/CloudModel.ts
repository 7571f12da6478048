import { StampedeError } from "../core/StampedeError.js";
import { Simulation } from "../engine/Simulation.js";
import { Dependents } from "../metrics/Dependents.js";
import { HostReplacer } from "../metrics/HostReplacer.js";
import { IntervalRecorder } from "../metrics/IntervalRecorder.js";
import { latestFaultEnd, Operators } from "../metrics/Operators.js";
import { SERIES_METRICS } from "../metrics/seriesMetrics.js";
import type { Scenario } from "../spec/Scenario.js";
import { CapacityGauge } from "./CapacityGauge.js";
import { Monitor, type MonitoredSource } from "./Monitor.js";
import { OperatorEffects } from "./OperatorEffects.js";
import { poolColumns } from "./poolColumns.js";
import { notRestarting, RestartSupervisor } from "./RestartSupervisor.js";
import { TriggerLedger } from "./TriggerLedger.js";
import { World } from "./World.js";

/**
 * The cloud model of a scenario on its own Simulation: builds the world, schedules automation and faults, and at
 * every metrics interval records the series, advances monitoring, operators, gradual changes and dependents.
 */
export class CloudModel {
  readonly sim: Simulation;
  readonly world: World;
  readonly recorder: IntervalRecorder;
  readonly monitor: Monitor | undefined;
  readonly operators: Operators;
  readonly effects: OperatorEffects;
  readonly dependents: Dependents;
  /** What trigger-marked automation and faults took away (the `capacity.missing` series). */
  readonly ledger: TriggerLedger;
  /** Minimum capacity and full restarts (services with `minServers` or `cells`), or undefined. */
  readonly supervisor: RestartSupervisor | undefined;
  /** Health checks and host replacement (services with `healthCheck`), or undefined. */
  readonly replacer: HostReplacer | undefined;
  readonly serviceOut: Uint8Array;
  readonly dependentUp: Uint8Array;
  private readonly lastRatio: Float64Array;
  private readonly fleetRatio: Float64Array;
  private readonly record: (() => void)[] = [];
  private lastTick = 0;

  constructor(
    readonly scenario: Scenario,
    seed: number,
    until: number,
  ) {
    this.sim = new Simulation({ seed, initialCapacity: 1 << 16 });
    const w = new World(scenario, this.sim);
    this.world = w;
    this.recorder = new IntervalRecorder(scenario.interval, until);
    this.lastRatio = new Float64Array(w.services.length).fill(Number.NaN);
    this.fleetRatio = new Float64Array(w.fleets.length).fill(Number.NaN);
    this.serviceOut = new Uint8Array(w.services.length);
    this.dependentUp = new Uint8Array(Object.keys(scenario.dependents).length).fill(1);

    if (scenario.monitoring !== undefined) {
      const sources = scenario.monitoring.sources.map((name, i): MonitoredSource => {
        const s = w.services.findIndex((x) => x.name === name);
        if (s >= 0)
          return { name, network: w.services[s]!.spec.network, errorRatio: () => this.lastRatio[s]! };
        const f = w.fleets.findIndex((x) => x.name === name);
        if (f < 0) {
          throw new StampedeError("E_MODEL", `unknown monitoring source '${name}'`, {
            path: `monitoring.sources[${i}]`,
          });
        }
        return { name, network: w.fleets[f]!.spec.network, errorRatio: () => this.fleetRatio[f]! };
      });
      this.monitor = new Monitor(w, scenario.monitoring, sources);
    }
    this.supervisor = RestartSupervisor.create(w);
    const sup = this.supervisor;
    this.replacer = HostReplacer.create(
      w.services,
      (name) => w.serviceIndex(name),
      this.serviceOut,
      (d) => (sup !== undefined ? sup.up(d) : notRestarting(w, d)),
    );
    const dependsOn = scenario.monitoring?.dependsOn;
    if (this.monitor !== undefined && dependsOn !== undefined)
      this.monitor.dependOn(
        dependsOn.map((n) => w.serviceIndex(n)),
        this.serviceOut,
      );
    this.effects = new OperatorEffects(w, this.monitor, this.supervisor);
    this.ledger = new TriggerLedger(w, scenario);
    this.effects.onApply = (action) => this.ledger.restored(action);
    this.operators = new Operators(
      scenario.operators,
      this.monitor,
      this.effects,
      scenario.start,
      latestFaultEnd(scenario.faults),
    );
    this.dependents = new Dependents(
      w.services.map((s) => s.name),
      scenario.dependents,
      w.services.map((s) => s.spec.plane),
    );
    this.declareColumns();

    for (const [name, a] of Object.entries(scenario.automation)) {
      this.effects.scheduleAt(a.at, () => {
        if (!this.effects.disabledAutomation.has(name)) this.ledger.automated(name, a.action);
        this.effects.automate(name, a.action);
      });
    }
    for (const fault of Object.values(scenario.faults)) {
      this.effects.scheduleAt(fault.start, () => {
        this.ledger.fault(fault, true);
        this.effects.fault(fault, true);
      });
      this.effects.scheduleAt(fault.end, () => {
        this.ledger.fault(fault, false);
        this.effects.fault(fault, false);
      });
    }
    this.tickKind = this.sim.register(() => this.tick(), "metrics-tick");
    this.stepKind = this.sim.register(() => this.step(), "interval-step");
    this.scheduleTick();
    this.sim.postAt(scenario.interval, this.stepKind, 0, 0);
    for (const f of w.fleets) f.start();
    this.monitor?.start();
  }

  private readonly tickKind: number;
  private readonly stepKind: number;
  /** Number of metrics ticks run so far; tick k (from 1) runs at exactly `k * interval`. */
  private ticks = 0;
  /** Number of interval steps run so far; step k (from 1) runs at exactly `k * interval`, after tick k. */
  private steps = 0;
  private lastStep = 0;

  /**
   * Schedules the next metrics tick at `(ticks + 1) * interval` (a product, not a running sum of intervals, so tick k
   * never drifts off its boundary), in the urgent tier: it samples the state before any other event at that time.
   */
  private scheduleTick(): void {
    this.sim.urgentAt((this.ticks + 1) * this.scenario.interval, this.tickKind, 0, 0);
  }

  /**
   * Runs to `until` seconds, calling `onProgress(fraction)` now and then. `shouldStop` (a resource guard) is asked
   * every 10 metrics intervals at most; when it says true the run ends there. Returns the simulated seconds reached.
   */
  run(until: number, onProgress?: (fraction: number) => void, shouldStop?: () => boolean): number {
    const every = Math.max(this.scenario.interval, until / 200);
    const chunk = shouldStop ? Math.min(every, 10 * this.scenario.interval) : every;
    let reported = 0;
    for (let t = chunk; ; t += chunk) {
      const stop = Math.min(t, until);
      this.sim.run({ until: stop });
      if (stop - reported >= every || stop >= until) {
        reported = stop;
        onProgress?.(stop / until);
      }
      if (stop >= until || shouldStop?.()) return stop;
    }
  }

  private declareColumns(): void {
    const w = this.world;
    const r = this.recorder;
    const perSecond = 1 / this.scenario.interval;
    const goodput = r.column("goodput");
    const amplification = r.column("amplification");
    const goodputFleets = new Set(this.scenario.verdict.goodputFleets);
    for (const f of w.fleets) {
      const p = `fleet.${f.name}.`;
      const [first, att, setups, ok, to, err, rej, refused, p50, p99, disc, blocked] =
        SERIES_METRICS.fleet.map((m) => r.column(p + m)) as Float64Array[];
      const c = f.site.counters.now;
      const latency = f.site.latency;
      this.record.push(() => {
        const i = r.length;
        first![i] = c.firstAttempts * perSecond;
        att![i] = (c.attempts + f.setupAttempts) * perSecond;
        setups![i] = f.setupAttempts * perSecond;
        ok![i] = c.successes * perSecond;
        to![i] = c.timeouts * perSecond;
        err![i] = c.errors * perSecond;
        rej![i] = c.rejected * perSecond;
        refused![i] = c.refused * perSecond;
        // No latency sample (nothing succeeded): no data, NaN (null in the series), never 0.
        p50![i] = latency.quantile(0.5) ?? Number.NaN;
        p99![i] = latency.quantile(0.99) ?? Number.NaN;
        disc![i] = f.disconnected();
        blocked![i] = f.blocked;
        const ended = c.successes + c.timeouts + c.errors;
        // Monitoring's error ratio counts the attempts refused locally (breaker, budget, a name that resolves to
        // nothing) as failures: they are errors the fleet sees, though never sent.
        const seen = ended + c.refused;
        this.fleetRatio[f.index] = seen > 0 ? (c.timeouts + c.errors + c.refused) / seen : Number.NaN;
        // Goodput is measured while the fleet makes requests (it has load, or something happened in the interval):
        // then 0 successes is a true 0. Otherwise the interval has no goodput data (NaN).
        const measured =
          (f.clients > 0 && f.loadFactor > 0) ||
          c.firstAttempts + c.attempts + f.setupAttempts + ended + c.rejected + c.refused > 0;
        if (goodputFleets.has(f.name) && measured)
          goodput[i] = (Number.isNaN(goodput[i]!) ? 0 : goodput[i]!) + ok![i]!;
      });
    }
    this.record.push(() => {
      const i = r.length;
      let a = 0;
      let fa = 0;
      for (const f of w.fleets) {
        a += f.site.counters.now.attempts + f.setupAttempts;
        fa += f.site.counters.now.firstAttempts;
      }
      amplification[i] = fa > 0 ? a / fa : Number.NaN;
    });
    for (const l of w.links) {
      const p = `link.${l.name}.`;
      const [util, queue, drops, setups, fwd, wasted, storm, devices] = SERIES_METRICS.link.map((m) =>
        r.column(p + m),
      ) as Float64Array[];
      const li = w.links.indexOf(l);
      this.record.push(() => {
        const i = r.length;
        const now = this.sim.now();
        util![i] = l.utilisationSinceTick(now, now - this.lastTick);
        queue![i] = l.queueLength(now);
        const n = l.counts.now;
        drops![i] = n.drops * perSecond;
        setups![i] = n.setups * perSecond;
        fwd![i] = n.forwarded * perSecond;
        wasted![i] = n.admittedWork > 0 ? n.wastedWork / n.admittedWork : Number.NaN;
        let demand = 0;
        for (const f of w.fleets)
          if (f.link === li && f.persistent) demand += f.disconnectedAdmitted() / f.setupTimeoutSeconds;
        // No device, no setup capacity: the storm factor has no value (NaN, null in the series).
        storm![i] = l.setupCapacity > 0 ? demand / l.setupCapacity : Number.NaN;
        devices![i] = l.devices;
      });
    }
    const outageRatio = this.scenario.verdict.outageRatio;
    for (const s of w.services) {
      const p = `service.${s.name}.`;
      const [queue, busy, reqs, ok, fail, ratio, out, wasted] = SERIES_METRICS.service.map((m) =>
        r.column(p + m),
      ) as Float64Array[];
      this.record.push(() => {
        const i = r.length;
        queue![i] = s.queueLength;
        busy![i] = s.busy;
        reqs![i] = s.requests * perSecond;
        ok![i] = s.successes * perSecond;
        fail![i] = s.failures * perSecond;
        const seen = s.callerOk + s.callerFail;
        ratio![i] = seen > 0 ? s.callerOk / seen : Number.NaN;
        this.lastRatio[s.index] = seen > 0 ? s.callerFail / seen : Number.NaN;
        if (seen > 0) this.serviceOut[s.index] = s.callerOk / seen < outageRatio ? 1 : 0;
        out![i] = this.serviceOut[s.index]!;
        wasted![i] = s.busyTime > 0 ? s.wastedTime / s.busyTime : Number.NaN;
      });
      const lh = s.leases;
      if (lh !== undefined) {
        const held = r.column(`${p}leasesHeld`);
        const backlog = r.column(`${p}leaseBacklog`);
        this.record.push(() => {
          held[r.length] = lh.heldCount;
          backlog[r.length] = lh.backlog;
        });
      }
      const sup = this.supervisor;
      if (sup?.manages(s.index)) {
        const down = r.column(`${p}downShare`);
        this.record.push(() => {
          down[r.length] = sup.downShare(s.index);
        });
      }
      const rep = this.replacer;
      if (rep?.manages(s.index)) {
        const hostsOut = r.column(`${p}hostsOut`);
        this.record.push(() => {
          hostsOut[r.length] = rep.hostsOut(s.index);
        });
      }
      const cache = s.cache;
      if (cache !== undefined) {
        const hit = r.column(`${p}cacheHitRatio`);
        this.record.push(() => {
          hit[r.length] = cache.hitRatio();
        });
      }
    }
    for (const f of w.fleets)
      if (f.pool !== undefined) this.record.push(poolColumns(r, `fleet.${f.name}.pool.`, f.pool, perSecond));
    for (const s of w.services)
      for (const d of s.deps)
        if (d.pool !== undefined)
          this.record.push(poolColumns(r, `service.${s.name}.pool.${d.name}.`, d.pool, perSecond));
    const gauge = new CapacityGauge(w, this.ledger, this.supervisor);
    const missing = r.column("capacity.missing");
    this.record.push(() => {
      missing[r.length] = gauge.missing(this.sim.now());
    });
    const staleness = r.column("monitoring.staleness");
    const blind = r.column("monitoring.blind");
    const depCols = this.dependents.names.map((d) => r.column(`dependent.${d}.up`));
    this.record.push(() => {
      const i = r.length;
      const now = this.sim.now();
      if (this.monitor) {
        staleness[i] = this.monitor.staleness(now);
        blind[i] = this.monitor.blind(now) ? 1 : 0;
      }
      this.dependents.evaluate(this.serviceOut, this.dependentUp);
      depCols.forEach((c, d) => {
        c[i] = this.dependentUp[d]!;
      });
    });
  }

  /**
   * Bookkeeping at the end of each interval (urgent tier, before anything else at that instant): records the series
   * row and starts the interval counters afresh. It changes nothing in the model.
   */
  private tick(): void {
    const now = this.sim.now();
    const r = this.recorder;
    if (r.length < r.capacity) {
      for (const fn of this.record) fn();
      r.length++;
    }
    for (const f of this.world.fleets) f.resetInterval();
    for (const l of this.world.links) l.resetInterval();
    for (const s of this.world.services) s.resetInterval();
    this.lastTick = now;
    this.ticks++;
    this.scheduleTick();
  }

  /**
   * What the model does once per interval, on what the tick recorded: restarts, health checks and host replacement,
   * operators, gradual changes. A normal event at `k * interval`, rescheduled from the previous step, so it runs
   * after the other events at that time that were scheduled before it (an automation action exactly on a boundary
   * is seen by the step of that boundary).
   */
  private step(): void {
    const now = this.sim.now();
    this.supervisor?.onTick(now);
    this.replacer?.onTick(now, now - this.lastStep);
    this.operators.onTick(now, now - this.lastStep);
    this.effects.advance(now);
    this.lastStep = now;
    this.steps++;
    this.sim.postAt((this.steps + 1) * this.scenario.interval, this.stepKind, 0, 0);
  }
}
