import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inProcessRunner } from "../pool/inProcessRunner.js";
import { fakePorts } from "../testing/fakeModel.js";
import { parseParam } from "./parseParam.js";
import { readResults } from "./resultsFile.js";
import { runSweep, SWEEP_FILES } from "./runSweep.js";
import type { SweepPlan } from "./SweepPlan.js";

const plan: SweepPlan = {
  scenario: "fake",
  params: [parseParam("faults.spike.end=30m..2h:3")],
  replications: 2,
  seed: 5,
  set: {},
};

describe("readResults", () => {
  it("keeps one record per job key: a line appended twice (a rerun job) counts once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stampede-results-"));
    await runSweep(inProcessRunner(fakePorts), plan, { dir });
    const file = join(dir, SWEEP_FILES.results);
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    writeFileSync(file, `${[...lines, lines[0], lines[3], lines[0]].join("\n")}\n`);
    const read = readResults(file);
    expect(read.records).toHaveLength(6);
    expect(read.duplicates).toBe(3);
    const out = await runSweep(inProcessRunner(fakePorts), plan, { dir, resume: true });
    expect(out.ran).toBe(0);
    expect(out.records).toHaveLength(6);
    expect(out.diagram.totals.runs).toBe(6);
    expect(out.diagram.cells.map((c) => c.runs)).toEqual([2, 2, 2]);
  });
});
