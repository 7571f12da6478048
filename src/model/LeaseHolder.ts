import type { Rng } from "../core/Rng.js";
import type { Distribution } from "../engine/distributions/Distribution.js";
import { type Backoff, type BackoffConfig, makeBackoff } from "../policies/backoff/Backoff.js";
import type { Budget } from "../policies/budget/Budget.js";
import { type BudgetConfig, makeBudget } from "../policies/budget/makeBudget.js";
import { Cause, Outcome } from "../policies/Outcome.js";
import type { LeasesSpec } from "../spec/LeasesSpec.js";
import { Handshakes } from "./Handshakes.js";
import type { ServiceRuntime } from "./ServiceRuntime.js";
import type { World } from "./World.js";

/** Leases per attempt epoch in an event payload (`epoch * STRIDE + lease`): a power of two, exact in doubles. */
const STRIDE = 2 ** 26;
const INV_STRIDE = 2 ** -26;
/** `cause` of a lease whose last re-queue the budget refused: its next attempt is a first one. */
const REFUSED = 255;

/**
 * The leases one service holds on resources (`services.<name>.leases`). Every `renewEvery` (one event for all
 * leases) each held lease is renewed if the dependency `via` can be reached (its service is not unresolvable,
 * partitioned, down or without servers, and the renewal survives its error rate), and lapses once its `ttl` has run
 * out without a renewal. A lapsed lease takes `1 / count` of the resource service's declared servers away (rounded on
 * the whole: round(servers x held / count) are left) and is re-established by a job of `work` on the holder's own
 * servers, queued before its requests (at most `queueLimit` wait; more are dropped). A job that ends within `timeout`
 * of its queuing and reaches `via` establishes the lease; one that does not (timed out, or `via` unreachable at its
 * end) is abandoned, its server time wasted if it still runs, and queued again after the `requeue` backoff, if the
 * budget admits it (a refused re-queue starts afresh, as a first attempt, after its next backoff delay, or without a
 * backoff at the next renewal tick). With `waitForVia` a lapsed lease is queued only at a renewal tick at which `via`
 * is present (resolves, up, with servers), and an attempt that found it unreachable at its end waits for it again. Work is not cancelled when its job times out (unless the holder
 * has `cancelAbandoned`, which skips it at the head of the backlog): with more lapsed leases than the servers can
 * re-establish within a timeout, every job served is already stale and none succeeds (congestive collapse).
 *
 * Random streams: `service/<name>/leases/{ttl,work,renewals,requeue,budget}`. Renewals and re-establishments do not
 * load the dependency (an assumption: they are few next to its traffic). Allocation-free once warm.
 */
export class LeaseHolder {
  private readonly w: World;
  private readonly svc: ServiceRuntime;
  private readonly spec: LeasesSpec;
  private readonly resource: ServiceRuntime;
  private readonly dep: ServiceRuntime;
  private readonly n: number;
  private readonly base: number;
  private readonly expiry: Float64Array;
  private readonly held: Uint8Array;
  /** A re-establishment of the lease is outstanding (queued, in work, or waiting for its re-queue). */
  private readonly pending: Uint8Array;
  /** The budget cause of the lease's current attempt: Cause.FIRST, the outcome it retries, or REFUSED. */
  private readonly cause: Uint8Array;
  /** How the lease's current job ends if its timeout fires: TIMEOUT, or THROTTLED when the full backlog dropped it. */
  private readonly lost: Uint8Array;
  private readonly epoch: Int32Array;
  private readonly tries: Int32Array;
  private readonly prevDelay: Float64Array;
  /** The backlog of re-establishment jobs (slot: lease in `fleet`, attempt epoch in `tag`, deadline, start). */
  private readonly jobs = new Handshakes();
  private readonly ttl: Distribution;
  private readonly work: Distribution;
  private readonly ttlRng: Rng;
  private readonly workRng: Rng;
  private readonly renewRng: Rng;
  private readonly requeueRng: Rng;
  private readonly backoff: Backoff | undefined;
  private readonly budget: Budget | undefined;
  /** Servers of the resource this holder removed so far. */
  private removed = 0;
  /** Leases held now. */
  heldCount: number;
  /** Leases established (re-established) and abandoned jobs over the run. */
  established = 0;
  abandoned = 0;

