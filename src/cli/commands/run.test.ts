import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakePorts } from "../../experiments/testing/fakeModel.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./run.js";

const run = (argv: string[]) => runCli((p) => register(p, fakePorts), ["run", "fake", "--quiet", ...argv]);

describe("stampede run", () => {
  it("prints the phases on a timeline in clock time and offsets", async () => {
    const r = await run(["--seed", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("timeline (clock from 2021-12-07T07:00:00-08:00)");
    // The fake trigger starts 30 minutes after the scenario's start.
    expect(r.stdout).toMatch(/07:30:00 +\+30m 00s +\+0s +trigger starts/);
    expect(r.stdout).toMatch(/detected/);
    expect(r.stdout).toMatch(/operators: reroute-dns/);
  });

  it("prints the RunSummary as JSON and writes summary.json, series.csv and report.html", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "stampede-cli-run-")), "nested");
    const r = await run(["--format", "json", "--out", dir, "--set", "faults.spike.end=45m"]);
    const summary = JSON.parse(r.stdout) as { seed: number; verdict: { triggerEnd: number } };
    expect(summary.seed).toBe(1);
    expect(summary.verdict.triggerEnd).toBe(2700);
    expect(JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"))).toEqual(summary);
    expect(readFileSync(join(dir, "series.csv"), "utf8").split("\n")[0]).toMatch(/^time,goodput,/);
    // the scenario's goodput fleets reach the report (the first chart shows them, other fleets start hidden)
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain('"goodputFleets":["clients"]');
  });

  it("fails with one line and exit 2 on an unwritable --out, before running", async () => {
    const root = mkdtempSync(join(tmpdir(), "stampede-cli-run-"));
    writeFileSync(join(root, "file"), "");
    const r = await run(["--out", join(root, "file", "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects bad flags with exit 2", async () => {
    for (const argv of [
      ["--seed", "x"],
      ["--format", "yaml"],
      ["--scale", "0"],
      ["--until", "soon"],
      ["--set", "x"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
