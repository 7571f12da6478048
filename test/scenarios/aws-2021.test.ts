import { describe, expect, it } from "vitest";
import { runScenario } from "../../src/experiments/runScenario.js";
import type { RunResult } from "../../src/metrics/RunResult.js";
import { loadScenario } from "../../src/scenario/index.js";

/**
 * The 7 December 2021 scenario's claims, over several seeds, at --scale 0.1 (1,000 internal clients; the storm factor
 * and delays do not change with scale). Counterfactuals use --set overrides only, so the day is not scripted.
 */
const NAME = "aws-us-east-1-2021-12-07";
const SCALE = 0.1;
const SEEDS = [1, 2, 3];
const HOUR = 3600;

const cache = new Map<string, RunResult>();
function run(
  seed: number,
  opts: { variant?: string; set?: Record<string, string>; until?: number } = {},
): RunResult {
  const key = JSON.stringify([seed, opts]);
  let r = cache.get(key);
  if (r === undefined) {
    const scenario = loadScenario(NAME, {
      scale: SCALE,
      ...(opts.variant ? { variant: opts.variant } : {}),
      ...(opts.set ? { set: opts.set } : {}),
    });
    r = runScenario(scenario, { seed, ...(opts.until ? { until: opts.until } : {}) });
    cache.set(key, r);
  }
  return r;
}

/** Mean of a series column over [from, to) seconds. */
function mean(r: RunResult, column: string, from: number, to: number): number {
  const values = r.series.columns[column];
  if (values === undefined) throw new Error(`no column ${column}`);
  const i0 = Math.floor(from / r.series.interval);
  const i1 = Math.floor(to / r.series.interval);
  let sum = 0;
  for (let i = i0; i < i1; i++) sum += values[i]!;
  return sum / (i1 - i0);
}

function stepAt(r: RunResult, name: string): number | null {
  return r.summary.operators.find((o) => o.name === name)?.at ?? null;
}

