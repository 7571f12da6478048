/**
 * A tiny fake model for tests of the experiment machinery: a loader that understands a handful of field paths and a
 * runner whose outcome depends on the trigger's size and duration, the clients' retry count and the seed, like the
 * real model's bistable storm. It produces a complete RunResult with the series columns the reports chart.
 */
import { StampedeError } from "../../core/StampedeError.js";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import type { RunResult, RunSummary } from "../../metrics/RunResult.js";
import type { Scenario } from "../../scenario/Scenario.js";
import type { ExperimentPorts, LoadOptions, RunOptions } from "../ExperimentPorts.js";
import { E_CANCELLED } from "../JobSpec.js";

/** Field paths the fake loader accepts, with the check of each value. */
const FIELDS: Record<string, (v: number) => boolean> = {
  "faults.spike.start": (v) => v >= 0,
  "faults.spike.end": (v) => v >= 0,
  "faults.spike.capacityFactor": (v) => v >= 0 && v <= 1,
  "faults.spike.errorRate": (v) => v >= 0 && v <= 1,
  "fleets.clients.retry.maxAttempts": (v) => Number.isInteger(v) && v >= 1,
  "fleets.clients.clients": (v) => Number.isInteger(v) && v >= 1,
  "monitoring.via": (v) => v === 0 || v === 1,
};

const VARIANTS: Record<string, Record<string, number>> = {
  "fixed-backoff": { "fleets.clients.retry.maxAttempts": 1 },
  "more-capacity": { "faults.spike.capacityFactor": 0.8 },
};

function parseValue(path: string, raw: string | number): number {
  if (typeof raw === "number") return raw;
  const m = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new StampedeError("E_BAD_VALUE", `cannot read ${JSON.stringify(raw)}`, { path });
  const unit = m[2] ?? "s";
  const factor = unit === "ms" ? 0.001 : unit === "m" ? 60 : unit === "h" ? 3600 : 1;
  return Number(m[1]) * factor;
}

/** The fake loader: `fake` is the only built-in; any other name is unknown. */
export function fakeLoad(ref: string, options: LoadOptions = {}): Scenario {
  if (ref !== "fake") throw new StampedeError("E_UNKNOWN_SCENARIO", `no scenario named ${ref}`);
  const values: Record<string, number> = {
    "faults.spike.start": 1800,
    "faults.spike.end": 2400,
    "faults.spike.capacityFactor": 0.3,
    "faults.spike.errorRate": 0,
    "fleets.clients.retry.maxAttempts": 4,
    "fleets.clients.clients": 1000,
    "monitoring.via": 1,
  };
  const sets: [string, string | number][] = [];
  if (options.variant !== undefined) {
    const v = VARIANTS[options.variant];
    if (!v) throw new StampedeError("E_UNKNOWN_VARIANT", `no variant named ${options.variant}`);
    sets.push(...Object.entries(v));
  }
  sets.push(...Object.entries(options.set ?? {}));
  for (const [path, raw] of sets) {
    const check = FIELDS[path];
    if (!check) throw new StampedeError("E_UNKNOWN_PATH", "no such field", { path });
    const v = parseValue(path, raw);
    if (!Number.isFinite(v) || !check(v))
      throw new StampedeError("E_BAD_VALUE", `invalid value ${raw}`, { path });
    values[path] = v;
  }
  const scale = options.scale ?? 1;
  return {
    name: "fake",
    description: "fake scenario for tests",
    start: "2021-12-07T07:00:00-08:00",
    duration: 6 * 3600,
    interval: 60,
    networks: {},
    links: {},
    services: {},
    fleets: {},
    automation: {},
    faults: {},
    dependents: {},
    // The goodput fleets reach report.html (run and compare pass them on); the thresholds are not used.
    verdict: { goodputFleets: ["clients"] } as Scenario["verdict"],
    variants: Object.fromEntries(
      Object.keys(VARIANTS).map((k) => [k, { description: k, set: VARIANTS[k]! }]),
    ),
    notes: { facts: [], assumptions: [] },
    // The fake model reads its knobs from here.
    fake: { ...values, scale },
  } as Scenario;
}

