import { type SourceLocation, StampedeError } from "../core/StampedeError.js";
import { Xoshiro128 } from "../engine/Xoshiro128.js";
import { Dependents } from "../metrics/Dependents.js";
import { HostReplacer } from "../metrics/HostReplacer.js";
import { IntervalRecorder } from "../metrics/IntervalRecorder.js";
import { latestFaultEnd, Operators } from "../metrics/Operators.js";
import { Backoff } from "../policies/backoff/Backoff.js";
import { makeRetryPolicy, type RetryConfig } from "../policies/retry/RetryPolicy.js";
import type { Scenario } from "../spec/Scenario.js";
import { checkFluid, distributionMean, distributionScv, type FluidRefusal } from "./checkFluid.js";
import { FluidCaller } from "./FluidCaller.js";
import { FluidControl } from "./FluidControl.js";
import { FluidLink } from "./FluidLink.js";
import { FluidMonitor } from "./FluidMonitor.js";
import { type FluidDependency, FluidService } from "./FluidService.js";
import { FluidSkip } from "./FluidSkip.js";
import { type FluidColumns, recordFluidInterval } from "./recordFluidInterval.js";

/** Error code of a scenario the fluid engine refuses (exit code 2). */
export const E_FLUID = "E_FLUID";

/** One StampedeError for a list of refusals (the first is the message; `errors` holds each, for the CLI). */
export function fluidRefusalError(
  refusals: readonly FluidRefusal[],
  locate: (path: string) => SourceLocation | undefined = () => undefined,
): StampedeError {
  const errors = refusals.map((r) => {
    const location = locate(r.path);
    return new StampedeError(E_FLUID, `${r.message} (--engine fluid; see docs/fluid.md)`, {
      path: r.path,
      ...(location === undefined ? {} : { location }),
    });
  });
  const e = errors[0]!;
  (e as StampedeError & { errors?: StampedeError[]; refusals?: readonly FluidRefusal[] }).errors = errors;
  (e as StampedeError & { refusals?: readonly FluidRefusal[] }).refusals = refusals;
  return e;
}

/** Options of a fluid run. */
export interface FluidOptions {
  /** Steps per smallest timeout (fleet, setup, dependency or telemetry timeout). Default 10. */
  bins?: number;
  /** Skip quiescent stretches (docs/fluid.md; FluidSkip). Default true. */
  skip?: boolean;
  /**
   * Multi-rate step (docs/fluid.md): each fleet steps every `every` model steps, as coarse as its own smallest timeout
   * allows (`bins` steps per it); false steps every fleet at the model's step. Default true.
   */
  multiRate?: boolean;
}

/** Default number of steps per smallest timeout. */
export const DEFAULT_BINS = 10;

/** A clock that never reads real time: policies built for the fluid engine only use their configs. */
const NO_CLOCK = { now: () => 0 };
/** The retry policy's Rng is never drawn from: the fluid engine spreads jitter over a window instead. */
const NO_RNG = new Xoshiro128(0);

/**
 * The mean-field (fluid) model of a scenario: the same entities as the event model, as deterministic difference
 * equations over expected masses on a fixed step `dt` (the smallest timeout / `bins`, rounded so an interval is a
 * whole number of steps). Discrete mechanisms (faults, automation, monitoring, operators, health checks, dependents)
 * run on the fluid clock with the event model's rules. See docs/fluid.md.
 */
export class FluidModel {
  readonly scenario: Scenario;
  readonly dt: number;
  /** Steps per metrics interval. */
  readonly spi: number;
  readonly recorder: IntervalRecorder;
  readonly links: FluidLink[];
  readonly services: FluidService[];
  /** Fleets first (index = fleet order), then dependency callers. */
  readonly callers: FluidCaller[];
  readonly fleetCount: number;
  readonly monitor: FluidMonitor | undefined;
  readonly operators: Operators;
  readonly dependents: Dependents;
  readonly replacer: HostReplacer | undefined;
  readonly control: FluidControl;
  readonly serviceOut: Uint8Array;
  readonly dependentUp: Uint8Array;
  readonly fleetRatio: Float64Array;
  readonly serviceRatio: Float64Array;
  /** Steps of the clock covering the run (integrated + skipped). */
  steps = 0;
  /** Steps integrated. */
  integrated = 0;
  /** Steps skipped as quiescent (FluidSkip). */
  skipped = 0;
  /** The series columns, declared at the first recorded interval (recordFluidInterval). */
  columns: FluidColumns | undefined;
  /** 1 for each fleet (by index) counted in goodput (`verdict.goodputFleets`). */
  readonly goodputFleets: Uint8Array;
  /** The quiescent-stretch skipper; undefined when `skip: false`. */
  readonly skip: FluidSkip | undefined;

