import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { isStampedeError, type StampedeError } from "../../core/StampedeError.js";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { ImportError } from "../import/ImportIssues.js";
import { loadGraphs } from "../loadGraphs.js";
import { importRegister } from "./importRegister.js";

const SAMPLE = join(import.meta.dirname, "../../../examples/register");
const REGISTERS = ["alpenkreuz", "baltica-pay", "lumen-assurances", "noordhaven-bank"].map((r) =>
  join(SAMPLE, r),
);
const tmp = mkdtempSync(join(tmpdir(), "stampede-register-"));
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

/** Line (1-based) of the first line of `file` containing `needle`. */
function lineOf(file: string, needle: string): number {
  const i = readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

function editLine(file: string, line: number, edit: (l: string) => string): void {
  const lines = readFileSync(file, "utf8").split("\n");
  lines[line - 1] = edit(lines[line - 1]!);
  writeFileSync(file, lines.join("\n"));
}

describe("importRegister", () => {
  it("imports every sample register cleanly, and all four as one sector view", () => {
    for (const r of REGISTERS) {
      const b = new GraphBuilder();
      const res = importRegister(r, b);
      expect(res.warnings).toEqual([]);
      expect(res.entities).toBe(10);
      expect(res.contracts).toBeGreaterThan(0);
    }
    const all = loadGraphs(REGISTERS);
    expect(all.graph.nodesOfType("entity")).toHaveLength(40);
    // Providers are shared between registers: 8 distinct codes in the sample.
    expect(all.graph.nodesOfType("provider")).toHaveLength(8);
    expect(all.graph.nodesOfType("sector").length).toBe(3);
  });

  it("reads a ZIP the same way as a folder", () => {
    const files: Record<string, Uint8Array> = {};
    const reports = join(REGISTERS[0]!, "reports");
    for (const name of [
      "FilingIndicators.csv",
      "b_01.01.csv",
      "b_01.02.csv",
      "b_02.02.csv",
      "b_05.01.csv",
      "b_05.02.csv",
      "b_06.01.csv",
      "b_07.01.csv",
    ]) {
      files[`reports/${name}`] = strToU8(readFileSync(join(reports, name), "utf8"));
    }
    files["entities.csv"] = strToU8(readFileSync(join(REGISTERS[0]!, "entities.csv"), "utf8"));
    const zip = join(tmp, "register.zip");
    writeFileSync(zip, zipSync(files));
    const fromZip = importRegister(zip, new GraphBuilder());
    const fromDir = importRegister(REGISTERS[0]!, new GraphBuilder());
    expect({ ...fromZip, register: "" }).toEqual({ ...fromDir, register: "" });
  });

  it("reports each planted fault at its line, with the four rejection reasons as such", () => {
    const dir = join(tmp, "corrupt");
    cpSync(REGISTERS[3]!, dir, { recursive: true });
    const rep = (n: string): string => join(dir, "reports", n);
    // 1. empty key: blank the provider code of the second provider in B_05.01
    const providers = readFileSync(rep("b_05.01.csv"), "utf8").split("\n");
    const emptyLine = 3;
    const emptied = providers[emptyLine - 1]!.split(",")[0]!;
    editLine(rep("b_05.01.csv"), emptyLine, (l) => l.slice(l.indexOf(",")));
    // 2. duplicate key: repeat the first function of B_06.01 at the end
    const fnLines = readFileSync(rep("b_06.01.csv"), "utf8").trimEnd().split("\n");
    writeFileSync(rep("b_06.01.csv"), `${[...fnLines, fnLines[1]!].join("\n")}\n`);
    const dupLine = fnLines.length + 1;
    // 3. dangling foreign key: a contract row points at an entity that does not exist
    const contractLine = 4;
    editLine(rep("b_02.02.csv"), contractLine, (l) =>
      l.replace(/^([^,]*),([^,]*),/, "$1,ZZST00NOSUCHENTITY99,"),
    );
    // 4. missing filing indicator: B_07.01 no longer declared
    const fiLine = lineOf(rep("FilingIndicators.csv"), "B_07.01");
    editLine(rep("FilingIndicators.csv"), fiLine, () => "B_07.01,false");
    // 5. a bad value: an RTO that is not a number
    editLine(rep("b_06.01.csv"), 2, (l) =>
      l
        .split(",")
        .map((c, i) => (i === 7 ? "soon" : c))
        .join(","),
    );

    const errors = errorsOf(() => importRegister(dir, new GraphBuilder()));
    const find = (code: string): StampedeError[] => errors.filter((e) => e.code === code);
    expect(find("E_REG_EMPTY_KEY")[0]?.location).toMatchObject({
      file: rep("b_05.01.csv"),
      line: emptyLine,
      col: 1,
    });
    expect(find("E_REG_EMPTY_KEY")[0]?.path).toBe("c0010");
    expect(find("E_REG_DUPLICATE_KEY")[0]?.location).toMatchObject({
      file: rep("b_06.01.csv"),
      line: dupLine,
    });
    const dangling = find("E_REG_DANGLING_KEY");
    expect(
      dangling.some(
        (e) =>
          e.location?.line === contractLine && e.path === "c0020" && e.location.file === rep("b_02.02.csv"),
      ),
    ).toBe(true);
    // rows pointing at the emptied provider now dangle too, each at its own line
    const pointing = readFileSync(rep("b_02.02.csv"), "utf8")
      .split("\n")
      .filter((l) => l.split(",")[2] === emptied).length;
    expect(dangling.filter((e) => e.path === "c0030" && e.location?.file === rep("b_02.02.csv")).length).toBe(
      pointing,
    );
    expect(find("E_REG_MISSING_FILING_INDICATOR")[0]?.location?.file).toBe(rep("b_07.01.csv"));
    expect(find("E_REG_BAD_VALUE")).toHaveLength(0); // value checks run only once keys are sound
    // The CLI formats each as file:line:col  column  message.
    expect(find("E_REG_EMPTY_KEY")[0]!.format()).toMatch(
      /b_05\.01\.csv:3:1 {2}c0010 {2}key column c0010 is empty$/,
    );

    // Lenient: the valid rows are imported, the others listed; the bad RTO shows up as a value problem.
    const res = importRegister(dir, new GraphBuilder(), { lenient: true });
    expect(res.warnings.length).toBe(errors.length + 1);
    expect(res.warnings.some((w) => w.code === "E_REG_BAD_VALUE" && w.location?.line === 2)).toBe(true);
    expect(res.contracts).toBeLessThan(importRegister(REGISTERS[3]!, new GraphBuilder()).contracts);
  });

  it("reports missing templates, missing columns, a missing FilingIndicators.csv and CSV syntax errors", () => {
    const dir = join(tmp, "broken");
    cpSync(REGISTERS[1]!, dir, { recursive: true });
    rmSync(join(dir, "reports", "b_05.01.csv"));
    rmSync(join(dir, "reports", "FilingIndicators.csv"));
    editLine(join(dir, "reports", "b_01.01.csv"), 1, (l) => l.replace("c0010", "c9999"));
    editLine(join(dir, "reports", "b_06.01.csv"), 2, (l) => `${l},"unclosed`);
    const codes = errorsOf(() => importRegister(dir, new GraphBuilder())).map((e) => e.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "E_REG_MISSING_TEMPLATE",
        "E_REG_MISSING_FILING_INDICATOR",
        "E_REG_MISSING_COLUMN",
        "E_CSV_SYNTAX",
      ]),
    );
    expect(() => importRegister(join(tmp, "nothing-here"), new GraphBuilder())).toThrow(/not found/);
  });
});
