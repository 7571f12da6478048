import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../cli/testing/runMain.js";

const ROOT = join(import.meta.dirname, "../..");
const CATALOG = join(ROOT, "examples/catalog/catalog-info.yaml");
const REGISTER = join(ROOT, "examples/register/baltica-pay");
const EBA40 = join(ROOT, "examples/register-eba-4.0/baltica-pay");
const tmp = mkdtempSync(join(tmpdir(), "stampede-blast-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = runMain;

describe("stampede blast and concentration", () => {
  it("blast --fail --for --format json gives the radius; --out writes blast.json and a self-contained report.html", async () => {
    const r = await run([
      "blast",
      CATALOG,
      "--fail",
      "region:aws/us-east-1",
      "--for",
      "7h",
      "--format",
      "json",
      "--out",
      tmp,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.radius.summary.criticalDown).toBeGreaterThan(5);
    expect(JSON.parse(readFileSync(join(tmp, "blast.json"), "utf8"))).toEqual(json);
    const html = readFileSync(join(tmp, "report.html"), "utf8");
    expect(html).toContain("cytoscape");
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it("blast with no analysis flag prints the N-1 table and the single points of failure of a register", async () => {
    const r = await run(["blast", REGISTER]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("N-1 over every provider");
    expect(r.out).toContain("Single points of failure");
  });

  it("concentration prints HHI per market and the screen", async () => {
    const r = await run(["concentration", REGISTER, "--hhi-high", "3000"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/HHI 0-10,000; moderate >= 1500, high >= 3000/);
    expect(r.out).toContain("Critical ICT provider screen");
  });

  it("register check: nothing in the clean example; a bad provider LEI ranked with its critical functions", async () => {
    const clean = await run(["register", "check", REGISTER]);
    expect(clean.code).toBe(0);
    expect(clean.out).toMatch(/^no problems blocking an analysis/);
    const dir = join(tmp, "check-lei");
    cpSync(join(ROOT, "examples/register/noordhaven-bank"), dir, { recursive: true });
    const file = join(dir, "reports", "b_05.01.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("ZZST00AGEQ4OLNI7CP47", "ZZST00AGEQ4OLNI7CP48"));
    const r = await run(["register", "check", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const { findings } = JSON.parse(r.out) as { findings: { code: string; criticalFunctions: string[] }[] };
    // The B_05.01 code no longer matches B_02.02: the bad LEI, and the contracts left dangling, which carry the
    // critical functions and so rank first.
    expect(findings.some((f) => f.code === "E_REG_BAD_LEI")).toBe(true);
    expect(findings[0]!.criticalFunctions.length).toBeGreaterThan(0);
  });

  it("sector: the tables from the example registers; bad flags exit 2", async () => {
    const regs = ["alpenkreuz", "baltica-pay", "lumen-assurances", "noordhaven-bank"].map((r) =>
      join(ROOT, "examples/register", r),
    );
    const r = await run(["sector", ...regs, "--fail", "region:aws/us-east-1", "--runs", "4"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("P(RTO breach)");
    expect(r.out).toContain("systemic view");
    const json = await run([
      "sector",
      REGISTER,
      "--fail",
      "region:aws/us-east-1",
      "--runs",
      "2",
      "--format",
      "json",
    ]);
    expect(JSON.parse(json.out).runs).toBe(2);
    const out = join(tmp, "sector-out");
    const written = await run([
      "sector",
      REGISTER,
      "--fail",
      "region:aws/us-east-1",
      "--runs",
      "2",
      "--out",
      out,
    ]);
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "sector.json"), "utf8")).runs).toBe(2);
    expect(readFileSync(join(out, "report.html"), "utf8")).toMatch(/^<!doctype html>/);
    expect((await run(["sector", REGISTER])).code).toBe(2);
    expect(
      (await run(["sector", REGISTER, "--fail", "region:aws/us-east-1", "--duration", "soon"])).code,
    ).toBe(2);
    expect((await run(["sector", REGISTER, "--fail", "region:aws/mars-1"])).code).toBe(2);
    const pool = (v: string) =>
      run([
        "sector",
        REGISTER,
        "--fail",
        "region:aws/us-east-1",
        "--runs",
        "1",
        "--format",
        "json",
        "--control-plane",
        `aws/us-west-2:capacity=${v}`,
      ]);
    const declared = JSON.parse((await pool("100")).out) as {
      assumptions: { controlPlanes: { capacity: number | null }[] };
    };
    expect(declared.assumptions.controlPlanes.map((c) => c.capacity)).toContain(100);
    for (const bad of ["-1", "2.5", "lots"]) expect((await pool(bad)).code).toBe(2);
  });

  it("bad input exits 2 with one line per problem", async () => {
    const unknown = await run(["blast", CATALOG, "--fail", "region:aws/mars-1"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^error: region:aws\/mars-1 {2}no region "aws\/mars-1"/);
    const level = await run(["blast", CATALOG, "--n-1", "planet"]);
    expect(level.code).toBe(2);
    const pairs = await run(["blast", CATALOG, "--n-2", "--n-1", "region", "--max-pairs", "1"]);
    expect(pairs.code).toBe(2);
    expect(pairs.err).toMatch(/over the limit of 1/);
  });

  it("reads a register in the EBA 4.0 layout: provider names, never a code or a placeholder", async () => {
    const r = await run(["concentration", EBA40, "--lenient"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/problems/);
    expect(r.out).toContain("Amazon Web Services EMEA SARL");
    expect(r.out).not.toMatch(/ 0 \(group\)| 0\s*$/m);
  });

  it("a bad LEI exits 2 at its cell; with --lenient it is listed and the register is read", async () => {
    const dir = join(tmp, "bad-lei");
    cpSync(EBA40, dir, { recursive: true });
    const file = join(dir, "reports", "b_05.01.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    const i = lines[0]!.split(",").indexOf("c0110");
    lines[1] = lines[1]!
      .split(",")
      .map((c, j) => (j === i ? `${c.slice(0, -2)}00` : c))
      .join(",");
    writeFileSync(file, lines.join("\n"));
    const strict = await run(["blast", dir]);
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/b_05\.01\.csv:2:\d+ {2}c0110 {2}"ZZST\w+" is not a valid LEI/);
    const lenient = await run(["blast", dir, "--lenient"]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toMatch(/1 problems \(--lenient/);
  });
});
