export interface MonitoringSpec {
  /** Network where the monitoring system lives. */
  network: string;
  /** Fleets and services whose telemetry is collected. */
  sources: string[];
  /** Telemetry emission interval, seconds. Default 10. */
  interval: number;
  /** Telemetry timeout: data delayed more than this is lost. Default 5 s. */
  timeout: number;
  /** Links crossed by telemetry, overriding the derived route (`[]` = out-of-band). */
  via?: string[];
  /**
   * Services the monitoring system stores its data in (a status page hosted on the service it reports): while one
   * of them is out, telemetry is lost. Operators' reroute of `monitoring` removes the dependency. Default none.
   */
  dependsOn?: string[];
  /** Data older than this counts as stale (monitoring blind). Default 60 s. */
  staleAfter: number;
  alarms: {
    /** Metric alarm: error ratio of a source above `threshold` for `for` seconds, on telemetry that arrived. */
    errorRatio: { threshold: number; for: number };
    /** No-data alarm: telemetry stale for `after` seconds (something is wrong, not what). */
    noData: { after: number };
  };
  /** Slow channel (logs, customer reports): impact becomes known after this delay, seconds. */
  slowChannel: { delay: number };
}
