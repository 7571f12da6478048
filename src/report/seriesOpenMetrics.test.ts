import { describe, expect, it } from "vitest";
import type { Series } from "../metrics/RunResult.js";
import { openMetricsEpoch, openMetricsName, seriesOpenMetrics } from "./seriesOpenMetrics.js";

const series: Series = {
  interval: 10,
  time: [0, 10, 20],
  columns: {
    goodput: [100, 0, 50],
    "fleet.internal-clients.p99": [0.25, null, 1.5],
    "link.nat.utilisation": [0.5, 1, 0.75],
    "link.nat.stormFactor": [0.1, Number.POSITIVE_INFINITY, 2],
    "link.nat.queue": [0, 400, 12],
  },
};

describe("seriesOpenMetrics", () => {
  const text = seriesOpenMetrics([{ label: null, series }], {
    epoch: 1_638_889_200,
    labels: { scenario: 'aws "us-east-1"', seed: "1" },
  });
  const lines = text.split("\n");

  it("writes one gauge family per column, units in the names (and # UNIT where OpenMetrics has the unit)", () => {
    expect(lines.filter((l) => l.startsWith("# TYPE"))).toEqual([
      "# TYPE stampede_goodput_per_second gauge",
      "# TYPE stampede_fleet_internal_clients_p99_seconds gauge",
      "# TYPE stampede_link_nat_utilisation_ratio gauge",
      "# TYPE stampede_link_nat_storm_factor gauge",
      "# TYPE stampede_link_nat_queue gauge",
    ]);
    expect(lines).toContain("# UNIT stampede_fleet_internal_clients_p99_seconds seconds");
    expect(lines).toContain("# UNIT stampede_link_nat_utilisation_ratio ratio");
    expect(lines.some((l) => l.startsWith("# UNIT stampede_goodput"))).toBe(false);
  });

  it("stamps each sample at its interval's end, skips intervals without data, keeps a true 0, ends with # EOF", () => {
    const labels = 'variant="baseline",scenario="aws \\"us-east-1\\"",seed="1"';
    expect(lines.filter((l) => l.startsWith("stampede_fleet_internal_clients_p99_seconds{"))).toEqual([
      `stampede_fleet_internal_clients_p99_seconds{${labels}} 0.25 1638889210`,
      `stampede_fleet_internal_clients_p99_seconds{${labels}} 1.5 1638889230`,
    ]);
    expect(lines).toContain(`stampede_goodput_per_second{${labels}} 0 1638889220`);
    expect(lines).toContain(`stampede_link_nat_storm_factor{${labels}} +Inf 1638889220`);
    expect(text.endsWith("# EOF\n")).toBe(true);
    expect(lines.filter((l) => l !== "" && !l.startsWith("#"))).toHaveLength(14);
  });

  it("labels each run of a comparison with its variant, in one family per column", () => {
    const two = seriesOpenMetrics(
      [
        { label: null, series },
        { label: "fixed-backoff", series },
      ],
      { epoch: 0, labels: {} },
    );
    expect(two.split("\n").filter((l) => l.startsWith("# TYPE stampede_goodput_per_second"))).toHaveLength(1);
    expect(two).toContain('stampede_goodput_per_second{variant="fixed-backoff"} 100 10');
  });

  it("names columns in OpenMetrics characters, keeping two that differ only in punctuation apart", () => {
    expect(openMetricsName("service.db-primary.wastedShare")).toBe(
      "stampede_service_db_primary_wasted_share_ratio",
    );
    const clash = seriesOpenMetrics(
      [
        {
          label: null,
          series: { interval: 1, time: [0], columns: { "fleet.a-b.blocked": [1], "fleet.a_b.blocked": [2] } },
        },
      ],
      { epoch: 0, labels: {} },
    );
    expect(clash).toContain("# TYPE stampede_fleet_a_b_blocked gauge");
    expect(clash).toContain("# TYPE stampede_fleet_a_b_blocked_2 gauge");
  });
});

describe("openMetricsEpoch (--openmetrics-start)", () => {
  it("scenario: the scenario's start, with its zone; now: the run ends at the moment of writing", () => {
    expect(openMetricsEpoch("scenario", "2021-12-07T07:00:00-08:00", 36_000, 2e9)).toBe(1_638_889_200);
    expect(openMetricsEpoch("now", "2021-12-07T07:00:00-08:00", 36_000, 2e9)).toBe(2e9 - 36_000);
  });
});
