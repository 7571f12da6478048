import { describe, expect, it } from "vitest";
import type { RunSummary } from "../../metrics/RunResult.js";
import type { JobRunner, JobSpec } from "../JobSpec.js";
import { E_NO_BOUNDARY, findBoundary } from "./findBoundary.js";

/** A runner whose verdict is metastable above `edge` (fluid), and with probability rising across it (event seeds). */
function stub(edge: number): JobRunner & { jobs: JobSpec[] } {
  const jobs: JobSpec[] = [];
  return {
    jobs,
    async run(job: JobSpec) {
      jobs.push(job);
      const v = job.set["x"] as number;
      const metastable = job.engine === "fluid" ? v > edge : v > edge + ((job.seed % 10) - 4.5) * 0.01;
      return { summary: { verdict: { metastable } } as unknown as RunSummary, runSeconds: 0 };
    },
    async close() {},
  };
}

const base = { scenario: "s", path: "x", replications: 10, seed: 1, set: {} } as const;

describe("findBoundary", () => {
  it("brackets the flip by fluid bisection within the tolerance and confirms it with event replications", async () => {
    const r = stub(3.3);
    const b = await findBoundary(r, { ...base, from: 1, to: 10, engine: "fluid", tolerance: 0.01 });
    expect(b.low).toBeLessThanOrEqual(3.3);
    expect(b.high).toBeGreaterThan(3.3);
    expect(b.high - b.low).toBeLessThanOrEqual(0.01);
    expect(b.metastableAbove).toBe(true);
    expect(b.confirmation.low.metastable!.n).toBe(10);
    expect(b.runs).toBe(b.probes.length + 20);
    expect(r.jobs.filter((j) => j.engine === "event")).toHaveLength(20);
  });

  it("refuses a range whose ends have the same verdict, and respects --max-runs", async () => {
    await expect(findBoundary(stub(20), { ...base, from: 1, to: 10, engine: "fluid" })).rejects.toMatchObject(
      { code: E_NO_BOUNDARY },
    );
    const b = await findBoundary(stub(3.3), {
      ...base,
      from: 1,
      to: 10,
      engine: "fluid",
      tolerance: 1e-9,
      maxRuns: 30,
    });
    expect(b.runs).toBeLessThanOrEqual(30);
  });
});
