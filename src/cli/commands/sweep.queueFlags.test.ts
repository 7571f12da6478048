import { describe, expect, it } from "vitest";
import { fakePorts } from "../../experiments/testing/fakeModel.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./sweep.js";

const base = [
  "sweep",
  "fake",
  "--param",
  "faults.spike.end=31m..50m:2",
  "--out",
  "/nonexistent/never/created",
];
const sweep = (args: string[]) => runCli((p) => register(p, { ports: fakePorts }), [...base, ...args]);

describe("sweep's queue flags", () => {
  it("refuses flags that would change nothing: threads with --queue, a queue name without it", async () => {
    for (const [args, path] of [
      [["--queue", "redis://127.0.0.1:1", "--workers", "2"], "--workers"],
      [["--queue", "redis://127.0.0.1:1", "--concurrency", "2"], "--concurrency"],
      [["--queue-name", "team-a"], "--queue-name"],
    ] as const) {
      const r = await sweep([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^error: ${path} `));
    }
  });

  it("refuses a bad --queue-name and two different thread counts", async () => {
    const name = await sweep(["--queue", "redis://127.0.0.1:1", "--queue-name", "a:b"]);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/^error: --queue-name {2}expected 1-100 letters/);
    const both = await sweep(["--workers", "2", "--concurrency", "3"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: --concurrency {2}--concurrency is another name for --workers/);
  });
});