describe("aws-us-east-1-2021-12-07 (default)", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: a metastable storm that outlives its trigger, blind operators, the day's timeline`, () => {
      const r = run(seed);
      const v = r.summary.verdict;
      const t0 = v.triggerStart!;
      expect(t0).toBe(30 * 60);
      expect(v.metastable).toBe(true);
      // Self-sustaining: the trigger (clients moved to new endpoints) removes no capacity, so capacity.missing (what
      // trigger-marked automation and faults took away) is 0 throughout; the reconnect and retry storm alone holds
      // goodput down. API Gateway's hosts out for replacement (healthCheck) are the outage's own doing and never count.
      const missing = r.series.columns["capacity.missing"]!;
      for (const m of missing) expect(m).toBe(0);
      const hostsOut = r.series.columns["service.api-gateway.hostsOut"]!;
      expect(Math.max(...hostsOut.map((x) => x ?? 0))).toBeGreaterThan(0);
      expect(v.sustained).toBe(true);
      // Congestion persists after the trigger, until operators act: devices full, goodput gone an hour in.
      expect(mean(r, "link.nat.queue", t0 + HOUR, t0 + 2 * HOUR)).toBeGreaterThan(0.9 * 10000 * SCALE);
      expect(mean(r, "goodput", t0 + HOUR, t0 + 2 * HOUR)).toBeLessThan(0.05 * v.baselineGoodput);
      expect(r.summary.links["nat"]!.wastedShare).toBeGreaterThan(0.5);
      expect(r.summary.links["nat"]!.peakStormFactor).toBeGreaterThan(1);
      // Monitoring stale during the congestion; diagnosis more than an hour after the trigger.
      expect(r.summary.monitoring!.staleSeconds).toBeGreaterThan(2 * HOUR);
      expect(v.detectedAt).not.toBeNull();
      expect(v.diagnosedAt! - t0).toBeGreaterThan(HOUR);
      // DNS reroute 1 to 3 hours in: DNS success back above 90% while the clients' goodput stays under 50%.
      const reroute = stepAt(r, "reroute-dns")!;
      expect(reroute - t0).toBeGreaterThan(HOUR);
      expect(reroute - t0).toBeLessThan(3 * HOUR);
      const block = stepAt(r, "block-heavy-talkers")!;
      const dnsOk = mean(r, "fleet.dns-lookups.successes", reroute + 600, block);
      const dnsAll = mean(r, "fleet.dns-lookups.firstAttempts", reroute + 600, block);
      expect(dnsOk / dnsAll).toBeGreaterThan(0.9);
      expect(mean(r, "goodput", reroute + 600, block)).toBeLessThan(0.5 * v.baselineGoodput);
      // Every step of the runbook is carried out on the day.
      for (const step of r.summary.operators) expect(step.at, step.name).not.toBeNull();
      // Device recovery within 20% of the published 6 h 52 min after the trigger (14:22 PST). A regression test: the
      // time follows from the calibrated diagnosis time and the runbook (docs/scenarios/aws-us-east-1-2021-12-07.md).
      const published = 6 * HOUR + 52 * 60;
      expect(v.recoveredAt! - t0).toBeGreaterThanOrEqual(0.8 * published);
      expect(v.recoveredAt! - t0).toBeLessThanOrEqual(1.2 * published);
      // Dependents: the named organisations out at least 4 hours; multi-region Netflix at most a quarter of the median.
      const named = ["prime-video", "ring", "irobot", "disney", "ticketmaster", "venmo"];
      const outages = named.map((d) => r.summary.dependents[d]!.outageSeconds);
      for (const o of outages) expect(o).toBeGreaterThanOrEqual(4 * HOUR);
      const sorted = [...outages].sort((a, b) => a - b);
      const median = (sorted[2]! + sorted[3]!) / 2;
      expect(r.summary.dependents["netflix"]!.outageSeconds).toBeLessThanOrEqual(median / 4);
    });

    it(`seed ${seed}: API Gateway's hosts are replaced after the devices drain; its dependents stay out longer`, () => {
      const r = run(seed);
      const v = r.summary.verdict;
      const lastEnd = (service: string) => r.summary.services[service]!.outageWindows.at(-1)!.end;
      // Back 1 to 3 hours after the devices recover (real: 14:22 -> about 16:30).
      const apigw = lastEnd("api-gateway");
      expect(apigw - v.recoveredAt!).toBeGreaterThan(HOUR);
      expect(apigw - v.recoveredAt!).toBeLessThan(3 * HOUR);
      // Replacements start when internal authorization answers again; the gateway takes traffic when minHealthy of
      // its hosts are replaced: ceil(minHealthy x servers / concurrent) rounds of `replace` (from the scenario).
      const spec = loadScenario(NAME, { scale: SCALE }).services["api-gateway"]!;
      const hc = spec.healthCheck!;
      const concurrent =
        typeof hc.concurrent === "number" ? hc.concurrent : Math.ceil(hc.concurrent.share * spec.servers);
      const rounds = Math.ceil(Math.ceil(hc.minHealthy * spec.servers) / concurrent);
      const gap = apigw - lastEnd("internal-auth");
      expect(gap).toBeGreaterThanOrEqual(rounds * hc.replace);
      expect(gap).toBeLessThanOrEqual(rounds * hc.replace + 5 * 60);
      // STS, EC2 API and EventBridge have no host replacement: back when internal authorization is.
      for (const s of ["sts", "ec2-api", "eventbridge"])
        expect(Math.abs(lastEnd(s) - lastEnd("internal-auth")), s).toBeLessThanOrEqual(5 * 60);
      // Dependents that need API Gateway are out longer than those that do not, within the reported 5 to 9 hours.
      const out = (d: string) => r.summary.dependents[d]!.outageSeconds;
      const withApigw = ["ring", "irobot", "venmo"].map(out);
      const without = ["prime-video", "disney", "ticketmaster"].map(out);
      expect(Math.min(...withApigw)).toBeGreaterThan(Math.max(...without) + HOUR);
      for (const o of withApigw) {
        expect(o).toBeGreaterThan(5 * HOUR);
        expect(o).toBeLessThan(9 * HOUR);
      }
    });
  }
});

