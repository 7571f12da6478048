import { describe, expect, it } from "vitest";
import { ports } from "../../experiments/defaultPorts.js";
import { runCli } from "../testing/cliHarness.js";
import { register } from "./run.js";

const run = (argv: string[]) => runCli((p) => register(p, ports), ["run", "--quiet", ...argv]);

describe("stampede run --engine fluid", () => {
  it("runs a built-in on the fluid engine, deterministically, and says so", async () => {
    const argv = ["reconnect-herd", "--engine", "fluid", "--until", "20m", "--format", "json"];
    const a = await run(argv);
    expect(a.code).toBe(0);
    const s = JSON.parse(a.stdout) as {
      engine: string;
      events: null;
      steps: number;
      timing: unknown;
      seed: number;
    };
    expect(s.engine).toBe("fluid");
    expect(s.events).toBeNull();
    expect(s.steps).toBe(6000);
    const b = JSON.parse((await run([...argv, "--seed", "7"])).stdout) as typeof s;
    const strip = ({ timing: _t, seed: _s, ...rest }: typeof s) => rest;
    expect(strip(b)).toEqual(strip(s));
    const text = await run(["reconnect-herd", "--engine", "fluid", "--until", "20m"]);
    expect(text.stdout).toMatch(/fluid engine: 6,000 steps of 0\.2 s/);
  }, 60_000);

  it("refuses what the fluid engine cannot represent with located errors (exit 2), and a bad --engine", async () => {
    const r = await run(["cache-stampede", "--engine", "fluid"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /cache-stampede\.yaml:\d+:\d+ {2}services\.app\.cache {2}caches are not in the fluid engine/,
    );
    const bad = await run(["retry-storm", "--engine", "quantum"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--engine must be event or fluid/);
  });
});
