import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakePorts } from "../../experiments/testing/fakeModel.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./sweep.js";

const portsModule = new URL("../../experiments/testing/fakeModel.ts", import.meta.url).href;
const sweep = (argv: string[]) =>
  runCli((p) => register(p, { ports: fakePorts, portsModule }), ["sweep", "fake", "--quiet", ...argv]);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "stampede-cli-sweep-"));
}

describe("stampede sweep", () => {
  it("sweeps a 2-D grid on 2 workers, prints the phase map and writes results, phase and report", async () => {
    const dir = tmp();
    const r = await sweep([
      "--param",
      "faults.spike.end=31m..50m:4",
      "--param",
      "fleets.clients.retry.maxAttempts=1..6:3",
      "--replications",
      "2",
      "--workers",
      "2",
      "--out",
      dir,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("phase map");
    expect(r.stdout).toContain("12 points, 24 runs");
    expect(readFileSync(join(dir, "results.jsonl"), "utf8").trim().split("\n")).toHaveLength(24);
    for (const f of ["sweep.json", "phase.json", "failures.json", "report.html"])
      expect(existsSync(join(dir, f))).toBe(true);
  });

  it("reports failed jobs with their parameters, goes on and exits 1", async () => {
    const dir = tmp();
    const r = await sweep(["--param", "faults.spike.errorRate=0..1:2", "--workers", "1", "--out", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("job failed: faults.spike.errorRate=1 seed 1: fake model exploded on purpose");
    expect(r.stdout).toContain("1 failed");
  });

  it("rejects bad input with one line and exit 2 before any job", async () => {
    const dir = tmp();
    const cases: [string[], RegExp][] = [
      [["--param", "fleets.nope.x=1..2:2", "--out", dir], /fleets\.nope\.x/],
      [["--param", "faults.spike.end=2h..1h:3", "--out", dir], /greater than TO/],
      [["--param", "faults.spike.end=1h..2h:1", "--out", dir], /at least 2 points/],
      [["--param", "faults.spike.capacityFactor=0.5..3:3", "--out", dir], /cannot take/],
      [["--param", "faults.spike.end=0..2h:3:log", "--out", dir], /strictly above 0/],
      [
        ["--param", "faults.spike.end=1h..2h:1000", "--param", "faults.spike.start=1..2:101", "--out", dir],
        /--yes/,
      ],
      [["--param", "faults.spike.end=1h..2h:3", "--out", join(dir, "f", "x")], /cannot write/],
      [["--param", "faults.spike.end=1h..2h:3"], /--out/],
    ];
    writeFileSync(join(dir, "f"), "a file, so f/x cannot be created");
    for (const [argv, message] of cases) {
      const r = await sweep(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n"), argv.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, "results.jsonl"))).toBe(false);
  });
});
