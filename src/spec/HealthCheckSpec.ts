/**
 * Health checks and host replacement (see docs/model.md, "Health checks and host replacement"): once the service has
 * been out for `failAfter` seconds without a break, every host in service is marked unhealthy and taken out; hosts are
 * replaced `concurrent` at a time, `replace` seconds each, starting only while every hard dependency answers.
 */
export interface HealthCheckSpec {
  /** Seconds the service must be out (callers' success ratio below `verdict.outageRatio`) before its hosts go. */
  failAfter: number;
  /** Seconds to replace one host. */
  replace: number;
  /** Replacements under way at a time: a number of hosts, or a share of the hosts taken out (at least 1). Default 1. */
  concurrent: number | { share: number };
  /**
   * Share (0..1) of the hosts taken out that must be replaced before any goes back into service; after that each
   * goes back as it finishes. Default 0 (each host goes back at once).
   */
  minHealthy: number;
}
