import { describe, expect, it } from "vitest";
import type { JobSpec } from "../JobSpec.js";
import { poolRunner } from "./poolRunner.js";

const hungry = new URL("../testing/hungryPorts.ts", import.meta.url).href;
const job = (seed: number): JobSpec => ({ scenario: "fake", set: {}, seed, series: false });

describe("worker threads get resourceLimits (issue 19, item 1)", () => {
  it("a worker's heap is limited, and running out is E_MEMORY_LIMIT (exit 3), not a dead pool", async () => {
    const pool = poolRunner({ workers: 1, portsModule: hungry, maxOldGenerationSizeMb: 64 });
    try {
      const limit = (await pool.run(job(1))).summary.events;
      expect(limit).toBeGreaterThan(64 * 2 ** 20);
      expect(limit).toBeLessThan(200 * 2 ** 20); // 64 MB old generation plus young generation and code
      await expect(pool.run(job(0))).rejects.toMatchObject({
        code: "E_MEMORY_LIMIT",
        message: expect.stringMatching(/^a worker ran out of memory running fake \(seed 0\)/),
      });
      expect((await pool.run(job(2))).summary.seed).toBe(2); // the pool replaced the worker
    } finally {
      await pool.close();
    }
  });
});
