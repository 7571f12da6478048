import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/cliHarness.js";
import { register as registerDescribe } from "./describe.js";
import { register as registerList } from "./list.js";
import { register as registerSchema } from "./schema.js";
import { register as registerValidate } from "./validate.js";

const fixtures = fileURLToPath(new URL("../../scenario/fixtures/", import.meta.url));

describe("stampede validate", () => {
  it("prints one OK line with the counts", async () => {
    const r = await runCli(registerValidate, ["validate", `${fixtures}minimal.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^OK {2}.*minimal\.yaml: scenario 'minimal': 2 networks, 1 link, 1 service, 1 fleet \(1000 clients\), .*2 variants\n$/,
    );
  });

  it("prints every error as file:line:col  path  message and exits 2, without a stack", async () => {
    const r = await runCli(registerValidate, ["validate", `${fixtures}bad/references.yaml`]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(11);
    for (const l of lines) expect(l).toMatch(/^error: .*references\.yaml:\d+:\d+ {2}\S+ {2}\S/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("checks a variant and overrides when asked", async () => {
    const ok = await runCli(registerValidate, [
      "validate",
      `${fixtures}minimal.yaml`,
      "--variant",
      "backoff",
    ]);
    expect(ok.stdout).toMatch(/with variant backoff:/);
    const bad = await runCli(registerValidate, ["validate", `${fixtures}minimal.yaml`, "--variant", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "error: scenario 'minimal' has no variant 'nope'; variants: backoff, longer-timeout\n",
    );
  });
});

describe("stampede schema", () => {
  it("prints the JSON Schema", async () => {
    const r = await runCli(registerSchema, ["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { type: string; required: string[] };
    expect(schema.type).toBe("object");
    expect(schema.required).toEqual(expect.arrayContaining(["name", "networks", "services", "fleets"]));
  });
});

describe("stampede list and describe", () => {
  const list = (argv: string[]) => runCli((p) => registerList(p, fixtures), ["list", ...argv]);
  const describeCmd = (argv: string[]) => runCli((p) => registerDescribe(p, fixtures), ["describe", ...argv]);

  it("lists built-ins with a one-line description, as text or JSON", async () => {
    const text = await list([]);
    expect(text.stdout.split("\n")[0]).toBe(
      "minimal  One client fleet in an internal network calls one service in the main network through one NAT link.",
    );
    const json = JSON.parse((await list(["--format", "json"])).stdout) as {
      name: string;
      variants: string[];
    }[];
    expect(json).toEqual([
      expect.objectContaining({ name: "minimal", variants: ["backoff", "longer-timeout"] }),
    ]);
  });

  it("describes one with its variants and assumptions", async () => {
    const r = await describeCmd(["minimal"]);
    expect(r.stdout).toContain("Variants (--variant NAME):\n  backoff\n      exponential backoff");
    expect(r.stdout).toContain("- Two NAT devices of 200 setups per second each. [links.nat.setupRate]");
    const json = JSON.parse((await describeCmd(["minimal", "--format", "json"])).stdout) as {
      assumptions: unknown[];
    };
    expect(json.assumptions).toHaveLength(1);
  });

  it("fails in one line with exit 2 on an unknown name or format", async () => {
    const r = await describeCmd(["minimall"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: no built-in scenario named 'minimall' (did you mean 'minimal'?)\n");
    const f = await list(["--format", "xml"]);
    expect(f.code).toBe(2);
    expect(f.stderr.trim().split("\n")).toHaveLength(1);
  });
});