/** The fake runner: outcome from trigger size x duration x retries, with seed noise. */
export function fakeRun(scenario: Scenario, options: RunOptions): RunResult {
  const p = (scenario as unknown as { fake: Record<string, number> }).fake;
  const v = (k: string): number => p[k]!;
  if (v("faults.spike.errorRate") > 0.99) throw new Error("fake model exploded on purpose");
  const rng = new Xoshiro128(options.seed);
  const until = options.until ?? scenario.duration;
  const interval = scenario.interval;
  const start = v("faults.spike.start");
  const end = Math.max(start, v("faults.spike.end"));
  const size = 1 - v("faults.spike.capacityFactor");
  const retries = v("fleets.clients.retry.maxAttempts");
  const pressure = (size * (end - start) * retries) / 600 + (rng.next() - 0.5) * 0.6;
  const metastable = pressure > 1.2;
  const stable = pressure < 0.4;
  const recoveredAt = metastable ? null : end + (stable ? 0 : 300 + 600 * pressure);
  const blind = v("monitoring.via") === 1;
  const detectedAt = start + 60 + rng.next() * 30;
  const diagnosedAt = detectedAt + (blind ? 5400 : 900);
  const fixAt = diagnosedAt + 1800;
  const time: number[] = [];
  const cols: Record<string, number[]> = {};
  const names = [
    "goodput",
    "fleet.clients.offered",
    "fleet.clients.firstAttempts",
    "fleet.clients.attempts",
    "fleet.clients.successes",
    "link.nat.utilisation",
    "link.nat.queue",
    "link.nat.drops",
    "service.api.queue",
    "monitoring.staleness",
    "dependent.shop.up",
  ];
  for (const n of names) cols[n] = [];
  let minRatio = 1;
  let lost = 0;
  let peakAmp = 1;
  for (let t = 0; t < until; t += interval) {
    const inTrigger = t >= start && t < end;
    const bad = t >= start && (metastable ? t < fixAt : recoveredAt !== null && t < recoveredAt);
    const ratio = stable ? (inTrigger ? 0.7 : 1) : bad ? 0.1 + 0.05 * rng.next() : 1;
    const amp = bad ? 1 + retries * (0.8 + 0.4 * rng.next()) : 1;
    if (t >= start) {
      minRatio = Math.min(minRatio, ratio);
      lost += (1 - ratio) * interval;
    }
    peakAmp = Math.max(peakAmp, amp);
    time.push(t);
    cols["goodput"]!.push(100 * ratio);
    cols["fleet.clients.offered"]!.push(100);
    cols["fleet.clients.firstAttempts"]!.push(100);
    cols["fleet.clients.attempts"]!.push(100 * amp);
    cols["fleet.clients.successes"]!.push(100 * ratio);
    cols["link.nat.utilisation"]!.push(bad ? 1 : 0.4);
    cols["link.nat.queue"]!.push(bad ? 5000 : 3);
    cols["link.nat.drops"]!.push(bad ? 200 : 0);
    cols["service.api.queue"]!.push(bad ? 80 : 1);
    cols["monitoring.staleness"]!.push(bad && blind ? t - start : 10);
    cols["dependent.shop.up"]!.push(ratio < 0.5 ? 0 : 1);
    if (options.cancelled?.() === true) throw new StampedeError(E_CANCELLED, "run cancelled");
    options.onProgress?.(t / until, () => ({
      interval,
      time: [...time],
      columns: Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, [...c]])),
    }));
  }
  const outageEnd = metastable ? fixAt : (recoveredAt ?? end);
  const windows = minRatio < 0.5 ? [{ start, end: outageEnd }] : [];
  const summary: RunSummary = {
    schemaVersion: 6,
    stampedeVersion: "0.0.0-fake",
    engine: "event",
    scenarioHash: "0".repeat(64),
    scenario: scenario.name,
    variant: null,
    overrides: {},
    scale: p["scale"] ?? 1,
    seed: options.seed,
    start: scenario.start,
    simulatedSeconds: until,
    events: time.length * 1000,
    steps: null,
    stepSeconds: null,
    verdict: {
      metastable,
      // The spike is over long before the metastable check and takes no capacity with it: what remains is the storm.
      sustained: metastable ? true : null,
      stable: minRatio >= 0.5,
      triggerStart: start,
      triggerEnd: end,
      detectedAt,
      detectedBy: blind ? "slow-channel" : "metric-alarm",
      diagnosedAt,
      recoveredAt,
      peakAmplification: peakAmp,
      baselineGoodput: 100,
      minGoodputRatio: minRatio,
      goodputLostSeconds: lost,
      goodputNoiseFloor: 0,
    },
    triggers: [{ name: "spike", kind: "fault", start, end }],
    fleets: {},
    links: {},
    services: {},
    monitoring: { staleSeconds: 0, maxStaleness: 0, staleWindows: [] },
    operators: [
      { name: "reroute-dns", type: "reroute", at: diagnosedAt },
      { name: "deploy-fix", type: "deploy-fix", at: metastable ? fixAt : null },
    ],
    dependents: {
      shop: { illustrative: true, outageSeconds: windows.reduce((a, w) => a + w.end - w.start, 0), windows },
    },
    timing: { wallSeconds: 0.001, eventsPerSecond: time.length * 1e6 },
  };
  return { summary, series: { interval, time, columns: cols } };
}

/** The fake model as experiment ports. */
export const fakePorts: ExperimentPorts = {
  load: fakeLoad,
  run: fakeRun,
  // The fake scenario has no file: its "text" is its name, so sharded and queued sweeps can hash and ship it.
  source: (ref) => {
    fakeLoad(ref);
    return { file: ref, text: `fake scenario ${ref}`, hash: `fake-${ref}` };
  },
  loadText: (_text, file, options) => fakeLoad(file, options),
};
export { fakePorts as ports };
