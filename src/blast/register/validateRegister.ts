import type { ImportIssues } from "../import/ImportIssues.js";
import { detectLayout } from "./detectLayout.js";
import type { RegisterRow, RegisterTable } from "./RegisterTable.js";
import { readRegisterTable } from "./RegisterTable.js";
import type { RegisterFile } from "./readRegisterFiles.js";
import { templateOf } from "./readRegisterFiles.js";
import { LAYOUT_NAMES, REQUIRED_TEMPLATES, type RegisterLayout, TEMPLATES } from "./templates.js";

/** The valid rows of each template read (template code -> rows), after key and foreign-key checks. */
export type ValidRows = Map<string, RegisterRow[]>;

/** A foreign key: `field` of `template` must be a key value of `target` (its `targetField`). */
interface ForeignKey {
  readonly template: string;
  readonly field: string;
  readonly target: string;
  readonly targetField: string;
  /** An empty value is allowed (optional reference). */
  readonly optional?: boolean;
}

/** Checked in this order, so a row dropped earlier makes the rows that point at it dangle (in lenient mode). */
const FOREIGN_KEYS: readonly ForeignKey[] = [
  { template: "B_01.02", field: "parent", target: "entities", targetField: "lei", optional: true },
  { template: "B_06.01", field: "entity", target: "entities", targetField: "lei", optional: true },
  { template: "B_02.02", field: "entity", target: "entities", targetField: "lei" },
  { template: "B_02.02", field: "provider", target: "B_05.01", targetField: "provider" },
  { template: "B_02.02", field: "function", target: "B_06.01", targetField: "function" },
  { template: "B_05.02", field: "contract", target: "B_02.02", targetField: "contract" },
  { template: "B_05.02", field: "provider", target: "B_05.01", targetField: "provider" },
  { template: "B_05.02", field: "recipient", target: "B_05.01", targetField: "provider", optional: true },
  { template: "B_07.01", field: "contract", target: "B_02.02", targetField: "contract" },
  { template: "B_07.01", field: "provider", target: "B_05.01", targetField: "provider" },
];

const ORDER = ["B_01.01", "B_01.02", "B_05.01", "B_06.01", "B_02.02", "B_05.02", "B_07.01"];

/**
 * Reads the templates of a register and applies the four rejection rules of the ITS: empty key (E_REG_EMPTY_KEY),
 * duplicate key (E_REG_DUPLICATE_KEY), a foreign key that points nowhere (E_REG_DANGLING_KEY), a template without a
 * positive filing indicator (E_REG_MISSING_FILING_INDICATOR). Every problem goes to `issues`; rows with a problem are
 * left out of the result, so a lenient import keeps the rest. The layout (and so the columns and keys) is detected
 * from the header of B_05.01 (see detectLayout); a header of no known layout is fatal.
 */
