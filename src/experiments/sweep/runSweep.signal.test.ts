import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JobOutput, JobRunner } from "../JobSpec.js";
import { inProcessRunner } from "../pool/inProcessRunner.js";
import { fakePorts } from "../testing/fakeModel.js";
import { parseParam } from "./parseParam.js";
import { readResults } from "./resultsFile.js";
import { runSweep, SWEEP_FILES } from "./runSweep.js";
import type { SweepPlan } from "./SweepPlan.js";

const PLAN: SweepPlan = {
  scenario: "fake",
  params: [parseParam("faults.spike.end=30m..2h:4")],
  replications: 2,
  seed: 5,
  set: {},
};

/** Runs the first `free` jobs at once; every later job waits forever (a queue whose workers are gone). */
function stalling(free: number): JobRunner & { started: () => number } {
  const inner = inProcessRunner(fakePorts);
  let started = 0;
  return {
    started: () => started,
    run: (job, key) => (started++ < free ? inner.run(job, key) : new Promise<JobOutput>(() => {})),
    close: inner.close,
  };
}

describe("runSweep with a signal", () => {
  it("stops at the abort without waiting for the jobs under way, keeps what finished and marks the files partial", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-sweep-signal-"));
    const abort = new AbortController();
    const runner = stalling(3);
    const done = runSweep(runner, PLAN, {
      dir,
      concurrency: 4,
      signal: abort.signal,
      onProgress: (n) => {
        if (n === 3) setTimeout(() => abort.abort("stopped by SIGINT"), 10);
      },
    });
    const out = await done;
    expect(out.stopped).toBe("stopped by SIGINT");
    expect(out.records).toHaveLength(3);
    expect(out.ran).toBe(3);
    expect(out.total).toBe(8);
    // 3 finished, then each of the 4 lanes held a job that never ends: the 8th job was never started.
    expect(runner.started()).toBe(7);
    expect(readResults(join(dir, SWEEP_FILES.results)).records).toHaveLength(3);
    const phase = JSON.parse(readFileSync(join(dir, SWEEP_FILES.phase), "utf8"));
    expect(phase.partial).toBe(true);
    expect(phase.stopReason).toBe("stopped by SIGINT");
    expect(phase.totals.runs).toBe(3);
  });

  it("runs nothing when aborted before the start, and leaves an unstopped sweep unmarked", async () => {
    const abort = new AbortController();
    abort.abort("stopped by SIGTERM");
    const runner = stalling(100);
    const out = await runSweep(runner, PLAN, {
      dir: mkdtempSync(join(tmpdir(), "stampede-sweep-signal-")),
      signal: abort.signal,
    });
    expect(out).toMatchObject({ stopped: "stopped by SIGTERM", ran: 0 });
    expect(runner.started()).toBe(0);
    expect(out.diagram.partial).toBe(true);

    const full = await runSweep(stalling(100), PLAN, {
      dir: mkdtempSync(join(tmpdir(), "stampede-sweep-signal-")),
      signal: new AbortController().signal,
    });
    expect(full.stopped).toBeNull();
    expect(full.records).toHaveLength(8);
    expect("partial" in full.diagram).toBe(false);
    expect("stopReason" in full.diagram).toBe(false);
  });
});
