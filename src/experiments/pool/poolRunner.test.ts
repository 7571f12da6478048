import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ports as realPorts } from "../defaultPorts.js";
import type { JobSpec } from "../JobSpec.js";
import { fakePorts } from "../testing/fakeModel.js";
import { inProcessRunner } from "./inProcessRunner.js";
import { poolRunner } from "./poolRunner.js";

const fakeModule = new URL("../testing/fakeModel.ts", import.meta.url).href;

function job(seed: number, set: Record<string, number> = {}): JobSpec {
  return { scenario: "fake", set, seed, series: false };
}

describe("poolRunner", () => {
  it("runs jobs in worker threads (tsx-registered from sources) with the same results as in-process", async () => {
    const pool = poolRunner({ workers: 2, portsModule: fakeModule });
    const local = inProcessRunner(fakePorts);
    try {
      const jobs = [1, 2, 3, 4].map((s) => job(s, { "faults.spike.end": 1800 + 300 * s }));
      const [remote, here] = await Promise.all([
        Promise.all(jobs.map((j) => pool.run(j))),
        Promise.all(jobs.map((j) => local.run(j))),
      ]);
      expect(remote.map((r) => r.summary)).toEqual(here.map((r) => r.summary));
      expect(remote[0]!.series).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it("rejects a job that throws in the worker without killing the pool", async () => {
    const pool = poolRunner({ workers: 1, portsModule: fakeModule });
    try {
      await expect(pool.run(job(1, { "faults.spike.errorRate": 1 }))).rejects.toThrow(/exploded/);
      const ok = await pool.run({ ...job(1), series: true });
      expect(ok.series?.time.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it("runs the real model through the default ports module, as in-process", async () => {
    const fixture = fileURLToPath(new URL("../../scenario/fixtures/minimal.yaml", import.meta.url));
    const job: JobSpec = { scenario: fixture, set: {}, scale: 0.1, until: 900, seed: 3, series: false };
    const pool = poolRunner({ workers: 1 });
    try {
      const [remote, local] = await Promise.all([pool.run(job), inProcessRunner(realPorts).run(job)]);
      const { timing: _a, ...r } = remote.summary;
      const { timing: _b, ...l } = local.summary;
      expect(r).toEqual(l);
      expect(r.events).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
