import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { loadScenario } from "../../src/scenario/index.js";
import { firstTime, max, mean, runBuiltin } from "./runBuiltin.js";

/**
 * The October 2025 scenario's claims (docs/scenarios/aws-us-east-1-2025-10-20.md): the DNS fault, the lapse of DWFM's
 * leases during it, the congestive collapse that outlives it until operators who found it sustained restart DWFM,
 * Network Manager's backlog once the droplets are back, and the NLB errors it causes; each later-phase time against
 * the published one (elapsed from the 23:48 trigger, within 20%), and the counterfactuals that recover by themselves.
 * Published times: AWS's post-event summary, aws.amazon.com/message/101925.
 */
const NAME = "aws-us-east-1-2025-10-20";
const MIN = 60;
const H = 60 * MIN;
const spec = loadScenario(NAME);
const dnsEnd = spec.faults["empty-dns-record"]!.end; // 02:25, 2 h 37 min after the trigger
const L = spec.services["dwfm"]!.leases!.count;
const held = "service.dwfm.leasesHeld";
const allBack = (r: RunResult, from: number) => firstTime(r, held, from, (v) => v >= 0.99 * L);
const within20 = (model: number, published: number) =>
  expect(Math.abs(model - published) / published).toBeLessThan(0.2);

/** The later-phase times of one run, seconds from the trigger. */
function times(r: RunResult) {
  const restart = r.summary.operators.find((s) => s.name === "restart-dwfm")!.at!;
  const nlbStart = firstTime(r, "service.nlb.successRatio", 0, (v) => v < 0.5)!;
  return {
    restart,
    leasesBack: allBack(r, dnsEnd)!,
    nlbStart,
    nlbEnd: firstTime(r, "service.nlb.successRatio", nlbStart, (v) => v >= 0.5)!,
    launchesBack: firstTime(r, "service.ec2-launch.successRatio", dnsEnd + 10 * MIN, (v) => v >= 0.5)!,
  };
}

describe(NAME, () => {
  it("runs in under 30 s at default scale: leases lapse in the DNS outage and stay lapsed after it until the restart", () => {
    const t0 = performance.now();
    const r = runBuiltin(NAME, { seed: 1, scale: 1 });
    expect(performance.now() - t0).toBeLessThan(30_000);
    // every DynamoDB call fails while the record is empty, and succeeds again after
    expect(max(r, "fleet.dynamodb-callers.successes", MIN, dnsEnd - MIN)).toBe(0);
    expect(mean(r, "fleet.dynamodb-callers.successes", dnsEnd + 10 * MIN, dnsEnd + 60 * MIN)).toBeGreaterThan(
      9,
    );
    // first phase, fitted: diagnosis 48 min of fresh monitoring after the detection, against 00:38 published
    expect(r.summary.verdict.diagnosedAt!).toBeGreaterThan(48 * MIN);
    within20(r.summary.verdict.diagnosedAt!, 50 * MIN);
    // nearly every lease lapses before DynamoDB is back; none comes back before the restart
    const { restart } = times(r);
    expect(max(r, held, dnsEnd - 10 * MIN, dnsEnd)).toBeLessThan(0.01 * L);
    expect(max(r, held, dnsEnd, restart)).toBeLessThan(0.01 * L);
    expect(max(r, "service.ec2-launch.successRatio", dnsEnd, restart)).toBeLessThan(0.5);
    // the NLB is untouched while no droplet has a lease: Network Manager waits for them (waitForVia)
    expect(
      Math.min(...(r.series.columns["service.nlb.successRatio"] as number[]).slice(0, restart / MIN)),
    ).toBe(1);
  });

  // Predictions (emerge from the mechanisms): the restart (as the step anchored on sustained-diagnosis), all leases
  // back, the NLB errors' start and end. Regression test of a fitted number: launches back (Network Manager's work per
  // lease was set so that it matches 10:36). Seeds 1-3.
  it.each([1, 2, 3])(
    "later phases within 20 percent of the published elapsed times, but the restart (a reported miss), seed %i",
    (seed) => {
      const r = runBuiltin(NAME, { seed, scale: 1 });
      const t = times(r);
      // predicted, OUTSIDE 20% (-23%: 3 h 26 min against 4 h 26 min): the restart is the sustained-diagnosis, 48 min
      // after the first interval after 02:25 with an impact; published 04:14. Asserted as the mechanism's time, not as a
      // match.
      expect(t.restart).toBe(dnsEnd + MIN + 48 * MIN);
      within20(t.leasesBack, 5 * H + 40 * MIN); // predicted: 05:28 published
      within20(t.nlbStart, 5 * H + 42 * MIN); // predicted: 05:30 published
      within20(t.nlbEnd, 14 * H + 21 * MIN); // predicted: 14:09 published
      within20(t.launchesBack, 10 * H + 48 * MIN); // FITTED (regression test): 10:36 published
      // the order of the night: leases, then NLB errors with Network Manager's backlog, launches, then the NLB
      expect(t.nlbStart).toBeGreaterThan(t.restart);
      expect(t.launchesBack).toBeGreaterThan(t.leasesBack);
      expect(t.nlbEnd).toBeGreaterThan(t.launchesBack);
    },
  );

  it("without the restart the collapse is metastable; leases that do not lapse, or re-queues with backoff and a budget, recover by themselves", () => {
    const until = dnsEnd + 4 * H;
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
