import { describe, expect, it } from "vitest";
import type { Series } from "../../metrics/RunResult.js";
import type { JobSpec } from "../JobSpec.js";
import { fakePorts } from "../testing/fakeModel.js";
import { inProcessRunner } from "./inProcessRunner.js";
import { poolRunner } from "./poolRunner.js";

const fakeModule = new URL("../testing/fakeModel.ts", import.meta.url).href;
const job: JobSpec = { scenario: "fake", set: {}, seed: 1, series: true };

describe("poolRunner with a JobControl", () => {
  it("reports progress with the series so far, and a cancelled job rejects with E_CANCELLED", async () => {
    const pool = poolRunner({ workers: 1, portsModule: fakeModule });
    try {
      const seen: { fraction: number; series?: Series }[] = [];
      const out = await pool.run(job, undefined, {
        progressEvery: 0,
        onProgress: (fraction, series) =>
          seen.push(series === undefined ? { fraction } : { fraction, series }),
      });
      // Port messages and the result travel on different channels: give the last ones a moment.
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.length).toBeGreaterThan(1);
      const last = seen.at(-1)!;
      expect(last.series!.time.length).toBeLessThanOrEqual(out.series!.time.length);
      expect(last.series!.columns["goodput"]).toEqual(
        out.series!.columns["goodput"]!.slice(0, last.series!.time.length),
      );
      const aborted = new AbortController();
      aborted.abort();
      await expect(pool.run(job, undefined, { signal: aborted.signal })).rejects.toMatchObject({
        code: "E_CANCELLED",
      });
      // The worker survives a cancel: the next job runs.
      expect((await pool.run(job)).summary.seed).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("in process: the same control", async () => {
    const local = inProcessRunner(fakePorts);
    let calls = 0;
    await local.run(job, undefined, { onProgress: () => calls++ });
    expect(calls).toBeGreaterThan(1);
    const aborted = new AbortController();
    aborted.abort();
    await expect(local.run(job, undefined, { signal: aborted.signal })).rejects.toMatchObject({
      code: "E_CANCELLED",
    });
  });
});