describe("aws-us-east-1-2021-12-07 variants", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: fixed-backoff recovers within 30 minutes of the trigger with no operator action`, () => {
      const r = run(seed, { variant: "fixed-backoff" });
      const v = r.summary.verdict;
      expect(v.metastable).toBe(false);
      expect(v.recoveredAt).not.toBeNull();
      expect(v.recoveredAt! - v.triggerEnd!).toBeLessThanOrEqual(30 * 60);
      for (const step of r.summary.operators) expect(step.at).toBeNull();
    });

    it(`seed ${seed}: out-of-band monitoring diagnoses within 15 minutes and recovers at least an hour earlier`, () => {
      const base = run(seed);
      const r = run(seed, { variant: "out-of-band-monitoring" });
      const v = r.summary.verdict;
      expect(v.diagnosedAt! - v.triggerStart!).toBeLessThanOrEqual(15 * 60);
      expect(r.summary.monitoring!.staleSeconds).toBe(0);
      expect(v.recoveredAt).not.toBeNull();
      expect(base.summary.verdict.recoveredAt! - v.recoveredAt!).toBeGreaterThanOrEqual(HOUR);
    });
  }

  it("more-capacity halves the storm factor, which stays above 1: the same trigger still tips it", () => {
    // Expected storm factor from the scenario itself: (clients / setup timeout) / (devices x setup rate).
    const stormFactor = (variant?: string) => {
      const s = loadScenario(NAME, { scale: SCALE, ...(variant ? { variant } : {}) });
      const f = s.fleets["internal-clients"]!;
      const l = s.links["nat"]!;
      return f.clients / f.connection!.setupTimeout / (l.devices * l.setupRate);
    };
    expect(stormFactor("more-capacity")).toBeCloseTo(stormFactor() / 2, 6);
    expect(stormFactor("more-capacity")).toBeGreaterThan(1);
    for (const seed of SEEDS) {
      const base = run(seed);
      const r = run(seed, { variant: "more-capacity" });
      // 8 devices in the variant, plus the one the operators' runbook adds.
      expect(loadScenario(NAME, { scale: SCALE, variant: "more-capacity" }).links["nat"]!.devices).toBe(8);
      expect(stepAt(r, "add-capacity")).not.toBeNull();
      expect(r.summary.links["nat"]!.devices).toBe(9);
      expect(base.summary.links["nat"]!.peakStormFactor).toBeCloseTo(stormFactor(), 2);
      expect(r.summary.links["nat"]!.peakStormFactor).toBeCloseTo(stormFactor("more-capacity"), 2);
      expect(r.summary.verdict.metastable).toBe(true);
    }
  });
});

describe("aws-us-east-1-2021-12-07 counterfactuals (--set only)", () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: with no operators it stays congested until --until`, () => {
      const r = run(seed, { set: { operators: "null" }, until: 6 * HOUR });
      expect(r.summary.verdict.metastable).toBe(true);
      expect(r.summary.verdict.sustained).toBe(true);
      expect(r.summary.verdict.recoveredAt).toBeNull();
      expect(mean(r, "goodput", 5 * HOUR, 6 * HOUR)).toBeLessThan(0.05 * r.summary.verdict.baselineGoodput);
      expect(mean(r, "link.nat.queue", 5 * HOUR, 6 * HOUR)).toBeGreaterThan(0.9 * 10000 * SCALE);
    });

    it(`seed ${seed}: with the storm factor below 1 (cheaper setups) the same trigger recovers on its own`, () => {
      const r = run(seed, { set: { "links.nat.setupRate": "600/s" }, until: 3 * HOUR });
      expect(r.summary.links["nat"]!.peakStormFactor).toBeLessThan(1);
      expect(r.summary.verdict.metastable).toBe(false);
      expect(r.summary.verdict.recoveredAt! - r.summary.verdict.triggerEnd!).toBeLessThan(15 * 60);
      expect(r.summary.verdict.diagnosedAt).toBeNull();
    });

    it(`seed ${seed}: re-admitting the blocked clients all at once tips it again`, () => {
      const r = run(seed, { set: { "operators.runbook.readmit.do.over": "0s" } });
      const readmit = stepAt(r, "readmit")!;
      const block = stepAt(r, "block-heavy-talkers")!;
      // While most clients are blocked the devices drain; re-admitted at once, the storm is back and stays.
      expect(mean(r, "link.nat.queue", readmit - 600, readmit)).toBeLessThan(0.1 * 10000 * SCALE);
      expect(mean(r, "link.nat.queue", readmit + 600, readmit + 1800)).toBeGreaterThan(0.9 * 10000 * SCALE);
      expect(r.summary.verdict.recoveredAt).toBeNull();
      expect(readmit).toBeGreaterThan(block);
    });

    it(`seed ${seed}: a trigger that is small enough recovers`, () => {
      const r = run(seed, {
        set: { "automation.scale-main-service.action.fraction": "0.1" },
        until: 3 * HOUR,
      });
      expect(r.summary.verdict.metastable).toBe(false);
      expect(r.summary.verdict.recoveredAt! - r.summary.verdict.triggerEnd!).toBeLessThan(15 * 60);
    });
  }
});

describe("aws-us-east-1-2021-12-07 sustained attribution", () => {
  it("stays sustained when API Gateway's hosts are already out for replacement at the metastable check", () => {
    // failAfter 10 min: the gateway's hosts go about 40 min in, before the check at 60 min. Host replacement is the
    // outage's own doing, not capacity the trigger took away, so it no longer turns the verdict into "not sustained"
    // (before, the scenario had to choose failAfter: 1h for that).
    const r = run(1, { set: { "services.api-gateway.healthCheck.failAfter": "10m" }, until: 75 * 60 });
    const hostsOut = r.series.columns["service.api-gateway.hostsOut"]!;
    const check = r.summary.verdict.triggerEnd! + 30 * 60;
    expect(hostsOut[Math.floor(check / r.series.interval)]).toBeGreaterThan(0);
    expect(r.summary.verdict.metastable).toBe(true);
    expect(r.summary.verdict.sustained).toBe(true);
  });
});

describe("aws-us-east-1-2021-12-07 determinism", () => {
  it("the same scenario and seed give the same summary (timing aside); another seed does not", () => {
    const once = (seed: number) => {
      const { timing, ...rest } = runScenario(loadScenario(NAME, { scale: 0.05 }), {
        seed,
        until: 2 * HOUR,
      }).summary;
      expect(timing.wallSeconds).toBeGreaterThanOrEqual(0);
      return JSON.stringify(rest);
    };
    expect(once(7)).toBe(once(7));
    expect(once(7)).not.toBe(once(8));
  });
});
