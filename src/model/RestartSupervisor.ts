import type { ServiceRuntime } from "./ServiceRuntime.js";
import type { World } from "./World.js";

const UP = 0;
const DOWN = 1;
const RESTARTING = 2;

/** A supervised service: its cells' servers and restart states. */
interface Supervised {
  service: ServiceRuntime;
  /** Servers of each cell when healthy. */
  full: Int32Array;
  /** Servers of each cell now (0 while down or restarting). */
  servers: Int32Array;
  state: Uint8Array;
  /** When each restarting cell is ready, seconds. */
  readyAt: Float64Array;
  /** A cell with fewer servers than this is down (`minServers / cells`; 0 without a floor). */
  minPerCell: number;
  /** Duration of one cell's full restart, seconds: `base + perItem x items / cells`. */
  restartSeconds: number;
  /** Services (indexes) that must be up before a restart can start. */
  waitFor: number[];
}

/**
 * Minimum capacity and full restarts of services that declare `minServers` or `cells`. A `remove-capacity` on such a
 * service hits one cell (the first that still has servers; a service without cells is one cell); a cell left with
 * fewer than `minServers / cells` servers goes down: its requests (by key) get errors at once. At each metrics
 * interval (`onTick`) a down cell starts its full restart, of `base + perItem x items / cells` seconds, once the
 * services of its hard dependencies are up (unless `restart.waitForDependencies` is false); when it completes the cell
 * gets its servers back, and a service that was entirely down starts cold (its `degradation.coldFactor`/`warmup`).
 * Times are therefore resolved at the metrics interval.
 */
export class RestartSupervisor {
  private readonly w: World;
  private readonly byService: (Supervised | undefined)[];
  private readonly list: Supervised[] = [];

  private constructor(w: World) {
    this.w = w;
    this.byService = w.services.map(() => undefined);
    for (const s of w.services) {
      const spec = s.spec;
      if (spec.minServers === undefined && spec.cells === undefined) continue;
      const k = Math.max(1, Math.min(spec.cells ?? 1, spec.servers));
      const full = new Int32Array(k);
      for (let c = 0; c < k; c++) full[c] = Math.floor(spec.servers / k) + (c < spec.servers % k ? 1 : 0);
      const r = spec.restart;
      const waitFor =
        r?.waitForDependencies === false
          ? []
          : Object.values(spec.dependencies)
              .filter((d) => d.hard)
              .map((d) => w.serviceIndex(d.service));
      const sup: Supervised = {
        service: s,
        full,
        servers: full.slice(),
        state: new Uint8Array(k),
        readyAt: new Float64Array(k),
        minPerCell: (spec.minServers ?? 0) / k,
        restartSeconds: r === undefined ? 0 : r.base + (r.perItem * r.items) / k,
        waitFor,
      };
      if (k > 1) s.cellDown = new Uint8Array(k);
      this.byService[s.index] = sup;
      this.list.push(sup);
    }
  }

  /** The supervisor of a world, or undefined when no service declares `minServers` or `cells`. */
  static create(w: World): RestartSupervisor | undefined {
    const s = new RestartSupervisor(w);
    return s.list.length > 0 ? s : undefined;
  }

  /** True when service `index` is supervised (has `minServers` or `cells`). */
  manages(index: number): boolean {
    return this.byService[index] !== undefined;
  }

  /** Removes `n` servers from the first cell of service `index` that still has some; it may go down. */
  removeCapacity(index: number, n: number): void {
    const sup = this.byService[index];
    if (sup === undefined) return;
    const c = sup.servers.findIndex((x) => x > 0);
    if (c < 0) return;
    sup.servers[c] = Math.max(0, sup.servers[c]! - Math.round(n));
    if (sup.servers[c]! < sup.minPerCell) this.setCell(sup, c, DOWN);
    this.apply(sup);
  }

  /** True when service `index` answers: unsupervised and not restarting, or with at least one cell up. */
  up(index: number): boolean {
    const sup = this.byService[index];
    if (sup === undefined) return notRestarting(this.w, index);
    for (let c = 0; c < sup.state.length; c++) if (sup.state[c] === UP) return true;
    return false;
  }

  /** Share of service `index`'s cells that are down or restarting (0 when unsupervised). */
  downShare(index: number): number {
    const sup = this.byService[index];
    if (sup === undefined) return 0;
    let down = 0;
    for (let c = 0; c < sup.state.length; c++) if (sup.state[c] !== UP) down++;
    return down / sup.state.length;
  }

  /** Starts the restarts that may start, and completes those that are done (called at every metrics interval). */
  onTick(now: number): void {
    for (const sup of this.list) {
      let changed = false;
      let allDown = true;
      for (let c = 0; c < sup.state.length; c++) if (sup.state[c] === UP) allDown = false;
      for (let c = 0; c < sup.state.length; c++) {
        if (sup.state[c] === DOWN && sup.waitFor.every((d) => this.up(d))) {
          sup.state[c] = RESTARTING;
          sup.readyAt[c] = now + sup.restartSeconds;
        }
        if (sup.state[c] === RESTARTING && sup.readyAt[c]! <= now) {
          this.setCell(sup, c, UP);
          sup.servers[c] = sup.full[c]!;
          changed = true;
        }
      }
      if (changed) {
        if (allDown) sup.service.coldSince = now;
        this.apply(sup);
      }
    }
  }

  private setCell(sup: Supervised, c: number, state: number): void {
    const s = sup.service;
    const was = sup.state[c]!;
    sup.state[c] = state;
    if (s.cellDown === undefined || (was === UP) === (state === UP)) return;
    s.cellDown[c] = state === UP ? 0 : 1;
    s.downCells += state === UP ? -1 : 1;
  }

  /** Pushes the cells' state to the service: its servers (up cells only) and whether it is down as a whole. */
  private apply(sup: Supervised): void {
    let servers = 0;
    let up = 0;
    for (let c = 0; c < sup.state.length; c++) {
      if (sup.state[c] !== UP) continue;
      up++;
      servers += sup.servers[c]!;
    }
    const s = sup.service;
    if (s.cellDown === undefined) {
      if (up === 0) s.downUntil = Number.POSITIVE_INFINITY;
      else if (s.downUntil === Number.POSITIVE_INFINITY) s.downUntil = -1;
    }
    s.setServers(servers);
  }
}

/** True when service `index` is not down for a `restart` action (its own down time, not a supervised restart). */
export function notRestarting(w: World, index: number): boolean {
  return w.sim.now() >= w.services[index]!.downUntil;
}
