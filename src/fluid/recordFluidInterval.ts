import type { FluidModel } from "./FluidModel.js";

/**
 * Writes the current interval's row of every series column, with the event model's names, units and no-data rules
 * (CloudModel.declareColumns): rates per second, NaN where nothing was measured. Columns are declared on first use,
 * in the event model's order.
 */
export function recordFluidInterval(m: FluidModel): void {
  const r = m.recorder;
  const i = r.length;
  const interval = m.scenario.interval;
  const perSecond = 1 / interval;
  const now = m.timeOf(i * m.spi + m.spi);
  const set = (name: string, v: number) => {
    r.column(name)[i] = v;
  };
  const goodputFleets = new Set(m.scenario.verdict.goodputFleets);
  let goodput = Number.NaN;
  let attempts = 0;
  let first = 0;
  r.column("goodput");
  r.column("amplification");
  for (let f = 0; f < m.fleetCount; f++) {
    const c = m.callers[f]!;
    const k = c.counters;
    const p = `fleet.${c.name}.`;
    set(`${p}firstAttempts`, k.firstAttempts * perSecond);
    set(`${p}attempts`, (k.attempts + k.setups) * perSecond);
    set(`${p}setups`, k.setups * perSecond);
    set(`${p}successes`, k.successes * perSecond);
    set(`${p}timeouts`, k.timeouts * perSecond);
    set(`${p}errors`, k.errors * perSecond);
    set(`${p}rejected`, k.rejected * perSecond);
    set(`${p}refused`, k.refused * perSecond);
    set(`${p}p50`, c.latency.quantile(0.5) ?? Number.NaN);
    set(`${p}p99`, c.latency.quantile(0.99) ?? Number.NaN);
    set(`${p}disconnected`, c.disconnected());
    set(`${p}blocked`, c.blockedClients);
    const ended = k.successes + k.timeouts + k.errors;
    m.fleetRatio[f] = ended > 0 ? (k.timeouts + k.errors) / ended : Number.NaN;
    const measured =
      (c.clients > 0 && c.loadFactor > 0) ||
      k.firstAttempts + k.attempts + k.setups + ended + k.rejected + k.refused > 0;
    if (goodputFleets.has(c.name) && measured)
      goodput = (Number.isNaN(goodput) ? 0 : goodput) + k.successes * perSecond;
    attempts += k.attempts + k.setups;
    first += k.firstAttempts;
  }
  set("goodput", goodput);
  set("amplification", first > 0 ? attempts / first : Number.NaN);
  m.links.forEach((l, li) => {
    const p = `link.${l.name}.`;
    set(`${p}utilisation`, l.devices > 0 ? l.doneWork / (l.devices * interval) : 0);
    set(`${p}queue`, l.jobs);
    set(`${p}drops`, l.drops * perSecond);
    set(`${p}setups`, l.setups * perSecond);
    set(`${p}forwarded`, l.forwarded * perSecond);
    set(`${p}wastedShare`, l.admittedWork > 0 ? l.wastedWork / l.admittedWork : Number.NaN);
    let demand = 0;
    for (let f = 0; f < m.fleetCount; f++) {
      const c = m.callers[f]!;
      if (c.link === l && c.persistent) demand += c.disconnected(true) / c.connection!.setupTimeout;
    }
    set(`${p}stormFactor`, l.setupCapacity > 0 ? demand / l.setupCapacity : Number.NaN);
    set(`${p}devices`, l.devices);
    void li;
  });
  const outageRatio = m.scenario.verdict.outageRatio;
  for (const s of m.services) {
    const p = `service.${s.name}.`;
    set(`${p}queue`, s.queueLength);
    set(`${p}busy`, s.busy);
    set(`${p}requests`, s.requests * perSecond);
    set(`${p}successes`, s.successes * perSecond);
    set(`${p}failures`, s.failures * perSecond);
    const seen = s.callerOk + s.callerFail;
    set(`${p}successRatio`, seen > 0 ? s.callerOk / seen : Number.NaN);
    m.serviceRatio[s.index] = seen > 0 ? s.callerFail / seen : Number.NaN;
    if (seen > 0) m.serviceOut[s.index] = s.callerOk / seen < outageRatio ? 1 : 0;
    set(`${p}out`, m.serviceOut[s.index]!);
    set(`${p}wastedShare`, s.busyTime > 0 ? s.wastedTime / s.busyTime : Number.NaN);
    if (m.replacer?.manages(s.index)) set(`${p}hostsOut`, m.replacer.hostsOut(s.index));
  }
  set("capacity.missing", m.control.missing(now));
  const staleness = r.column("monitoring.staleness");
  const blind = r.column("monitoring.blind");
  if (m.monitor !== undefined) {
    staleness[i] = m.monitor.staleness(now);
    blind[i] = m.monitor.blind(now) ? 1 : 0;
  }
  m.dependents.evaluate(m.serviceOut, m.dependentUp);
  m.dependents.names.forEach((d, j) => {
    set(`dependent.${d}.up`, m.dependentUp[j]!);
  });
}
