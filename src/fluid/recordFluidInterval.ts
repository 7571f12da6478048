import type { IntervalRecorder } from "../metrics/IntervalRecorder.js";
import { SERIES_METRICS } from "../metrics/seriesMetrics.js";
import type { FluidModel } from "./FluidModel.js";

/** The series columns of a fluid model, declared once (the event model's names and order) and written by reference. */
export interface FluidColumns {
  goodput: Float64Array;
  amplification: Float64Array;
  /** Per fleet, 12 columns in the event model's order. */
  fleets: Float64Array[][];
  /** Per link, 8 columns. */
  links: Float64Array[][];
  /** Per service, 8 columns (+ hostsOut when host replacement manages it). */
  services: Float64Array[][];
  capacityMissing: Float64Array;
  staleness: Float64Array;
  blind: Float64Array;
  dependents: Float64Array[];
}

const FLEET = SERIES_METRICS.fleet;
const LINK = SERIES_METRICS.link;
const SERVICE = SERIES_METRICS.service;

/** Declares every column of `m` in `r` (in the event model's order, CloudModel.declareColumns). */
export function declareFluidColumns(m: FluidModel, r: IntervalRecorder): FluidColumns {
  const goodput = r.column("goodput");
  const amplification = r.column("amplification");
  const fleets: Float64Array[][] = [];
  for (let f = 0; f < m.fleetCount; f++) {
    const p = `fleet.${m.callers[f]!.name}.`;
    fleets.push(FLEET.map((n) => r.column(p + n)));
  }
  const links = m.links.map((l) => LINK.map((n) => r.column(`link.${l.name}.${n}`)));
  const services = m.services.map((s) => {
    const c = SERVICE.map((n) => r.column(`service.${s.name}.${n}`));
    if (m.replacer?.manages(s.index)) c.push(r.column(`service.${s.name}.hostsOut`));
    return c;
  });
  return {
    goodput,
    amplification,
    fleets,
    links,
    services,
    capacityMissing: r.column("capacity.missing"),
    staleness: r.column("monitoring.staleness"),
    blind: r.column("monitoring.blind"),
    dependents: m.dependents.names.map((d) => r.column(`dependent.${d}.up`)),
  };
}

/**
 * Writes the current interval's row of every series column, with the event model's names, units and no-data rules
 * (CloudModel.declareColumns): rates per second, NaN where nothing was measured. The columns are declared once
 * ({@link declareFluidColumns}) and written by reference (no name is built per interval).
 */
export function recordFluidInterval(m: FluidModel): void {
  const r = m.recorder;
  if (m.columns === undefined) m.columns = declareFluidColumns(m, r);
  const cols = m.columns;
  const i = r.length;
  const interval = m.scenario.interval;
  const perSecond = 1 / interval;
  const now = m.timeOf(i * m.spi + m.spi);
  const goodputFleets = m.goodputFleets;
  let goodput = Number.NaN;
  let attempts = 0;
  let first = 0;
  for (let f = 0; f < m.fleetCount; f++) {
    const c = m.callers[f]!;
    const k = c.counters;
    const fc = cols.fleets[f]!;
    fc[0]![i] = k.firstAttempts * perSecond;
    fc[1]![i] = (k.attempts + k.setups) * perSecond;
    fc[2]![i] = k.setups * perSecond;
    fc[3]![i] = k.successes * perSecond;
    fc[4]![i] = k.timeouts * perSecond;
    fc[5]![i] = k.errors * perSecond;
    fc[6]![i] = k.rejected * perSecond;
    fc[7]![i] = k.refused * perSecond;
    fc[8]![i] = c.latency.quantile(0.5) ?? Number.NaN;
    fc[9]![i] = c.latency.quantile(0.99) ?? Number.NaN;
    fc[10]![i] = c.disconnected();
    fc[11]![i] = c.blockedClients;
    const ended = k.successes + k.timeouts + k.errors;
    m.fleetRatio[f] = ended > 0 ? (k.timeouts + k.errors) / ended : Number.NaN;
    const measured =
      (c.clients > 0 && c.loadFactor > 0) ||
      k.firstAttempts + k.attempts + k.setups + ended + k.rejected + k.refused > 0;
    if (goodputFleets[f] === 1 && measured)
      goodput = (Number.isNaN(goodput) ? 0 : goodput) + k.successes * perSecond;
    attempts += k.attempts + k.setups;
    first += k.firstAttempts;
  }
  cols.goodput[i] = goodput;
  cols.amplification[i] = first > 0 ? attempts / first : Number.NaN;
  for (let li = 0; li < m.links.length; li++) {
    const l = m.links[li]!;
    const lc = cols.links[li]!;
    lc[0]![i] = l.devices > 0 ? l.doneWork / (l.devices * interval) : 0;
    lc[1]![i] = l.jobs;
    lc[2]![i] = l.drops * perSecond;
    lc[3]![i] = l.setups * perSecond;
    lc[4]![i] = l.forwarded * perSecond;
    lc[5]![i] = l.admittedWork > 0 ? l.wastedWork / l.admittedWork : Number.NaN;
    let demand = 0;
    for (let f = 0; f < m.fleetCount; f++) {
      const c = m.callers[f]!;
      if (c.link === l && c.persistent) demand += c.disconnected(true) / c.connection!.setupTimeout;
    }
    lc[6]![i] = l.setupCapacity > 0 ? demand / l.setupCapacity : Number.NaN;
    lc[7]![i] = l.devices;
  }
  const outageRatio = m.scenario.verdict.outageRatio;
  for (const s of m.services) {
    const sc = cols.services[s.index]!;
    sc[0]![i] = s.queueLength;
    sc[1]![i] = s.busy;
    sc[2]![i] = s.requests * perSecond;
    sc[3]![i] = s.successes * perSecond;
    sc[4]![i] = s.failures * perSecond;
    const seen = s.callerOk + s.callerFail;
    sc[5]![i] = seen > 0 ? s.callerOk / seen : Number.NaN;
    m.serviceRatio[s.index] = seen > 0 ? s.callerFail / seen : Number.NaN;
    if (seen > 0) m.serviceOut[s.index] = s.callerOk / seen < outageRatio ? 1 : 0;
    sc[6]![i] = m.serviceOut[s.index]!;
    sc[7]![i] = s.busyTime > 0 ? s.wastedTime / s.busyTime : Number.NaN;
    if (sc.length > 8) sc[8]![i] = m.replacer!.hostsOut(s.index);
  }
  cols.capacityMissing[i] = m.control.missing(now);
  if (m.monitor !== undefined) {
    cols.staleness[i] = m.monitor.staleness(now);
    cols.blind[i] = m.monitor.blind(now) ? 1 : 0;
  }
  m.dependents.evaluate(m.serviceOut, m.dependentUp);
  for (let j = 0; j < cols.dependents.length; j++) cols.dependents[j]![i] = m.dependentUp[j]!;
}
