import type { Rng } from "../core/Rng.js";
import type { ArrivalsSpec } from "../spec/ArrivalsSpec.js";

/**
 * The arrival times of an open-loop fleet that is not Poisson (`load.arrivals`: paced, on/off, MMPP). `next(now,
 * factor)` gives the absolute time of the arrival after the one at `now`, at `factor` x the configured rate
 * (automation `load`); `client()` the client it goes to. Times are computed from products of counts and periods,
 * never by adding a period up. Draws: inter-arrival gaps and clients from the fleet's arrivals stream, MMPP state
 * sojourns from its own stream.
 */
export class ArrivalProcess {
  private readonly kind: number;
  /** Fleet arrival rate at factor 1 (per second): per-client rate x clients. */
  private readonly rate: number;
  private readonly clients: number;
  private readonly rng: Rng;
  // paced: arrival k of the current pace is at t0 + k / (rate x factor)
  private t0 = 0;
  private k = 0;
  private paceFactor = 1;
  private offset = 0.5;
  private nextClient = 0;
  // on/off
  private readonly on: number;
  private readonly period: number;
  // mmpp
  private readonly factors: [number, number] = [1, 1];
  private readonly sojourns: [number, number] = [1, 1];
  private readonly stateRng: Rng | undefined;
  private state = 0;
  private switchAt = 0;

  constructor(
    spec: Exclude<ArrivalsSpec, "poisson">,
    rate: number,
    clients: number,
    rng: Rng,
    stateRng: Rng,
  ) {
    this.rate = rate * clients;
    this.clients = clients;
    this.rng = rng;
    this.on = 0;
    this.period = 0;
    if (spec === "paced") this.kind = 0;
    else if (spec.type === "onoff") {
      this.kind = 1;
      this.on = spec.on;
      this.period = spec.on + spec.off;
    } else {
      this.kind = 2;
      this.factors = spec.factors;
      this.sojourns = spec.sojourns;
      this.stateRng = stateRng;
      const [d0, d1] = spec.sojourns;
      this.state = stateRng.next() * (d0 + d1) < d0 ? 0 : 1;
      this.switchAt = this.sojourn(this.state);
    }
  }

  /** The first arrival's time (the process starts at 0). */
  first(factor: number): number {
    if (this.kind === 0) {
      if (!(factor > 0)) return Number.POSITIVE_INFINITY;
      // half a spacing in, so a run of T seconds holds rate x T arrivals
      this.paceFactor = factor;
      this.t0 = 0;
      this.k = 0;
      this.offset = 0.5;
      return this.offset / (this.rate * factor);
    }
    return this.next(0, factor);
  }

  /** The arrival after the one at `now`, at `factor` x the rate (Infinity: none, the factor is 0). */
  next(now: number, factor: number): number {
    if (!(factor > 0)) return Number.POSITIVE_INFINITY;
    const rate = this.rate * factor;
    switch (this.kind) {
      case 0: {
        if (factor !== this.paceFactor) {
          // a new pace: its first arrival one spacing after now
          this.paceFactor = factor;
          this.t0 = now;
          this.k = 0;
          this.offset = 1;
        } else this.k++;
        return this.t0 + (this.k + this.offset) / rate;
      }
      case 1: {
        // on-time elapsed by `now`, plus an exponential gap of on-time, mapped back to clock time
        const p = this.period;
        const cycles = Math.floor(now / p);
        const within = Math.min(now - cycles * p, this.on);
        const tau = cycles * this.on + within + this.gap(rate);
        const c = Math.floor(tau / this.on);
        return c * p + (tau - c * this.on);
      }
      default: {
        let t = now;
        for (;;) {
          const r = rate * this.factors[this.state]!;
          const g = r > 0 ? this.gap(r) : Number.POSITIVE_INFINITY;
          if (t + g < this.switchAt) return t + g;
          // memoryless: restart the gap at the switch, in the other state
          t = this.switchAt;
          this.state = 1 - this.state;
          this.switchAt = t + this.sojourn(this.state);
        }
      }
    }
  }

  /** The client of the next arrival: in turn when paced, else uniform. */
  client(): number {
    if (this.kind === 0) {
      const c = this.nextClient;
      this.nextClient = c + 1 === this.clients ? 0 : c + 1;
      return c;
    }
    return Math.floor(this.rng.next() * this.clients);
  }

  private gap(rate: number): number {
    return -Math.log(1 - this.rng.next()) / rate;
  }

  private sojourn(s: number): number {
    return -Math.log(1 - this.stateRng!.next()) * this.sojourns[s]!;
  }
}
