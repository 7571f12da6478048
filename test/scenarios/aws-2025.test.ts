import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { loadScenario } from "../../src/scenario/index.js";
import { firstTime, max, mean, runBuiltin } from "./runBuiltin.js";

/**
 * The October 2025 scenario's claims (docs/scenarios/aws-us-east-1-2025-10-20.md): the DNS fault, the lapse of DWFM's
 * leases during it, the congestive collapse that outlives it, the lease recovery time against the published one
 * (elapsed from the 23:48 trigger, within 20%), and the counterfactuals that recover by themselves.
 */
const NAME = "aws-us-east-1-2025-10-20";
const MIN = 60;
const spec = loadScenario(NAME);
const dnsEnd = spec.faults["empty-dns-record"]!.end; // 02:25, 2 h 37 min after the trigger
const L = spec.services["dwfm"]!.leases!.count;
const held = "service.dwfm.leasesHeld";
/** Published: DWFM had leases with all droplets by 05:28 PDT, 5 h 40 min after the trigger (aws.amazon.com/message/101925). */
const PUBLISHED_LEASES_BACK = (5 * 60 + 40) * MIN;
const allBack = (r: RunResult, from: number) => firstTime(r, held, from, (v) => v >= 0.99 * L);

describe(NAME, () => {
  it("runs in under 30 s at default scale: leases lapse in the DNS outage and stay lapsed after it until the 04:14 restart", () => {
    const t0 = performance.now();
    const r = runBuiltin(NAME, { seed: 1, scale: 1 });
    expect(performance.now() - t0).toBeLessThan(30_000);
    // every DynamoDB call fails while the record is empty, and succeeds again after
    expect(max(r, "fleet.dynamodb-callers.successes", MIN, dnsEnd - MIN)).toBe(0);
    expect(mean(r, "fleet.dynamodb-callers.successes", dnsEnd + 10 * MIN, dnsEnd + 60 * MIN)).toBeGreaterThan(
      9,
    );
    // nearly every lease lapses before DynamoDB is back; none comes back in the 1 h 49 min before the restart
    expect(max(r, held, dnsEnd - 10 * MIN, dnsEnd)).toBeLessThan(0.01 * L);
    expect(max(r, held, dnsEnd, dnsEnd + 105 * MIN)).toBeLessThan(0.01 * L);
    expect(max(r, "service.ec2-launch.successRatio", dnsEnd, dnsEnd + 105 * MIN)).toBeLessThan(0.5);
    // the leases are all back within 20% of the published elapsed time (a prediction given the 04:14 action)
    const back = allBack(r, dnsEnd)!;
    expect(Math.abs(back - PUBLISHED_LEASES_BACK)).toBeLessThan(0.2 * PUBLISHED_LEASES_BACK);
  });

  it("without the restart the collapse is metastable; leases that do not lapse, or re-queues with backoff and a budget, recover by themselves", () => {
    const until = dnsEnd + 4 * 60 * MIN;
    const stuck = runBuiltin(NAME, { seed: 1, scale: 1, variant: "no-operators", until });
    expect(max(stuck, held, dnsEnd, until)).toBeLessThan(0.01 * L);
    const noLapse = runBuiltin(NAME, { seed: 1, scale: 1, variant: "leases-do-not-lapse", until });
    expect(Math.min(...(noLapse.series.columns[held] as number[]))).toBe(L);
    expect(mean(noLapse, "service.ec2-launch.successRatio", MIN, until)).toBeGreaterThan(0.99);
    const backoff = runBuiltin(NAME, { seed: 1, scale: 1, variant: "requeue-with-backoff", until });
    expect(max(backoff, held, dnsEnd - 10 * MIN, dnsEnd)).toBeLessThan(0.01 * L); // the same lapse
    expect(allBack(backoff, dnsEnd)!).toBeLessThan(dnsEnd + 30 * MIN);
  });
});
