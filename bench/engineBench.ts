import type { BenchResult } from "./BenchResult.js";
import { CeilingStations } from "./CeilingStations.js";
import { EngineStations } from "./EngineStations.js";
import { EngineTimeouts } from "./EngineTimeouts.js";
import { indirectCallCost } from "./indirectCallCost.js";
import { compare, measure } from "./measure.js";

/** Customers per M/M/1 job (2 events each: arrival and departure). */
const MM1_CUSTOMERS = 5_000_000;
/** Stations in the many-stations bench (about 190,000 pending events at rho 0.9). */
const STATIONS = 100_000;
/** Virtual time per many-stations job: 100,000 stations x 1.8 events per unit time x 10 = about 1.8M events. */
const STATIONS_SLICE = 10;
/** Clients in the timeout bench. */
const TIMEOUT_CLIENTS = 10_000;

function mm1(): BenchResult[] {
  let seed = 1;
  const {
    a: engine,
    b: ceiling,
    ratio,
  } = compare(
    () => new EngineStations(1, seed++, { maxArrivals: MM1_CUSTOMERS }).run(Infinity),
    () => new CeilingStations(1, seed++, { maxArrivals: MM1_CUSTOMERS }).run(Infinity),
  );
  const call = indirectCallCost();
  const ceilingNs = 1e9 / ceiling.median;
  const bound = ceilingNs / (ceilingNs + call.callNs);
  return [
    {
      name: "engine.mm1",
      value: engine.median,
      unit: "events/s",
      ratio,
      note: `M/M/1 rho 0.9, ${MM1_CUSTOMERS} customers; runs ${fmt(engine.rates)}`,
    },
    {
      name: "ceiling.mm1",
      value: ceiling.median,
      unit: "events/s",
      note: `hand-written loop; runs ${fmt(ceiling.rates)}`,
    },
    {
      name: "engine.indirectCall",
      value: call.callNs,
      unit: "ns/call",
      note:
        `one call through a 2-closure handler table (${call.tableNs.toFixed(1)} ns) minus the same work inline ` +
        `(${call.inlineNs.toFixed(1)} ns); against the ceiling's ${ceilingNs.toFixed(1)} ns/event the call alone would allow a ` +
        `handler-table engine's (a) ratio up to ${bound.toFixed(2)}x`,
    },
  ];
}

function stations(): BenchResult[] {
  const e = new EngineStations(STATIONS, 7, { stationary: true });
  const c = new CeilingStations(STATIONS, 7, { stationary: true });
  const {
    a: engine,
    b: ceiling,
    ratio,
  } = compare(
    () => e.run(e.sim.now() + STATIONS_SLICE),
    () => c.run(c.now() + STATIONS_SLICE),
  );
  const pending = e.sim.pending;
  return [
    {
      name: "engine.stations",
      value: engine.median,
      unit: "events/s",
      ratio,
      note: `${STATIONS} M/M/1 stations on one queue, ${pending} pending; runs ${fmt(engine.rates)}`,
    },
    {
      name: "ceiling.stations",
      value: ceiling.median,
      unit: "events/s",
      note: `hand-written loop; runs ${fmt(ceiling.rates)}`,
    },
  ];
}

function timeouts(): BenchResult[] {
  const e = new EngineTimeouts(TIMEOUT_CLIENTS, 3);
  const m = measure(() => e.run(e.sim.now() + 20));
  return [
    {
      name: "engine.timeouts",
      value: m.median,
      unit: "events/s",
      note: `${TIMEOUT_CLIENTS} closed-loop clients, timeouts in a lane, cancelled on response; runs ${fmt(m.rates)}`,
    },
  ];
}

function fmt(rates: number[]): string {
  return rates.map((r) => (r / 1e6).toFixed(2)).join(" ") + " M/s";
}

/**
 * Engine throughput against the hand-written ceiling: (a) one M/M/1 queue, (b) 100,000 stations on one queue; and,
 * without a ceiling, (c) a timeout-heavy client workload that exercises lanes and cancellation.
 */
export async function engineBench(): Promise<BenchResult[]> {
  return [...mm1(), ...stations(), ...timeouts()];
}
