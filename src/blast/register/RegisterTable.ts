import type { CsvField } from "../csv/parseCsv.js";
import { parseCsv } from "../csv/parseCsv.js";
import type { ImportIssues } from "../import/ImportIssues.js";
import type { RegisterFile } from "./readRegisterFiles.js";
import type { TemplateSpec } from "./templates.js";

/** One data row of a template, with its fields by field name. */
export interface RegisterRow {
  readonly line: number;
  readonly file: string;
  /** Field values by field name (trimmed; "" when the column is absent or empty). */
  readonly values: Readonly<Record<string, string>>;
  /** Position of each field for messages. */
  readonly at: Readonly<Record<string, { line: number; col: number; header: string }>>;
}

/** A template read from its CSV file. */
export interface RegisterTable {
  readonly spec: TemplateSpec;
  readonly file: string;
  readonly rows: RegisterRow[];
}

/**
 * Reads one template file: maps header names to the spec's fields (the file's header wins: any accepted header name,
 * case-insensitive), reports CSV syntax errors and missing required columns. Returns undefined when the table cannot
 * be read at all.
 */
export function readRegisterTable(
  file: RegisterFile,
  spec: TemplateSpec,
  issues: ImportIssues,
): RegisterTable | undefined {
  const { records, errors } = parseCsv(file.text);
  for (const e of errors)
    issues.add("E_CSV_SYNTAX", e.message, { file: file.name, line: e.line, col: e.col });
  const header = records[0];
  if (!header) {
    issues.add("E_REG_MISSING_COLUMN", `${spec.code} has no header row`, { file: file.name });
    return undefined;
  }
  const names = header.fields.map((f) => f.value.trim().toLowerCase());
  const index = new Map<string, number>();
  let missing = false;
  for (const c of spec.columns) {
    const i = names.findIndex((n) => c.headers.includes(n) || c.headers.some((h) => n.endsWith(`.${h}`)));
    if (i >= 0) index.set(c.field, i);
    else if (c.required) {
      missing = true;
      issues.add(
        "E_REG_MISSING_COLUMN",
        `${spec.code} has no column ${c.headers.map((h) => `"${h}"`).join(" or ")}`,
        {
          file: file.name,
          line: header.line,
          path: c.headers[0]!,
        },
      );
    }
  }
  if (missing) return undefined;
  const rows: RegisterRow[] = [];
  for (const r of records.slice(1)) {
    const values: Record<string, string> = {};
    const at: Record<string, { line: number; col: number; header: string }> = {};
    for (const c of spec.columns) {
      const i = index.get(c.field);
      const f: CsvField | undefined = i === undefined ? undefined : r.fields[i];
      values[c.field] = f ? f.value.trim() : "";
      at[c.field] = {
        line: f?.line ?? r.line,
        col: f?.col ?? 1,
        header: i === undefined ? c.headers[0]! : header.fields[i]!.value.trim(),
      };
    }
    rows.push({ line: r.line, file: file.name, values, at });
  }
  return { spec, file: file.name, rows };
}
