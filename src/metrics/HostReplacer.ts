import type { HealthCheckSpec } from "../spec/HealthCheckSpec.js";
import type { ServiceSpec } from "../spec/ServiceSpec.js";

/** What host replacement needs of a service (the event model's ServiceRuntime and the fluid engine's service). */
export interface ReplaceableService {
  readonly index: number;
  readonly spec: ServiceSpec;
  /** Servers in service now. */
  readonly servers: number;
  setServers(n: number): void;
  readonly partitioned: boolean;
}

/** Health-check state of a service with `healthCheck`. */
interface Checked {
  service: ReplaceableService;
  spec: HealthCheckSpec;
  /** Services (indexes) of its hard dependencies: replacements start only while all of them answer. */
  waitFor: number[];
  /** Seconds the service has been out without a break (0 while a replacement round is under way). */
  outFor: number;
  /** Hosts taken out in the current round (0: no round under way). */
  taken: number;
  /** Hosts of the round still waiting for a replacement to start. */
  waiting: number;
  /** Replaced hosts not yet back in service (below the round's `minHealthy` share). */
  ready: number;
  /** Hosts of the round back in service. */
  back: number;
  /** Replacements under way at most (resolved for the round). */
  limit: number;
  /** Hosts a replaced batch must reach before any goes back (`ceil(minHealthy x taken)`). */
  needed: number;
  /**
   * The replacements under way, as batches started at the same tick (a FIFO ring: they complete in the order they
   * started, all `replace` seconds after their start): completion time, seconds, and the number of hosts.
   */
  batchAt: Float64Array;
  batchHosts: Float64Array;
  batchHead: number;
  batches: number;
  /** Replacements under way (the sum of the batches' hosts). */
  underWay: number;
}

/**
 * Health checks and host replacement of services that declare `healthCheck`. At each metrics interval (`onTick`,
 * after the series are recorded) a service whose out flag (`serviceOut`: callers' success ratio below
 * `verdict.outageRatio` in the last interval with calls) has been set for `failAfter` seconds without a break has
 * every host in service marked unhealthy and taken out (its servers drop to 0). Replacements then start, at most
 * `concurrent` at a time and each taking `replace` seconds, but only at ticks where every hard dependency of the
 * service is reachable (not out, and up); a replacement once started completes. Replaced hosts wait until
 * `ceil(minHealthy x taken)` are ready, then go back into service together; later ones go back as they finish. When
 * every host is back the round ends and the out timer restarts from 0. Decisions are made per interval, so times are
 * resolved at the metrics interval; nothing is allocated after construction.
 */
export class HostReplacer {
  private readonly list: Checked[] = [];
  private readonly byService: (Checked | undefined)[];

  private constructor(
    private readonly services: readonly ReplaceableService[],
    serviceIndex: (name: string) => number,
    private readonly serviceOut: Uint8Array,
    private readonly up: (index: number) => boolean,
  ) {
    this.byService = services.map(() => undefined);
    for (const s of services) {
      const spec = s.spec.healthCheck;
      if (spec === undefined) continue;
      const max = typeof spec.concurrent === "number" ? spec.concurrent : s.spec.servers;
      const c: Checked = {
        service: s,
        spec,
        waitFor: Object.values(s.spec.dependencies)
          .filter((d) => d.hard)
          .map((d) => serviceIndex(d.service)),
        outFor: 0,
        taken: 0,
        waiting: 0,
        ready: 0,
        back: 0,
        limit: 0,
        needed: 0,
        batchAt: new Float64Array(Math.max(1, max)),
        batchHosts: new Float64Array(Math.max(1, max)),
        batchHead: 0,
        batches: 0,
        underWay: 0,
      };
      this.byService[s.index] = c;
      this.list.push(c);
    }
  }

  /**
   * The replacer of a set of services, or undefined when none declares `healthCheck`. `serviceOut[i]` is service i's
   * out flag of the last interval with calls; `up(i)` tells whether service i is up (not down, not restarting).
   */
  static create(
    services: readonly ReplaceableService[],
    serviceIndex: (name: string) => number,
    serviceOut: Uint8Array,
    up: (index: number) => boolean,
  ): HostReplacer | undefined {
    const r = new HostReplacer(services, serviceIndex, serviceOut, up);
    return r.list.length > 0 ? r : undefined;
  }

  /** True when service `index` declares `healthCheck`. */
  manages(index: number): boolean {
    return this.byService[index] !== undefined;
  }

  /** Hosts of service `index` out of service for replacement now (unhealthy, being replaced, or ready). */
  hostsOut(index: number): number {
    const c = this.byService[index];
    return c === undefined ? 0 : c.taken - c.back;
  }

  /** Advances health checks and replacements by one metrics interval of `dt` seconds ending at `now`. */
  onTick(now: number, dt: number): void {
    for (const c of this.list) {
      if (c.taken === 0) this.check(c, dt);
      else this.replace(c, now);
    }
  }

  private check(c: Checked, dt: number): void {
    if (this.serviceOut[c.service.index] !== 1) {
      c.outFor = 0;
      return;
    }
    c.outFor += dt;
    const hosts = c.service.servers;
    if (c.outFor < c.spec.failAfter || hosts <= 0) return;
    const conc = c.spec.concurrent;
    c.taken = hosts;
    c.waiting = hosts;
    c.ready = 0;
    c.back = 0;
    c.limit = Math.min(
      c.batchAt.length,
      typeof conc === "number" ? conc : Math.max(1, Math.ceil(conc.share * hosts - 1e-9)),
    );
    c.needed = Math.min(hosts, Math.max(1, Math.ceil(c.spec.minHealthy * hosts - 1e-9)));
    c.service.setServers(c.service.servers - hosts);
  }

  private replace(c: Checked, now: number): void {
    // Batches complete in start order (each `replace` seconds after its start), so only the oldest ones are due.
    const len = c.batchAt.length;
    let done = 0;
    while (c.batches > 0 && c.batchAt[c.batchHead]! <= now) {
      done += c.batchHosts[c.batchHead]!;
      c.batchHead = (c.batchHead + 1) % len;
      c.batches--;
    }
    c.underWay -= done;
    if (done > 0) {
      c.ready += done;
      if (c.back > 0 || c.ready >= c.needed) {
        c.back += c.ready;
        c.service.setServers(c.service.servers + c.ready);
        c.ready = 0;
      }
    }
    if (c.waiting > 0 && this.dependenciesAnswer(c)) {
      // One replacement per free place while hosts wait (at most `limit` under way), all completing together.
      const free = c.limit - c.underWay;
      let started = 0;
      while (started < free && c.waiting > 0) {
        started++;
        c.waiting--;
      }
      if (started > 0) {
        const i = (c.batchHead + c.batches) % len;
        c.batchAt[i] = now + c.spec.replace;
        c.batchHosts[i] = started;
        c.batches++;
        c.underWay += started;
      }
    }
    if (c.back === c.taken) {
      c.taken = 0;
      c.back = 0;
      c.outFor = 0;
    }
  }

  /** Every hard dependency answers: not out in its last interval with calls, not down, not partitioned. */
  private dependenciesAnswer(c: Checked): boolean {
    for (const d of c.waitFor) {
      if (this.serviceOut[d] === 1 || this.services[d]!.partitioned) return false;
      if (!this.up(d)) return false;
    }
    return true;
  }
}
