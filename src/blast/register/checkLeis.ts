import type { ImportIssues } from "../import/ImportIssues.js";
import { isLeiCodeType } from "./ebaCodes.js";
import { isValidLei } from "./isValidLei.js";
import type { RegisterRow } from "./RegisterTable.js";
import type { TemplateSpec } from "./TemplateSpec.js";

/**
 * Checks the LEIs of a register with {@link isValidLei} (ISO 17442, mod 97-10): columns that always hold an LEI (an
 * entity's LEI, a parent's LEI), and identification codes whose "type of code" column says LEI (`eba_qCO:qx2000`).
 * Codes of other types (EUIDs, national registration or VAT numbers) are not LEIs and are not checked; nor are empty
 * cells. Each bad LEI is a located E_REG_BAD_LEI in `issues` (an error, or a warning in a lenient import: the row is
 * kept). Returns the number found.
 */
export function checkLeis(
  rows: ReadonlyMap<string, readonly RegisterRow[]>,
  specs: Readonly<Record<string, TemplateSpec>>,
  issues: ImportIssues,
): number {
  let bad = 0;
  for (const [template, list] of rows) {
    const spec = specs[template];
    if (!spec) continue;
    for (const c of spec.columns) {
      if (c.lei === undefined) continue;
      for (const r of list) {
        const v = r.values[c.field] ?? "";
        if (v === "" || isValidLei(v)) continue;
        if (c.lei !== true && !isLeiCodeType(r.values[c.lei] ?? "")) continue;
        const at = r.at[c.field]!;
        bad++;
        issues.add(
          "E_REG_BAD_LEI",
          `"${v}" is not a valid LEI (ISO 17442: 20 letters or digits, the last two check digits mod 97)`,
          { file: r.file, line: at.line, col: at.col, path: at.header },
        );
      }
    }
  }
  return bad;
}
