import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ports } from "../../experiments/defaultPorts.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./run.js";

const run = (argv: string[]) => runCli((p) => register(p, ports), ["run", "--quiet", ...argv]);

describe("stampede run resource guards (issue 19, item 1)", () => {
  it("a run past --max-memory ends with exit 3, one line, and partial results written", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "stampede-guard-")), "out");
    const r = await run([
      "retry-storm",
      "--scale",
      "0.05",
      "--until",
      "30m",
      "--allow-large",
      "--max-memory",
      "1kB",
      "--out",
      dir,
    ]);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: stopped at 10 s of 1800 s: memory use .* passed the limit 1 kB \(--max-memory\); partial results written to /,
    );
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
      partial?: boolean;
      simulatedSeconds: number;
    };
    expect(summary.partial).toBe(true);
    expect(summary.simulatedSeconds).toBe(10);
    const csv = readFileSync(join(dir, "series.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(1 + 1); // header + the one interval of 10 s
    expect(readdirSync(dir)).toContain("report.html");
  });

  it("an absurd run is refused before it starts, naming --allow-large (exit 2)", async () => {
    const r = await run(["aws-us-east-1-2021-12-07", "--until", "3650d"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: fleets\.internal-clients\.clients {2}this run would need about .*--allow-large to run it anyway\n$/,
    );
  });

  it("a bad --max-memory is a one-line flag error", async () => {
    const r = await run(["retry-storm", "--max-memory", "lots"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: --max-memory  expected a size such as 512MB or 2GB, got 'lots'\n");
  });
});
