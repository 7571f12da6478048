/**
 * Leaves whose case changes nothing on the fluid engine and that checkFluid does not refuse, each with its reason.
 * "open:" marks a field the fluid engine ignores today (docs/fluid.md, "Fields the fluid engine ignores"): each is to be
 * refused or implemented; the rest are explained by what the fluid engine is.
 */
export const FLUID_EXCEPTIONS: Record<string, string> = {
  "automation.*.action<cache-loss>":
    "refused by checkFluid (automation.N.action: caches are not in the fluid engine); its case runs in the cache " +
    "base, whose services.*.cache is refused first (checkFluid.test.ts: cache-stampede's automation.hot-shard-lost.action)",
  "monitoring.timeout":
    "not run here: the case's 1 ms telemetry timeout sets the fluid step to 0.5 ms (1.2 million steps at 2 bins), " +
    "too slow for this test; FluidMonitor reads it (a telemetry job arrives iff it would within the timeout)",
  "services.*.degradation.warmup":
    "warm-up scales the cold factor, and FLUID_PREP sets coldFactor to 1 (cold starts are refused: " +
    "services.S.degradation.coldFactor); a base with coldFactor != 1 is refused by name",
  "services.*.healthCheck.replace":
    "open: in this case host replacement never triggers on the fluid run (no noise: the service's success ratio stays above failAfter's window)",
  "services.*.healthCheck.concurrent":
    "open: as healthCheck.replace (no replacement happens on the fluid run of this case)",
  "services.*.healthCheck.minHealthy":
    "open: as healthCheck.replace (no replacement happens on the fluid run of this case)",
  "services.*.plane":
    "open: the case's dependent reads the plane only once an outage window opens; none opens on the fluid run",
  "dependents.*.requires[].of[]<object>.plane":
    "open: as services.*.plane (no outage window opens on the fluid run)",
  "fleets.*.load<open>":
    "the case turns the closed batch fleet into this open one, which FLUID_PREP already does (the fluid has no closed loads)",
  "monitoring.dependsOn":
    "open: in this case the db never fails badly enough on the fluid run for the monitor to lose it",
  "monitoring.staleAfter":
    "open: telemetry is never stale in this case's fluid run (no noise, the monitor's route keeps up)",
  "monitoring.alarms.noData.after":
    "open: as monitoring.staleAfter (no stale telemetry on the fluid run of this case)",
  "operators.diagnosis.blind":
    "open: monitoring is never blind in this case's fluid run, so the blind delay is not used",
  "verdict.baselineWindow":
    "open: the fluid baseline is flat (no noise), so a shorter window gives the same mean",
};
