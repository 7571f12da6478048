import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMain } from "../../cli/testing/runMain.js";
import { Xoshiro128 } from "../../engine/Xoshiro128.js";
import { outageDurationsFromRuns } from "./outageDurationsFromRuns.js";

const ROOT = join(import.meta.dirname, "../../..");
const REGISTER = join(ROOT, "examples/register/baltica-pay");
const tmp = mkdtempSync(join(tmpdir(), "stampede-from-runs-"));
const compareDir = join(tmp, "compare");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = runMain;

interface Summary {
  simulatedSeconds: number;
  verdict: { triggerStart: number | null; recoveredAt: number | null };
}

beforeAll(async () => {
  // A real comparison: congestive-collapse recovers in its baseline and stays down with more retries (censored).
  const r = await run([
    "compare",
    "congestive-collapse",
    "--variant",
    "more-retries",
    "--replications",
    "2",
    "--scale",
    "0.05",
    "--workers",
    "1",
    "--quiet",
    "--out",
    compareDir,
  ]);
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe("--from-runs: outage durations from simulated runs", () => {
  it("reads each run's window triggerStart -> recoveredAt; never recovered: simulatedSeconds - triggerStart (censored)", () => {
    const summary = JSON.parse(readFileSync(join(compareDir, "summary.json"), "utf8")) as {
      runs: { summaries: Summary[] }[];
    };
    const expected = summary.runs.flatMap((v) =>
      v.summaries.map((s) =>
        s.verdict.recoveredAt === null
          ? { seconds: s.simulatedSeconds - s.verdict.triggerStart!, censored: true }
          : { seconds: s.verdict.recoveredAt - s.verdict.triggerStart!, censored: false },
      ),
    );
    const m = outageDurationsFromRuns(compareDir);
    expect(m.windows).toEqual(expected);
    expect(m.fromRuns).toMatchObject({ kind: "compare", runs: 4 });
    // The comparison holds both kinds (the test needs them: the baseline recovers, more-retries does not).
    expect(m.fromRuns.censored).toBeGreaterThan(0);
    expect(m.fromRuns.censored).toBeLessThan(4);
    expect(m.parameters).toMatch(/never recovered: .* lower bound \(censored\)/);
    // Draws stay within the observed windows (the empirical distribution interpolates between them).
    const rng = new Xoshiro128(5);
    const lo = Math.min(...expected.map((w) => w.seconds));
    const hi = Math.max(...expected.map((w) => w.seconds));
    for (let i = 0; i < 200; i++) {
      const d = m.distribution.sample(rng);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThanOrEqual(hi);
    }
  });

  it("reads a sweep's results.jsonl and one run's summary.json", () => {
    const summary = JSON.parse(readFileSync(join(compareDir, "summary.json"), "utf8")) as {
      runs: { summaries: Summary[] }[];
    };
    const runs = summary.runs.flatMap((v) => v.summaries);
    const sweep = join(tmp, "sweep");
    mkdirSync(sweep);
    writeFileSync(
      join(sweep, "results.jsonl"),
      `${runs.map((s, i) => JSON.stringify({ pointIndex: i, point: {}, replication: 0, seed: 1, summary: s })).join("\n")}\n`,
    );
    const m = outageDurationsFromRuns(sweep);
    expect(m.fromRuns.kind).toBe("sweep");
    expect(m.windows).toEqual(outageDurationsFromRuns(compareDir).windows);
    const one = join(tmp, "one");
    mkdirSync(one);
    writeFileSync(join(one, "summary.json"), JSON.stringify(runs[0]));
    const single = outageDurationsFromRuns(one);
    expect(single.family).toBe("constant");
    expect(single.fromRuns.kind).toBe("run");
  });

  it("stampede sector --from-runs draws every outage from the runs and says how many were censored", async () => {
    const r = await run([
      "sector",
      REGISTER,
      "--fail",
      "region:aws/us-east-1",
      "--runs",
      "20",
      "--from-runs",
      compareDir,
      "--format",
      "json",
    ]);
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out) as {
      assumptions: { duration: { family: string; fromRuns: { censored: number; runs: number } } };
      outageSeconds: { max: number; p50: number };
    };
    const m = outageDurationsFromRuns(compareDir);
    expect(result.assumptions.duration.family).toBe("empirical");
    expect(result.assumptions.duration.fromRuns).toMatchObject({ runs: 4, censored: m.fromRuns.censored });
    expect(result.outageSeconds.max).toBeLessThanOrEqual(Math.max(...m.windows.map((w) => w.seconds)));
    const text = await run([
      "sector",
      REGISTER,
      "--fail",
      "region:aws/us-east-1",
      "--runs",
      "2",
      "--from-runs",
      compareDir,
    ]);
    expect(text.out).toContain("censored");
  });

  it("refuses a missing directory, no runs, a run without a trigger, and --duration with it: exit 2, nothing written", async () => {
    const out = join(tmp, "never");
    const sector = (dir: string, ...more: string[]) =>
      run(["sector", REGISTER, "--fail", "region:aws/us-east-1", "--from-runs", dir, "--out", out, ...more]);
    const missing = await sector(join(tmp, "nope"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--from-runs.*does not exist/);
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "results.jsonl"), "");
    const none = await sector(empty);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/holds no runs/);
    const noTrigger = join(tmp, "no-trigger");
    mkdirSync(noTrigger);
    writeFileSync(
      join(noTrigger, "results.jsonl"),
      `${JSON.stringify({ summary: { simulatedSeconds: 60, verdict: { triggerStart: 10, recoveredAt: 30 } } })}\n${JSON.stringify({ summary: { simulatedSeconds: 60, verdict: { triggerStart: null, recoveredAt: null } } })}\n`,
    );
    const bad = await sector(noTrigger);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${join(noTrigger, "results.jsonl")}:2:1`);
    expect(bad.err).toMatch(/summary\.verdict\.triggerStart .*no trigger/);
    const both = await sector(compareDir, "--duration", "8h");
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/exclusive/);
    expect(existsSync(out)).toBe(false);
  });
});
