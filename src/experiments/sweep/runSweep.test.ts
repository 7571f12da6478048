import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JobRunner, JobSpec } from "../JobSpec.js";
import { inProcessRunner } from "../pool/inProcessRunner.js";
import { poolRunner } from "../pool/poolRunner.js";
import { fakePorts } from "../testing/fakeModel.js";
import { parseParam } from "./parseParam.js";
import { runSweep, SWEEP_FILES } from "./runSweep.js";
import type { SweepPlan } from "./SweepPlan.js";
import { validateSweepParams } from "./validateSweepParams.js";

const fakeModule = new URL("../testing/fakeModel.ts", import.meta.url).href;

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "stampede-sweep-"));
}

function plan(params: string[], replications = 2): SweepPlan {
  return { scenario: "fake", params: params.map(parseParam), replications, seed: 5, set: {} };
}

function sortedLines(dir: string): string[] {
  return readFileSync(join(dir, SWEEP_FILES.results), "utf8").split("\n").filter(Boolean).sort();
}

function counting(runner: JobRunner): JobRunner & { jobs: JobSpec[] } {
  const jobs: JobSpec[] = [];
  return {
    jobs,
    run: (j) => {
      jobs.push(j);
      return runner.run(j);
    },
    close: runner.close,
  };
}

describe("runSweep", () => {
  const twoD = ["faults.spike.end=30m..2h:4", "fleets.clients.retry.maxAttempts=1..7:3"];

  it("runs every point x replication with seed + r and streams one line per job", async () => {
    const dir = tmp();
    const runner = counting(inProcessRunner(fakePorts));
    const out = await runSweep(runner, plan(twoD), { dir });
    expect(runner.jobs).toHaveLength(4 * 3 * 2);
    expect(new Set(runner.jobs.map((j) => j.seed))).toEqual(new Set([5, 6]));
    const lines = sortedLines(dir);
    expect(lines).toHaveLength(24);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(["pointIndex", "point", "replication", "seed", "summary"]);
    expect((first["summary"] as Record<string, unknown>)["timing"]).toBeUndefined();
    // The fake storm is bistable: the grid holds all three phases, with the worse phases at long triggers and many
    // retries, as in the metastable-failure literature.
    const phases = out.diagram.cells.map((c) => c.phase);
    expect(phases).toContain("stable");
    expect(phases).toContain("metastable");
    const corner = out.diagram.cells.find((c) => c.coords[0] === 3 && c.coords[1] === 2)!;
    expect(corner.phase).toBe("metastable");
    expect(out.diagram.totals.runs).toBe(24);
  });

  it("gives byte-identical sorted results with 1 and 2 workers", async () => {
    const a = tmp();
    const b = tmp();
    const one = poolRunner({ workers: 1, portsModule: fakeModule });
    const two = poolRunner({ workers: 2, portsModule: fakeModule });
    try {
      await runSweep(one, plan(twoD), { dir: a, concurrency: 2 });
      await runSweep(two, plan(twoD), { dir: b, concurrency: 4 });
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
    expect(sortedLines(b)).toEqual(sortedLines(a));
  });

  it("resumes: skips finished jobs and ignores a truncated last line", async () => {
    const full = tmp();
    await runSweep(inProcessRunner(fakePorts), plan(twoD), { dir: full });
    const all = readFileSync(join(full, SWEEP_FILES.results), "utf8").split("\n").filter(Boolean);
    // Simulate a killed sweep: 10 complete lines and half of the 11th.
    const dir = tmp();
    writeFileSync(join(dir, SWEEP_FILES.results), `${all.slice(0, 10).join("\n")}\n`);
    appendFileSync(join(dir, SWEEP_FILES.results), all[10]!.slice(0, 40));
    writeFileSync(join(dir, SWEEP_FILES.manifest), readFileSync(join(full, SWEEP_FILES.manifest)));
    const runner = counting(inProcessRunner(fakePorts));
    const out = await runSweep(runner, plan(twoD), { dir, resume: true });
    expect(out.resumed).toBe(10);
    expect(runner.jobs).toHaveLength(14);
    expect(sortedLines(dir)).toEqual([...all].sort());
  });

  it("refuses to overwrite results without --resume and to resume a different sweep", async () => {
    const dir = tmp();
    await runSweep(inProcessRunner(fakePorts), plan(twoD, 1), { dir });
    await expect(runSweep(inProcessRunner(fakePorts), plan(twoD, 1), { dir })).rejects.toMatchObject({
      code: "E_RESULTS_EXIST",
    });
    await expect(
      runSweep(inProcessRunner(fakePorts), plan(twoD, 3), { dir, resume: true }),
    ).rejects.toMatchObject({ code: "E_RESUME_MISMATCH" });
  });

  it("reports a job that throws with its parameters and goes on", async () => {
    const dir = tmp();
    const failures: string[] = [];
    const out = await runSweep(inProcessRunner(fakePorts), plan(["faults.spike.errorRate=0..1:3"], 1), {
      dir,
      onFailure: (f) => failures.push(`${JSON.stringify(f.point)} seed ${f.seed}: ${f.message}`),
    });
    expect(failures).toEqual(['{"faults.spike.errorRate":1} seed 5: fake model exploded on purpose']);
    expect(out.records).toHaveLength(2);
    expect(out.diagram.totals.failed).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, SWEEP_FILES.failures), "utf8"))).toHaveLength(1);
  });
});

describe("validateSweepParams", () => {
  it("rejects an unknown path and a value the field cannot take", async () => {
    await expect(
      validateSweepParams(fakePorts.load, "fake", [parseParam("fleets.nope.x=1..2:2")]),
    ).rejects.toMatchObject({ code: "E_BAD_PARAM", path: "fleets.nope.x" });
    await expect(
      validateSweepParams(fakePorts.load, "fake", [parseParam("faults.spike.capacityFactor=0.5..2:4")]),
    ).rejects.toMatchObject({ code: "E_BAD_PARAM", path: "faults.spike.capacityFactor" });
  });

  it("rounds a whole-number field's log grid to whole values", async () => {
    const [p] = await validateSweepParams(fakePorts.load, "fake", [
      parseParam("fleets.clients.retry.maxAttempts=1..100:5:log"),
    ]);
    expect(p!.values).toEqual([1, 3, 10, 32, 100]);
  });

  it("reports an unknown scenario as such", async () => {
    await expect(validateSweepParams(fakePorts.load, "nope", [])).rejects.toMatchObject({
      code: "E_UNKNOWN_SCENARIO",
    });
  });
});
