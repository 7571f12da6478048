import { describe, expect, it } from "vitest";
import { ports } from "../../experiments/defaultPorts.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./compare.js";

const compare = (argv: string[]) =>
  runCli((p) => register(p, { ports }), ["compare", "retry-storm", "--quiet", "--workers", "1", ...argv]);

describe("stampede compare resource guards (issue 19, item 1)", () => {
  it("runs stopped by --max-memory make the command exit 3 with one line", async () => {
    const r = await compare([
      "--replications",
      "1",
      "--scale",
      "0.05",
      "--until",
      "10m",
      "--allow-large",
      "--max-memory",
      "1kB",
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: \d+ of \d+ runs stopped early at the memory limit \(--max-memory\)/),
    ]);
  });

  it("an absurd run is refused with --allow-large named (exit 2)", async () => {
    const r = await compare(["--replications", "1", "--until", "3650d"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allow-large to run it anyway/);
  });
});