export function validateRegister(
  files: readonly RegisterFile[],
  registerName: string,
  issues: ImportIssues,
): { rows: ValidRows; fatal: boolean; layout: RegisterLayout } {
  const byTemplate = new Map<string, RegisterFile>();
  let indicators: RegisterFile | undefined;
  for (const f of files) {
    if (f.base === "filingindicators.csv") indicators = f;
    const t = templateOf(f.base);
    if (t && TEMPLATES["eba-4.0"][t]) byTemplate.set(t, f);
  }
  const detected = detectLayout(byTemplate.get("B_05.01"), issues);
  let fatal = detected === undefined;
  const layout = detected ?? "eba-4.0";
  const specs = TEMPLATES[layout];
  for (const t of REQUIRED_TEMPLATES) {
    if (!byTemplate.has(t)) {
      fatal = true;
      issues.add(
        "E_REG_MISSING_TEMPLATE",
        `template ${t} (${t.toLowerCase()}.csv) not found in the register`,
        {
          file: registerName,
        },
      );
    }
  }
  checkFilingIndicators(indicators, byTemplate, registerName, issues);
  const tables = new Map<string, RegisterTable>();
  for (const [t, f] of byTemplate) {
    if (t === "B_05.01" && detected === undefined) continue; // reported as E_REG_UNKNOWN_LAYOUT
    const table = readRegisterTable(f, specs[t]!, issues, LAYOUT_NAMES[layout]);
    if (table) tables.set(t, table);
    else if ((REQUIRED_TEMPLATES as readonly string[]).includes(t)) fatal = true;
  }
  const rows: ValidRows = new Map();
  for (const t of ORDER) {
    const table = tables.get(t);
    if (table) rows.set(t, checkKeys(table, issues));
  }
  // Entities: B_01.01 and B_01.02 together.
  const entityKeys = new Set<string>();
  for (const t of ["B_01.01", "B_01.02"]) for (const r of rows.get(t) ?? []) entityKeys.add(r.values["lei"]!);
  for (const fk of FOREIGN_KEYS) {
    const list = rows.get(fk.template);
    if (!list) continue;
    const keys =
      fk.target === "entities"
        ? entityKeys
        : new Set((rows.get(fk.target) ?? []).map((r) => r.values[fk.targetField]!));
    const targetName = fk.target === "entities" ? "B_01.01 or B_01.02" : fk.target;
    if (!tables.has(fk.target) && fk.target !== "entities") {
      // An optional template that is absent: references to it cannot be checked, so they are not errors.
      continue;
    }
    rows.set(
      fk.template,
      list.filter((r) => {
        const v = r.values[fk.field]!;
        if (v === "" && fk.optional) return true;
        if (keys.has(v)) return true;
        const at = r.at[fk.field]!;
        issues.add("E_REG_DANGLING_KEY", `"${v}" is not a ${fk.targetField} in ${targetName}`, {
          file: r.file,
          line: at.line,
          col: at.col,
          path: at.header,
        });
        return false;
      }),
    );
  }
  return { rows, fatal, layout };
}

/** Empty and duplicate keys: reported, and the row left out (the first of duplicates is kept). */
function checkKeys(table: RegisterTable, issues: ImportIssues): RegisterRow[] {
  const seen = new Map<string, number>();
  const out: RegisterRow[] = [];
  for (const r of table.rows) {
    const empty = table.spec.key.find((k) => r.values[k] === "" && !table.spec.emptyKey?.includes(k));
    if (empty) {
      const at = r.at[empty]!;
      issues.add("E_REG_EMPTY_KEY", `key column ${at.header} is empty`, {
        file: r.file,
        line: at.line,
        col: at.col,
        path: at.header,
      });
      continue;
    }
    const key = table.spec.key.map((k) => r.values[k]).join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      const k0 = table.spec.key[0]!;
      const at = r.at[k0]!;
      issues.add(
        "E_REG_DUPLICATE_KEY",
        `duplicate key ${table.spec.key.map((k) => r.values[k]).join(", ")} (first on line ${first})`,
        { file: r.file, line: at.line, col: at.col, path: at.header },
      );
      continue;
    }
    seen.set(key, r.line);
    out.push(r);
  }
  return out;
}

const TRUE = new Set(["true", "yes", "y", "1", "x"]);

/** Every template present needs a row `template,true` in FilingIndicators.csv. */
function checkFilingIndicators(
  indicators: RegisterFile | undefined,
  byTemplate: ReadonlyMap<string, RegisterFile>,
  registerName: string,
  issues: ImportIssues,
): void {
  if (!indicators) {
    issues.add(
      "E_REG_MISSING_FILING_INDICATOR",
      "FilingIndicators.csv not found: no template is declared as reported",
      {
        file: registerName,
      },
    );
    return;
  }
  const table = readRegisterTable(
    indicators,
    {
      code: "FilingIndicators",
      columns: [
        { field: "template", headers: ["templateid", "template", "template code"], required: true },
        { field: "reported", headers: ["reported", "filed", "value"], required: true },
      ],
      key: ["template"],
    },
    issues,
  );
  if (!table) return;
  const reported = new Set<string>();
  for (const r of table.rows) {
    const code = r.values["template"]!.toUpperCase().replace(/\.CSV$/, "");
    if (TRUE.has(r.values["reported"]!.toLowerCase())) reported.add(code);
  }
  for (const [t, f] of byTemplate) {
    if (!reported.has(t)) {
      issues.add("E_REG_MISSING_FILING_INDICATOR", `template ${t} is present but not declared as reported`, {
        file: f.name,
        line: 1,
        path: indicators.name,
      });
    }
  }
}
