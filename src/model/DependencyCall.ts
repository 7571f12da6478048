import type { Rng } from "../core/Rng.js";
import type { BreakerConfig } from "../policies/breaker/BreakerConfig.js";
import { makeBreaker } from "../policies/breaker/CircuitBreaker.js";
import { type BudgetConfig, makeBudget } from "../policies/budget/makeBudget.js";
import { Cause } from "../policies/Outcome.js";
import { makeRetryPolicy, type RetryConfig } from "../policies/retry/RetryPolicy.js";
import type { DependencySpec } from "../spec/DependencySpec.js";
import { type CallOwner, CallSite } from "./CallSite.js";
import { ConnectionPool } from "./ConnectionPool.js";
import type { ServiceRuntime } from "./ServiceRuntime.js";
import type { World } from "./World.js";

/**
 * A call that a service makes to another service while it handles a request (the server is held while it waits):
 * the CallSite owner of one dependency. A request of this site has the calling service's attempt as its client
 * (`requests.client[r]`); its budget and breaker are shared by the whole service (one instance per dependency).
 * Random streams: `service/<name>/dependency/<key>/{retry,timeouts,retrial,budget,breaker}` and the device pick
 * `link/pick/service/<name>/<key>`.
 */
export class DependencyCall implements CallOwner {
  readonly name: string;
  /** Target service index. */
  readonly service: number;
  /** Link crossed (-1: none); operators may reroute it. */
  link: number;
  readonly hard: boolean;
  readonly site: CallSite;
  /** The calling service's connection pool to this dependency (`pool`: size per server), or undefined. */
  readonly pool: ConnectionPool | undefined;
  private readonly w: World;
  private readonly caller: ServiceRuntime;
  private readonly pickRng: Rng;
  /** The target service's runtime (its endpoint is looked up, `resolves()`, on every send). */
  private readonly target: ServiceRuntime;

  constructor(w: World, caller: ServiceRuntime, name: string, spec: DependencySpec) {
    this.w = w;
    this.caller = caller;
    this.name = name;
    this.service = w.serviceIndex(spec.service);
    this.target = w.services[this.service]!;
    this.hard = spec.hard;
    const path = `services.${caller.name}.dependencies.${name}`;
    this.link = w.routeLink(caller.spec.network, w.services[this.service]!.spec.network, spec.via, path);
    const sim = w.sim;
    const stream = (m: string) => sim.rng(`service/${caller.name}/dependency/${name}/${m}`);
    this.pickRng = sim.rng(`link/pick/service/${caller.name}/${name}`);
    const budget = spec.budget as BudgetConfig | undefined;
    const breaker = spec.breaker as BreakerConfig | undefined;
    const size = spec.pool?.size;
    // Servers are not told apart: the pool holds size x the caller's current servers, shared by its calls.
    this.pool = size === undefined ? undefined : new ConnectionPool(1, () => size * caller.servers);
    this.site = new CallSite(w, this, {
      pool: this.pool,
      path,
      service: this.service,
      timeout: spec.timeout,
      retry: spec.retry ? makeRetryPolicy(spec.retry as RetryConfig, sim, stream("retry")) : undefined,
      callers: 1,
      budgetFor: budget ? () => makeBudget(budget, sim, stream("budget"), `${path}.budget`) : undefined,
      breakerFor: breaker ? () => makeBreaker(breaker, sim, stream("breaker"), `${path}.breaker`) : undefined,
      streams: { timeouts: stream("timeouts"), retrial: stream("retrial") },
    });
  }

  /** Starts the call for the calling service's attempt `a` (its id is in `attempts.depCall[a]` while it runs). */
  begin(a: number): void {
    const r = this.site.open(a);
    this.w.attempts.depCall[a] = r;
    this.site.attempt(r, Cause.FIRST);
  }

  send(r: number): void {
    // Every dependency call sets up its own connection: an endpoint that resolves to nothing fails it before it is sent.
    if (!this.target.resolves()) {
      this.site.failLocally(r);
      return;
    }
    const link = this.link;
    this.site.transmit(r, link, link < 0 ? -1 : this.w.links[link]!.pickDevice(this.pickRng), true);
  }

  timedOut(_r: number): void {}

  done(r: number, ok: boolean): void {
    this.caller.dependencyEnded(r, ok);
  }
}