  constructor(scenario: Scenario, until: number, options: FluidOptions = {}) {
    const refusals = checkFluid(scenario);
    if (refusals.length > 0) throw fluidRefusalError(refusals);
    this.scenario = scenario;
    const bins = options.bins ?? DEFAULT_BINS;
    let minTimeout = Number.POSITIVE_INFINITY;
    for (const f of Object.values(scenario.fleets)) {
      minTimeout = Math.min(minTimeout, f.timeout);
      if (f.connection?.persistent) minTimeout = Math.min(minTimeout, f.connection.setupTimeout);
    }
    for (const s of Object.values(scenario.services))
      for (const d of Object.values(s.dependencies)) minTimeout = Math.min(minTimeout, d.timeout);
    if (scenario.monitoring) minTimeout = Math.min(minTimeout, scenario.monitoring.timeout);
    if (!Number.isFinite(minTimeout)) minTimeout = scenario.interval;
    this.spi = Math.max(1, Math.ceil((scenario.interval * bins) / minTimeout));
    this.dt = scenario.interval / this.spi;
    this.recorder = new IntervalRecorder(scenario.interval, until);

    const linkIndex = new Map<string, number>();
    this.links = Object.entries(scenario.links).map(([name, spec], i) => {
      linkIndex.set(name, i);
      return new FluidLink(name, spec);
    });
    const serviceIndex = new Map<string, number>();
    this.services = Object.entries(scenario.services).map(([name, spec], i) => {
      serviceIndex.set(name, i);
      return new FluidService(
        name,
        i,
        spec,
        distributionMean(spec.serviceTime),
        distributionScv(spec.serviceTime),
      );
    });
    const svc = (name: string, path: string) => {
      const i = serviceIndex.get(name);
      if (i === undefined) throw new StampedeError("E_MODEL", `unknown service '${name}'`, { path });
      return this.services[i]!;
    };
    const route = (from: string, to: string, via: string[] | undefined, path: string): FluidLink | null => {
      if (via !== undefined) {
        if (via.length === 0) return null;
        const i = linkIndex.get(via[0]!);
        if (i === undefined) throw new StampedeError("E_MODEL", `unknown link '${via[0]}'`, { path });
        return this.links[i]!;
      }
      if (from === to) return null;
      for (const l of this.links) {
        const [a, b] = l.spec.between;
        if ((a === from && b === to) || (a === to && b === from)) return l;
      }
      throw new StampedeError("E_MODEL", `no link joins networks '${from}' and '${to}'`, { path });
    };
    this.route = route;
    const laneOf = (s: FluidService, l: FluidLink | null) =>
      s.laneFor(l === null ? 0 : this.links.indexOf(l) + 1);

    this.callers = [];
    const fleets = Object.entries(scenario.fleets);
    // Multi-rate: a fleet steps every `every` model steps, the largest divisor of the steps per interval (so that
    // every interval is a whole number of its steps) that keeps `bins` steps per its own smallest timeout.
    const everyOf = (own: number) => {
      if (options.multiRate === false) return 1;
      let best = 1;
      for (let e = 2; e <= this.spi; e++)
        if (this.spi % e === 0 && e * this.dt <= (own / bins) * (1 + 1e-9)) best = e;
      return best;
    };
    this.fleetCount = fleets.length;
    for (const [name, f] of fleets) {
      const path = `fleets.${name}`;
      const s = svc(f.target, `${path}.target`);
      const link = route(f.network, s.spec.network, f.via, path);
      const persistent = f.connection?.persistent === true;
      const c = new FluidCaller({
        id: this.callers.length,
        name,
        path,
        service: s,
        link,
        lane: laneOf(s, link),
        timeout: f.timeout,
        retry: makeRetryPolicy(f.retry as RetryConfig, NO_CLOCK, NO_RNG),
        persistence: f.persistence,
        connection: persistent
          ? {
              setupTimeout: f.connection!.setupTimeout,
              reconnect: Backoff.from(f.connection!.reconnect, `${path}.connection.reconnect`),
            }
          : undefined,
        groups: 2,
        dt: this.dt,
        every: everyOf(persistent ? Math.min(f.timeout, f.connection!.setupTimeout) : f.timeout),
      });
      const g = c.groups[0]!;
      g.clients = f.clients;
      g.up = f.clients;
      g.live = true;
      c.ratePerClient = f.load.type === "open" ? f.load.rate : 0;
      this.callers.push(c);
    }
    for (const s of this.services) {
      for (const [key, d] of Object.entries(s.spec.dependencies)) {
        const path = `services.${s.name}.dependencies.${key}`;
        const target = svc(d.service, `${path}.service`);
        const link = route(s.spec.network, target.spec.network, d.via, path);
        const c = new FluidCaller({
          id: this.callers.length,
          name: `${s.name}.${key}`,
          path,
          service: target,
          link,
          lane: laneOf(target, link),
          timeout: d.timeout,
          retry: undefined,
          persistence: undefined,
          connection: undefined,
          groups: 1,
          dt: this.dt,
        });
        c.groups[0]!.live = true;
        this.callers.push(c);
        const dep: FluidDependency = {
          name: key,
          hard: d.hard,
          caller: c,
          pOk: 1,
          duration: 2 * (link?.crossing ?? 0) + target.serviceTime,
          weight: 1 - Math.exp(-this.dt / c.timeout),
        };
        s.deps.push(dep);
      }
    }
    for (const s of this.services) s.callers = this.callers;
    // A dependency's calls come in bursts when its service's callers step coarsely: its sends stand for as many
    // model steps as the longest of theirs (repeated until nothing changes, for chains of dependencies).
    for (let pass = 0; pass < this.callers.length; pass++) {
      let changed = false;
      for (const s of this.services) {
        let e = 1;
        for (const c of this.callers) if (c.service === s) e = Math.max(e, c.spread);
        for (const d of s.deps)
          if (d.caller.spread !== e) {
            d.caller.spread = e;
            changed = true;
          }
      }
      if (!changed) break;
    }
    let maxEvery = 1;
    for (const c of this.callers) {
      maxEvery = Math.max(maxEvery, c.every, c.spread);
      c.service.smoothOver(c.spread);
    }
    for (const l of this.links) l.spreadOver(maxEvery);
    this.maxEvery = maxEvery;
    this.laneOf = laneOf;

    const counted = new Set(scenario.verdict.goodputFleets);
    this.goodputFleets = Uint8Array.from(fleets, ([name]) => (counted.has(name) ? 1 : 0));
    this.serviceOut = new Uint8Array(this.services.length);
    this.fleetRatio = new Float64Array(this.fleetCount).fill(Number.NaN);
    this.serviceRatio = new Float64Array(this.services.length).fill(Number.NaN);
    const mon = scenario.monitoring;
    if (mon !== undefined) {
      const sources = mon.sources.map((name, i) => {
        const fi = fleets.findIndex(([n]) => n === name);
        if (fi >= 0)
          return { network: fleets[fi]![1].network, source: { errorRatio: () => this.fleetRatio[fi]! } };
        const si = serviceIndex.get(name);
        if (si === undefined)
          throw new StampedeError("E_MODEL", `unknown monitoring source '${name}'`, {
            path: `monitoring.sources[${i}]`,
          });
        return {
          network: this.services[si]!.spec.network,
          source: { errorRatio: () => this.serviceRatio[si]! },
        };
      });
      this.monitorNetworks = sources.map((s) => s.network);
      this.monitor = new FluidMonitor(
        mon,
        sources.map((s) => s.source),
        sources.map((s, i) => route(s.network, mon.network, mon.via, `monitoring.sources[${i}]`)),
        (mon.dependsOn ?? []).map((n) => svc(n, "monitoring.dependsOn").index),
      );
    } else this.monitor = undefined;
    this.control = new FluidControl(this);
    this.skip = options.skip === false ? undefined : new FluidSkip(this, this.dt);
    this.operators = new Operators(
      scenario.operators,
      this.monitor,
      this.control,
      scenario.start,
      latestFaultEnd(scenario.faults),
    );
    this.dependents = new Dependents(
      this.services.map((s) => s.name),
      scenario.dependents,
      this.services.map((s) => s.spec.plane),
    );
    this.dependentUp = new Uint8Array(this.dependents.names.length);
    // A service is up unless a restart action holds it down (the event model's notRestarting): full restarts,
    // minimum capacity and cells are refused, so that is the only way down here.
    this.replacer = HostReplacer.create(
      this.services,
      (name) => svc(name, "services").index,
      this.serviceOut,
      (i) => this.tickAt >= this.services[i]!.downUntil,
    );
  }