  constructor(w: World, svc: ServiceRuntime, spec: LeasesSpec) {
    this.w = w;
    this.svc = svc;
    this.spec = spec;
    this.resource = spec.resource === undefined ? svc : w.services[w.serviceIndex(spec.resource)]!;
    const via = svc.deps.find((d) => d.name === spec.via)!;
    this.dep = w.services[via.service]!;
    const n = spec.count;
    this.n = n;
    this.base = this.resource.spec.servers;
    this.heldCount = n;
    this.expiry = new Float64Array(n);
    this.held = new Uint8Array(n).fill(1);
    this.pending = new Uint8Array(n);
    this.cause = new Uint8Array(n);
    this.lost = new Uint8Array(n);
    this.epoch = new Int32Array(n);
    this.tries = new Int32Array(n);
    this.prevDelay = new Float64Array(n).fill(-1);
    const sim = w.sim;
    const stream = (m: string) => sim.rng(`service/${svc.name}/leases/${m}`);
    this.ttl = w.distribution(spec.ttl);
    this.work = w.distribution(spec.work);
    this.ttlRng = stream("ttl");
    this.workRng = stream("work");
    this.renewRng = stream("renewals");
    this.requeueRng = stream("requeue");
    const path = `services.${svc.name}.leases`;
    this.backoff = spec.requeue ? makeBackoff(spec.requeue as BackoffConfig, `${path}.requeue`) : undefined;
    this.budget = spec.budget
      ? makeBudget(spec.budget as BudgetConfig, sim, stream("budget"), `${path}.budget`)
      : undefined;
    const now = sim.now();
    for (let i = 0; i < n; i++) this.expiry[i] = now + this.ttl.sample(this.ttlRng);
    sim.postAfter(spec.renewEvery, w.kinds.leaseTick, svc.index, 0);
  }

  /** Jobs waiting for a server of the holder. */
  get backlog(): number {
    return this.jobs.size;
  }

  /** Is the dependency there at all (its endpoint resolves, it is up, it has servers)? No random draw. */
  private present(now: number): boolean {
    const d = this.dep;
    return !(d.unresolvable || d.partitioned || now < d.downUntil || d.downCells > 0 || d.servers <= 0);
  }

  /** Can a call reach the dependency now (it is present, and the call survives its error rate)? */
  private reachable(now: number): boolean {
    if (!this.present(now)) return false;
    const d = this.dep;
    return d.errorRate === 0 || this.renewRng.next() >= d.errorRate;
  }

  /** The renewal tick: renew held leases, lapse expired ones, queue the lapsed leases left without a job. */
  onTick(): void {
    const now = this.w.sim.now();
    const n = this.n;
    // with waitForVia, lapsed leases without a job are queued only while the dependency is there
    const mayBegin = !this.spec.waitForVia || this.present(now);
    for (let i = 0; i < n; i++) {
      if (this.held[i] === 1) {
        if (this.reachable(now)) this.expiry[i] = now + this.ttl.sample(this.ttlRng);
        else if (now >= this.expiry[i]!) this.lapse(i, now, mayBegin);
      } else if (this.pending[i] === 0 && mayBegin) this.begin(i, now);
    }
    this.w.sim.postAfter(this.spec.renewEvery, this.w.kinds.leaseTick, this.svc.index, 0);
  }

  private lapse(i: number, now: number, mayBegin: boolean): void {
    this.held[i] = 0;
    this.heldCount--;
    this.applyCapacity();
    if (mayBegin) this.begin(i, now);
  }

  /** A first re-establishment of lapsed lease i (after the lapse, or at a tick after a refused re-queue). */
  private begin(i: number, now: number): void {
    this.tries[i] = 0;
    this.prevDelay[i] = -1;
    if (this.budget !== undefined && !this.budget.tryAcquire(Cause.FIRST)) return;
    this.cause[i] = Cause.FIRST;
    this.queue(i, now);
  }

  /** Queues a re-establishment job of lease i with its timeout; it takes a free server at once if the backlog is empty. */
  private queue(i: number, now: number): void {
    const w = this.w;
    const ep = (this.epoch[i]! + 1) & (STRIDE - 1);
    this.epoch[i] = ep;
    this.pending[i] = 1;
    const deadline = now + this.spec.timeout;
    w.sim.postAt(deadline, w.kinds.leaseTimeout, this.svc.index, ep * STRIDE + i);
    this.lost[i] = Outcome.TIMEOUT;
    const s = this.svc;
    if (s.partitioned || now < s.downUntil || s.downCells > 0) return; // lost: its timeout re-queues it
    const jobs = this.jobs;
    const slot = jobs.alloc(i, ep, deadline);
    if (s.busy < s.servers && jobs.size === 0) this.start(slot, now);
    else if (jobs.size < s.spec.queueLimit) jobs.push(slot);
    else {
      jobs.release(slot); // dropped: its timeout reports it throttled
      this.lost[i] = Outcome.THROTTLED;
    }
  }

  /** ServiceRuntime: a server is free and the backlog is not empty; takes (or skips, if abandoned) the oldest job. */
  startNext(now: number): void {
    const jobs = this.jobs;
    const slot = jobs.shift();
    if (this.svc.spec.cancelAbandoned && now >= jobs.deadline[slot]!) jobs.release(slot);
    else this.start(slot, now);
  }

