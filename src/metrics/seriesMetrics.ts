/**
 * The per-entity series metrics, in column order: `fleet.<f>.<m>`, `link.<l>.<m>` and `service.<s>.<m>`. The event
 * model (CloudModel) and the fluid engine (recordFluidInterval) declare their columns from these lists, so both
 * engines write the same series. Rates are per second; shares and ratios are in [0, 1]; p50/p99 in seconds.
 */
export const SERIES_METRICS = {
  fleet: [
    "firstAttempts",
    "attempts",
    "setups",
    "successes",
    "timeouts",
    "errors",
    "rejected",
    "refused",
    "p50",
    "p99",
    "disconnected",
    "blocked",
  ],
  link: ["utilisation", "queue", "drops", "setups", "forwarded", "wastedShare", "stormFactor", "devices"],
  service: ["queue", "busy", "requests", "successes", "failures", "successRatio", "out", "wastedShare"],
} as const;
