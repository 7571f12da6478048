import { StampedeError } from "../core/StampedeError.js";
import type { Scenario } from "./Scenario.js";

/** Error code of an invalid scale factor. */
export const E_SCALE = "E_SCALE";

/**
 * Scales a scenario's populations and capacities by `factor` (0.1 = a tenth) so that its dynamics stay the same: the
 * number of clients, each device's forwarding and setup rates and buffer, each service's servers, minimum servers
 * queue limit, lease count, stock units and host replacements under way (`healthCheck.concurrent` as a count; cells are capped at the servers), and the absolute rates and server counts of actions (scale, remove-capacity, rate-limit) are multiplied; counts are
 * rounded and kept >= 1 (a queue limit >= 0). Per-client rates, timeouts, delays, fractions and device counts are
 * unchanged, so the storm factor (setup work demanded over capacity) and every delay are preserved. Returns a copy;
 * `origin.scale` records the product of the factors applied.
 */
export function scaleScenario(s: Scenario, factor: number): Scenario {
  if (!Number.isFinite(factor) || factor <= 0)
    throw new StampedeError(E_SCALE, `the scale factor must be a number > 0, got ${factor}`);
  const out = structuredClone(s);
  if (factor === 1) return out;
  const n = (v: number, min = 1) => Math.max(min, Math.round(v * factor));
  for (const f of Object.values(out.fleets)) f.clients = n(f.clients);
  for (const l of Object.values(out.links)) {
    l.forwardRate *= factor;
    l.setupRate *= factor;
    l.buffer = n(l.buffer);
  }
  for (const sv of Object.values(out.services)) {
    sv.servers = n(sv.servers);
    sv.queueLimit = n(sv.queueLimit, 0);
    if (sv.minServers !== undefined) sv.minServers = n(sv.minServers);
    if (sv.cells !== undefined) sv.cells = Math.min(sv.cells, sv.servers);
    // leases scale with the servers: re-establishing them all (count x work / servers) takes as long at any scale
    if (sv.leases !== undefined) sv.leases.count = n(sv.leases.count);
    // a stock scales with the clients that draw on it (0 stays 0)
    if (sv.stock !== undefined) sv.stock.units = n(sv.stock.units, 0);
    const hc = sv.healthCheck;
    if (hc !== undefined && typeof hc.concurrent === "number") hc.concurrent = n(hc.concurrent);
  }
  for (const a of Object.values(out.automation)) {
    const act = a.action;
    if (act.type === "scale") act.servers = n(act.servers);
    else if (act.type === "remove-capacity" && act.servers !== undefined) act.servers = n(act.servers);
  }
  for (const st of Object.values(out.operators?.runbook ?? {})) {
    const act = st.do;
    if (act.type === "scale") act.servers = n(act.servers);
    else if (act.type === "rate-limit") act.rate *= factor;
  }
  const origin = out.origin ?? { file: null, variant: null, overrides: {}, scale: 1 };
  out.origin = { ...origin, scale: origin.scale * factor };
  return out;
}
