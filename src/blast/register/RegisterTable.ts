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
 * case-insensitive, or a column code written as `c0010`, `B_05.01.c0010` or `b_05.01.0010`), reports CSV syntax
 * errors and missing required columns (naming `layoutName`, the layout being read). Returns undefined when the table
 * cannot be read at all.
 */
export function readRegisterTable(
  file: RegisterFile,
  spec: TemplateSpec,
  issues: ImportIssues,
  layoutName?: string,
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
  const codes = names.map(headerCode);
  const index = new Map<string, number>();
  let missing = false;
  for (const c of spec.columns) {
    const i = names.findIndex((n, j) => c.headers.includes(n) || c.headers.includes(codes[j] ?? ""));
    if (i >= 0) index.set(c.field, i);
    else if (c.required) {
      missing = true;
      issues.add(
        "E_REG_MISSING_COLUMN",
        `${spec.code} has no column ${c.headers.map((h) => `"${h}"`).join(" or ")}${layoutName ? ` (reading the ${layoutName})` : ""}`,
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

/**
 * The column code of a header cell (lower case): `c0010`, `...c0010` after a dot, or the `b_05.01.0010` form of
 * EBA's templates -> `c0010`; anything else undefined.
 */
export function headerCode(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  const m = /(?:^|\.)c(\d{4})$/.exec(n) ?? /^b_\d{2}\.\d{2}\.(\d{4})$/.exec(n);
  return m ? `c${m[1]}` : undefined;
}