  private start(slot: number, now: number): void {
    this.svc.busy++;
    this.jobs.start[slot] = now;
    const work = Math.max(0, this.work.sample(this.workRng));
    this.w.sim.postAfter(work, this.w.kinds.leaseDone, this.svc.index, slot);
  }

  /** A server finished job `slot`: in time and with the dependency reachable, the lease is established. */
  onDone(slot: number): void {
    const jobs = this.jobs;
    const s = this.svc;
    const now = this.w.sim.now();
    const heldFor = now - jobs.start[slot]!;
    s.busyTime += heldFor;
    s.busy--;
    const i = jobs.fleet[slot]!;
    const current = jobs.tag[slot] === this.epoch[i] && this.pending[i] === 1;
    if (now >= jobs.deadline[slot]! || !current) s.wastedTime += heldFor;
    else if (this.reachable(now)) this.establish(i, now);
    else this.fail(i, now, Outcome.TRANSIENT);
    jobs.release(slot);
    s.wake();
  }

  private establish(i: number, now: number): void {
    this.budget?.onSuccess(this.cause[i]!);
    this.held[i] = 1;
    this.pending[i] = 0;
    this.epoch[i] = (this.epoch[i]! + 1) & (STRIDE - 1); // its timeout is stale
    this.expiry[i] = now + this.ttl.sample(this.ttlRng);
    this.heldCount++;
    this.established++;
    this.applyCapacity();
  }

  /** The job's timeout (payload `epoch * STRIDE + lease`): a current job is abandoned. */
  onTimeout(tag: number): void {
    const ep = Math.floor(tag * INV_STRIDE);
    const i = tag - ep * STRIDE;
    if (this.epoch[i] !== ep || this.pending[i] === 0) return;
    this.fail(i, this.w.sim.now(), this.lost[i]!);
  }

  /**
   * The attempt on lease i failed with `outcome` (TIMEOUT; THROTTLED: dropped by the full backlog; TRANSIENT: the
   * dependency unreachable at the job's end): re-queue after the backoff, as a retry of that outcome.
   */
  private fail(i: number, now: number, outcome: number): void {
    this.abandoned++;
    this.budget?.onFailure(outcome, this.cause[i]!);
    this.cause[i] = outcome;
    if (this.spec.waitForVia && outcome === Outcome.TRANSIENT) {
      // the dependency is gone: wait for it at the renewal ticks, as a first attempt
      this.epoch[i] = (this.epoch[i]! + 1) & (STRIDE - 1);
      this.pending[i] = 0;
      return;
    }
    this.later(i, now);
  }

  /** Lease i tries again after its next backoff delay (at once without a backoff). */
  private later(i: number, now: number): void {
    const ep = (this.epoch[i]! + 1) & (STRIDE - 1); // the job, if still queued or in work, is stale
    this.epoch[i] = ep;
    const k = this.tries[i]!;
    this.tries[i] = k + 1;
    const delay = this.backoff === undefined ? 0 : this.backoff.delay(k, this.prevDelay[i]!, this.requeueRng);
    this.prevDelay[i] = delay;
    if (delay > 0) this.w.sim.postAfter(delay, this.w.kinds.leaseRequeue, this.svc.index, ep * STRIDE + i);
    else this.requeue(i, now);
  }

  /** The re-queue backoff of a lease ended (payload `epoch * STRIDE + lease`). */
  onRequeue(tag: number): void {
    const ep = Math.floor(tag * INV_STRIDE);
    const i = tag - ep * STRIDE;
    if (this.epoch[i] !== ep || this.pending[i] === 0) return;
    this.requeue(i, this.w.sim.now());
  }

  /**
   * Queues lease i again if the budget admits it: as a retry (cause TIMEOUT), or as a first attempt after a refusal.
   * A refused re-queue ends the lease's sequence of retries: it starts afresh as a first attempt (which retry budgets
   * always admit) after its next backoff delay, or without a backoff at the next renewal tick.
   */
  private requeue(i: number, now: number): void {
    const cause = this.cause[i] === REFUSED ? Cause.FIRST : this.cause[i]!;
    if (this.budget !== undefined && !this.budget.tryAcquire(cause)) {
      this.cause[i] = REFUSED;
      if (this.backoff === undefined) this.pending[i] = 0;
      else this.later(i, now);
      return;
    }
    this.cause[i] = cause;
    this.queue(i, now);
  }

  /** Sets the resource's servers to round(declared x held / count), by the difference from what was applied. */
  private applyCapacity(): void {
    const left = Math.round((this.base * this.heldCount) / this.n);
    const removed = this.base - left;
    const delta = removed - this.removed;
    if (delta === 0) return;
    this.removed = removed;
    const r = this.resource;
    r.setServers(r.servers - delta);
  }
}