  /** The link crossed from network `from` to `to` (`via` overrides; [] = none). */
  readonly route: (from: string, to: string, via: string[] | undefined, path: string) => FluidLink | null;
  /** The arrival lane of service `s` for traffic across `l`. */
  readonly laneOf: (s: FluidService, l: FluidLink | null) => number;
  /** Network of each monitoring source. */
  monitorNetworks: string[] = [];
  /** The longest step of any caller, model steps (1 without multi-rate). */
  readonly maxEvery: number;

  /** Current time of step `n`, seconds. */
  timeOf(n: number): number {
    return (n / this.spi) * this.scenario.interval;
  }

  /**
   * Runs to `until` seconds; returns the simulated time reached. Step `g` of the clock is at exactly `g x dt`; the
   * continuous parts count their own steps (`n`, which stops moving while a quiescent stretch is skipped, see
   * {@link FluidSkip}).
   */
  run(until: number, onProgress?: (fraction: number) => void): number {
    const total = Math.round(until / this.dt);
    const interval = this.scenario.interval;
    const spi = this.spi;
    const progressEvery = Math.max(1, Math.floor(total / 100));
    const skip = this.skip;
    let nextProgress = 0;
    let n = 0;
    for (let g = 0; g < total; g++) {
      const t = this.timeOf(g);
      const boundary = g > 0 && g % spi === 0;
      if (boundary) {
        this.tick(g / spi);
        skip?.boundary();
      }
      this.control.beforeStep(n, t);
      if (boundary) this.intervalStep(t, interval);
      this.control.runScheduled(t);
      this.telemetry(t);
      skip?.beforeStep();
      this.advance(n, t);
      n++;
      this.integrated++;
      const period = skip === undefined ? 0 : skip.afterStep();
      if (period > 0) {
        const periods = Math.floor((this.lastSkippable(g, t, total) - g) / period);
        if (periods > 0) {
          skip!.repeat(periods);
          this.skipped += periods * period;
          g += periods * period;
        }
      }
      if (onProgress !== undefined && g >= nextProgress) {
        onProgress(g / total);
        nextProgress = g + progressEvery;
      }
    }
    this.steps = total;
    if (total > 0 && total % spi === 0) this.tick(total / spi);
    onProgress?.(1);
    return this.timeOf(total);
  }

