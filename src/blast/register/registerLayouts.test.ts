import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../../core/StampedeError.js";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { blastRadius } from "../analysis/blastRadius.js";
import { concentration } from "../analysis/concentration.js";
import { casesAt, runCases } from "../analysis/nMinus.js";
import { resolveSelector } from "../analysis/resolveSelector.js";
import { singlePointsOfFailure } from "../analysis/singlePointsOfFailure.js";
import { ImportError } from "../import/ImportIssues.js";
import { loadGraphs } from "../loadGraphs.js";
import { importRegister } from "./importRegister.js";

const EXAMPLES = join(import.meta.dirname, "../../../examples");
const NAMES = ["alpenkreuz", "baltica-pay", "lumen-assurances", "noordhaven-bank"];
const OLDER = NAMES.map((n) => join(EXAMPLES, "register", n));
const EBA40 = NAMES.map((n) => join(EXAMPLES, "register-eba-4.0", n));
const tmp = mkdtempSync(join(tmpdir(), "stampede-layouts-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function errorsOf(fn: () => unknown): readonly StampedeError[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.errors;
    if (isStampedeError(e)) return [e];
    throw e;
  }
  throw new Error("expected an import error");
}

/** Every analysis the blast and concentration commands run, as plain data. */
function analyses(paths: readonly string[]): unknown {
  const { graph } = loadGraphs(paths);
  const sel = resolveSelector(graph, "provider:ZZST00AGEQ4OLNI7CP47");
  const blast = blastRadius(
    graph,
    sel.nodes.map((node) => ({ node, start: 0, end: 8 * 3600, mode: sel.mode })),
  );
  return {
    nodes: graph.nodeCount,
    blast,
    n1: runCases(graph, casesAt(graph, "provider")),
    spof: singlePointsOfFailure(graph),
    concentration: concentration(graph),
  };
}

describe("DORA register layouts", () => {
  it("imports registers in the EBA taxonomy 4.0 layout (12-column B_05.01, coded enumerations, 8-column key)", () => {
    for (const r of EBA40) {
      const res = importRegister(r, new GraphBuilder());
      expect(res.warnings).toEqual([]);
      expect(res.layout).toBe("eba-4.0");
      expect(res.entities).toBe(10);
    }
    for (const r of OLDER) expect(importRegister(r, new GraphBuilder()).layout).toBe("older");
  });

  it("gives the same graph, blast radius, N-1, single points of failure and concentration in both layouts", () => {
    expect(analyses(EBA40)).toEqual(analyses(OLDER));
  });

  it("reads names, spend and parents from the 4.0 columns, never a code or a placeholder as a name", () => {
    const { graph } = loadGraphs([EBA40[3]!]);
    const aws = graph.info(graph.indexOf("ZZST00AGEQ4OLNI7CP47")!);
    expect(aws.name).toBe("Amazon Web Services EMEA SARL");
    expect(aws.ultimateParent).toBe("ZZST00VJOI0S2AZU3506");
    const spend = graph
      .nodesOfType("service")
      .map((i) => graph.info(i))
      .filter((s) => s.provider === "ZZST00AGEQ4OLNI7CP47")
      .reduce((t, s) => t + (s.spend ?? 0), 0);
    expect(spend).toBeCloseTo(7016982, 3);

    // A provider whose name cells are empty or a placeholder is shown by its code.
    const dir = join(tmp, "no-names");
    cpSync(EBA40[3]!, dir, { recursive: true });
    const file = join(dir, "reports", "b_05.01.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    const header = lines[0]!.split(",");
    const blank = (line: string, value: string): string =>
      line
        .split(",")
        .map((c, i) => (header[i] === "c0050" || header[i] === "c0060" ? value : c))
        .join(",");
    lines[1] = blank(lines[1]!, "");
    lines[2] = blank(lines[2]!, "0");
    writeFileSync(file, lines.join("\n"));
    const g = loadGraphs([dir]).graph;
    for (const line of [lines[1]!, lines[2]!]) {
      const code = line.split(",")[0]!;
      expect(g.info(g.indexOf(code)!).name).toBe(code);
    }
  });

  it("refuses a B_05.01 header of neither layout, at its line, naming both layouts' columns", () => {
    const dir = join(tmp, "unknown");
    cpSync(EBA40[0]!, dir, { recursive: true });
    const file = join(dir, "reports", "b_05.01.csv");
    const text = readFileSync(file, "utf8").split("\n");
    text[0] = text[0]!.replace(/c0(\d)(\d)0/g, "col$1$2");
    writeFileSync(file, text.join("\n"));
    const errors = errorsOf(() => importRegister(dir, new GraphBuilder()));
    const e = errors.find((x) => x.code === "E_REG_UNKNOWN_LAYOUT");
    expect(e?.location).toMatchObject({ file, line: 1, col: 1 });
    expect(e?.message).toMatch(/B_05\.01/);
    expect(e?.message).toMatch(/EBA taxonomy 4\.0.*c0120/);
    expect(e?.message).toMatch(/older.*c0090/);
  });

  it("keys B_02.02 on its 8 columns: a second storage country is a new row, a true duplicate is refused", () => {
    const dir = join(tmp, "dup");
    cpSync(EBA40[3]!, dir, { recursive: true });
    const file = join(dir, "reports", "b_02.02.csv");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    // the fixture already holds rows equal on the older 4-column key (data kept in two countries): accepted above
    writeFileSync(file, `${[...lines, lines[1]!].join("\n")}\n`);
    const dup = errorsOf(() => importRegister(dir, new GraphBuilder())).filter(
      (e) => e.code === "E_REG_DUPLICATE_KEY",
    );
    expect(dup.map((e) => e.location?.line)).toEqual([lines.length + 1]);
  });
});
