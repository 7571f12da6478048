import { parseCsv } from "../csv/parseCsv.js";
import type { ImportIssues } from "../import/ImportIssues.js";
import { headerCode } from "./RegisterTable.js";
import type { RegisterFile } from "./readRegisterFiles.js";
import { LAYOUT_NAMES, type RegisterLayout, TEMPLATES } from "./templates.js";

/** Readable B_05.01 headers found only in the EBA 4.0 layout. */
const EBA40_NAMES = ["type of person", "legal name", "name in latin alphabet", "total annual expense"];

/**
 * The layout of a register, from the header row of its B_05.01 (the template whose columns differ): a column code
 * above c0090 (c0100 expense, c0110 ultimate parent, c0120 its code type) means the EBA taxonomy 4.0; codes from
 * c0010 to c0090 only, the older layout. Headers in words: a 4.0-only name ("type of person", "legal name", "name in
 * latin alphabet", "total annual expense") means 4.0, a provider code column alone the older layout. No B_05.01:
 * 4.0 (the register is refused for the missing template anyway). A header of neither layout is a located
 * E_REG_UNKNOWN_LAYOUT naming both layouts' columns, and undefined is returned.
 */
export function detectLayout(
  file: RegisterFile | undefined,
  issues: ImportIssues,
): RegisterLayout | undefined {
  if (!file) return "eba-4.0";
  const header = parseCsv(file.text).records[0];
  const names = (header?.fields ?? []).map((f) => f.value.trim().toLowerCase());
  const codes = new Set(names.map(headerCode).filter((c): c is string => c !== undefined));
  if (["c0100", "c0110", "c0120"].some((c) => codes.has(c))) return "eba-4.0";
  if (codes.has("c0010")) return "older";
  if (names.some((n) => EBA40_NAMES.includes(n))) return "eba-4.0";
  if (names.includes("provider code")) return "older";
  const columns = (layout: RegisterLayout): string =>
    TEMPLATES[layout]["B_05.01"]!.columns.map((c) => `${c.headers[0]} ${c.field}`).join(", ");
  issues.add(
    "E_REG_UNKNOWN_LAYOUT",
    `B_05.01 header is of no known layout; ${LAYOUT_NAMES["eba-4.0"]} reads ${columns("eba-4.0")}; ` +
      `the ${LAYOUT_NAMES.older} reads ${columns("older")}`,
    { file: file.name, line: header?.line ?? 1, col: 1, path: "B_05.01" },
  );
  return undefined;
}