  /**
   * The last step after `g` (time `t`) that may be skipped: before the next recording boundary, the end, and every
   * discrete time (a scheduled fault, automation or operator action, a telemetry emission or delivery, the end of a
   * restart), each kept at least one whole step away.
   */
  private lastSkippable(g: number, t: number, total: number): number {
    let last = Math.min((Math.floor(g / this.spi) + 1) * this.spi - 1, total - 1);
    let next = this.control.nextAt;
    const mon = this.monitor;
    if (mon !== undefined) next = Math.min(next, mon.nextEmission, mon.nextDelivery);
    for (const s of this.services) if (s.downUntil > t) next = Math.min(next, s.downUntil);
    if (Number.isFinite(next)) last = Math.min(last, Math.floor(next / this.dt - 1e-9) - 1);
    return last;
  }

  private tick(k: number): void {
    const r = this.recorder;
    if (r.length < r.capacity) {
      recordFluidInterval(this);
      r.length++;
    }
    for (const c of this.callers) c.rollInterval();
    for (const l of this.links) l.resetInterval();
    for (const s of this.services) s.resetInterval();
    void k;
  }

  /** Time of the current metrics interval's end, seconds (what host replacement's `up` compares restarts with). */
  private tickAt = 0;

  private intervalStep(t: number, interval: number): void {
    this.tickAt = t;
    this.replacer?.onTick(t, interval);
    this.operators.onTick(t, interval);
    this.control.advanceRamps(t);
  }

  /** Telemetry: deliveries due and an emission (discrete, before the step's continuous part). */
  private telemetry(t: number): void {
    const m = this.monitor;
    if (m !== undefined) {
      m.deliver(t);
      if (t >= m.nextEmission - this.dt / 2) m.emit(t, this.serviceOut);
    }
  }

  private advance(n: number, t: number): void {
    const dt = this.dt;
    for (const s of this.services) s.now = t;
    for (const l of this.links) l.beginStep(dt, n);
    // Callers that step every e > 1 model steps step when e divides n (n % e computed once per value of e).
    let lastEvery = 0;
    let phase = 0;
    for (const c of this.callers) {
      const e = c.every;
      if (e === 1) c.step(n);
      else {
        if (e !== lastEvery) {
          lastEvery = e;
          phase = n % e;
        }
        if (phase === 0) c.step(n / e);
      }
    }
    for (const s of this.services) s.step(n, dt);
    for (const s of this.services)
      for (const d of s.deps) {
        const c = d.caller;
        FluidService.observe(d, c.stepResolved, c.stepOk, c.stepDuration, d.weight);
      }
    for (const l of this.links) l.endStep(dt);
  }
}
