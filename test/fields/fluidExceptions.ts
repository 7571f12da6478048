/**
 * Leaves whose case changes nothing on the fluid engine and that checkFluid does not refuse, each with its reason: each
 * is explained by what the fluid engine is or by how its case is built, none is ignored (docs/fluid.md, "Fields the
 * fluid engine ignores"). A field the fluid engine ignores is refused or implemented, not listed here; a field whose
 * event case needs noise the fluid run lacks gets a fluid case of its own (FLUID_CASES in fluidCase.ts).
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
  "fleets.*.load<open>":
    "the case turns the closed batch fleet into this open one, which FLUID_PREP already does (the fluid has no closed loads)",
};
