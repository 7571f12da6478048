import { parseCsv } from "../csv/parseCsv.js";
import type { ImportIssues } from "../import/ImportIssues.js";

/** Side data of one entity: total assets and sector. */
export interface EntitySideData {
  readonly assets?: number;
  readonly sector?: string;
}

const HEADERS = {
  lei: ["lei", "c0010"],
  assets: ["total assets", "total_assets", "totalassets", "assets"],
  sector: ["sector", "category"],
};

/**
 * Reads `entities.csv` (columns `LEI`, `total assets`, `sector`; header names case-insensitive): total assets and
 * sector per LEI, for registers that do not carry them. Bad numbers and duplicate LEIs go to `issues`.
 */
export function readEntitiesFile(
  name: string,
  text: string,
  issues: ImportIssues,
): Map<string, EntitySideData> {
  const out = new Map<string, EntitySideData>();
  const { records, errors } = parseCsv(text);
  for (const e of errors) issues.add("E_CSV_SYNTAX", e.message, { file: name, line: e.line, col: e.col });
  const header = records[0];
  if (!header) return out;
  const names = header.fields.map((f) => f.value.trim().toLowerCase());
  const find = (hs: string[]): number => names.findIndex((n) => hs.includes(n));
  const iLei = find(HEADERS.lei);
  const iAssets = find(HEADERS.assets);
  const iSector = find(HEADERS.sector);
  if (iLei < 0) {
    issues.add("E_REG_MISSING_COLUMN", 'entities file has no "LEI" column', {
      file: name,
      line: header.line,
      path: "LEI",
    });
    return out;
  }
  for (const r of records.slice(1)) {
    const lei = r.fields[iLei]?.value.trim() ?? "";
    if (lei === "") {
      issues.add("E_REG_EMPTY_KEY", "LEI is empty", { file: name, line: r.line, path: "LEI" });
      continue;
    }
    if (out.has(lei)) {
      issues.add("E_REG_DUPLICATE_KEY", `duplicate LEI ${lei}`, { file: name, line: r.line, path: "LEI" });
      continue;
    }
    const data: { assets?: number; sector?: string } = {};
    const a = iAssets >= 0 ? r.fields[iAssets] : undefined;
    if (a && a.value.trim() !== "") {
      const v = Number(a.value.trim().replaceAll("_", ""));
      if (!Number.isFinite(v) || v < 0) {
        issues.add("E_REG_BAD_VALUE", `total assets "${a.value}" is not a non-negative number`, {
          file: name,
          line: a.line,
          col: a.col,
          path: "total assets",
        });
        continue;
      }
      data.assets = v;
    }
    const s = iSector >= 0 ? r.fields[iSector]?.value.trim() : undefined;
    if (s) data.sector = s;
    out.set(lei, data);
  }
  return out;
}
