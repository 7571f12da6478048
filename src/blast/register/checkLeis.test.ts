import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GraphBuilder } from "../../graph/GraphBuilder.js";
import { ImportError } from "../import/ImportIssues.js";
import { importRegister } from "./importRegister.js";

const REGISTER = join(import.meta.dirname, "../../../examples/register-eba-4.0/noordhaven-bank");
const tmp = mkdtempSync(join(tmpdir(), "stampede-lei-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the sample register with `edit(cells, header)` applied to data row `row` of B_05.01. */
function withProviderRow(
  name: string,
  row: number,
  edit: (cells: string[], header: string[]) => void,
): string {
  const dir = join(tmp, name);
  cpSync(REGISTER, dir, { recursive: true });
  const file = join(dir, "reports", "b_05.01.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const header = lines[0]!.split(",");
  const cells = lines[row]!.split(",");
  edit(cells, header);
  lines[row] = cells.join(",");
  writeFileSync(file, lines.join("\n"));
  return dir;
}

describe("checkLeis", () => {
  it("refuses an LEI with a wrong check digit where the code type says LEI, at its cell (exit 2 as an import error)", () => {
    const dir = withProviderRow("bad-parent", 1, (cells, header) => {
      const i = header.indexOf("c0110");
      cells[i] = cells[i]!.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    });
    let error: unknown;
    try {
      importRegister(dir, new GraphBuilder());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const bad = (error as ImportError).errors.filter((e) => e.code === "E_REG_BAD_LEI");
    expect(bad).toHaveLength(1);
    const [head, first] = readFileSync(join(dir, "reports", "b_05.01.csv"), "utf8").split("\n");
    const i = head!.split(",").indexOf("c0110");
    const col = first!.split(",").slice(0, i).join(",").length + 2; // 1-based, after the comma
    expect(bad[0]!.location).toMatchObject({ line: 2, col });
    expect(bad[0]!.path).toBe("c0110");
    expect(bad[0]!.message).toMatch(/not a valid LEI/);

    // Lenient: a warning, and the register is imported whole.
    const res = importRegister(dir, new GraphBuilder(), { lenient: true });
    expect(res.warnings.map((w) => w.code)).toEqual(["E_REG_BAD_LEI"]);
    expect(res.providers).toBe(importRegister(REGISTER, new GraphBuilder()).providers);
  });

  it("does not check codes of other types: EUIDs and national codes are valid identifiers", () => {
    // The sample's fictional vendors carry an EUID (eba_qCO:qx2002) as additional code: never an LEI.
    expect(readFileSync(join(REGISTER, "reports", "b_05.01.csv"), "utf8")).toMatch(/eba_qCO:qx2002/);
    expect(importRegister(REGISTER, new GraphBuilder()).warnings).toEqual([]);
    const dir = withProviderRow("national-parent", 1, (cells, header) => {
      cells[header.indexOf("c0110")] = "NLNHR.12345678";
      cells[header.indexOf("c0120")] = "eba_qCO:qx2002";
    });
    expect(importRegister(dir, new GraphBuilder()).warnings).toEqual([]);
  });
});
